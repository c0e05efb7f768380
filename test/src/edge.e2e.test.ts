import { createHash } from 'node:crypto';
import { postGraphQL } from '@nastavnik/infra';
import { signToken } from '@nastavnik/platform';
import { AUTH, Role, startSystem, type TestSystem } from './harness';
import { createActiveMentor, createMentee, createProgram, createSchool, formPair } from './fixtures';

/**
 * The edge: limits on the shape of a query (depth, aliases, cost), refused batches and a rate limit
 * per caller. Each refusal carries a stable code and no data; the subgraphs refuse the same shapes
 * on their own, so a caller who reaches one directly gets no further.
 */
let system: TestSystem;
let office: string;

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
});

afterAll(() => system?.stop());

const NO_SCHOOL = '00000000-0000-4000-8000-000000000000';

/** 13 fields deep (the default limit is 12) but cheap: one list every other level. */
const TOO_DEEP = `{ school(id: "${NO_SCHOOL}") { municipality { schools { municipality { schools { municipality { schools {
  municipality { schools { municipality { schools { municipality { id } } } } } } } } } } } } }`;
/** 31 aliases (the default limit is 30). */
const TOO_MANY_ALIASES = `{ ${Array.from({ length: 31 }, (_, index) => `s${index}: schools { id }`).join(' ')} }`;
/** 12 deep, no alias, six nested unbounded lists: 20^6 = 64 million > 20 million. */
const TOO_COSTLY = `{ schools { municipality { schools { municipality { schools { municipality { schools {
  municipality { schools { municipality { schools { id } } } } } } } } } } } }`;

const refusals: [string, string, string][] = [
  ['a too-deep query', TOO_DEEP, 'QUERY_TOO_DEEP'],
  ['too many aliases', TOO_MANY_ALIASES, 'TOO_MANY_ALIASES'],
  ['a too-costly query', TOO_COSTLY, 'QUERY_TOO_COSTLY'],
];

describe('limits on the shape of a query', () => {
  it.each(refusals)('the gateway refuses %s with its code and no data', async (_case, query, code) => {
    const { status, body } = await system.post(query, {}, office);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(body.errors![0]!.extensions).toEqual({ code, limit: expect.any(Number), actual: expect.any(Number) });
    const { limit, actual } = body.errors![0]!.extensions as { limit: number; actual: number };
    expect(actual).toBeGreaterThan(limit);
  });

  it.each(refusals)('a subgraph reached directly refuses %s too', async (_case, query, code) => {
    const { status, body } = await postGraphQL(system.participant.url, query, {}, office, { 'x-gateway-secret': AUTH.gatewaySecret });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
  });

  it('lets a dashboard-sized query through under the default limits', async () => {
    const schoolId = await createSchool(system, office, 'Школа панели');
    const curator = await system.token(Role.CURATOR, schoolId);
    const mentor = await createActiveMentor(system, curator, schoolId, { fullName: 'Наставникова Ольга Ивановна' });
    const mentee = await createMentee(system, curator, schoolId, 1);
    const programId = await createProgram(system, curator, schoolId);
    await formPair(system, curator, programId, mentor, [mentee]);

    const data = await system.request<{ schools: { name: string; programs: { pairs: { mentor: { fullName: string }; mentees: { fullName: string }[] }[] }[] }[] }>(
      '{ schools { name programs { pairs { mentor { fullName } mentees { fullName } } } } }',
      {},
      office,
    );
    const school = data.schools.find((candidate) => candidate.name === 'Школа панели')!;
    expect(school.programs[0]!.pairs[0]!.mentor.fullName).toBe('Наставникова Ольга Ивановна');
    expect(school.programs[0]!.pairs[0]!.mentees).toHaveLength(1);
  });
});

describe('batched requests', () => {
  it('refuses a JSON array of operations with 400 and runs none of them', async () => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` },
      body: JSON.stringify([
        { query: 'mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }', variables: { input: { name: 'Школа из пакета' } } },
        { query: '{ schools { id } }' },
      ]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
    const data = await system.request<{ schools: { name: string }[] }>('{ schools { name } }', {}, office);
    expect(data.schools.map((school) => school.name)).not.toContain('Школа из пакета');
  });

  it('refuses a batch sent straight at a subgraph too', async () => {
    const response = await fetch(system.participant.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}`, 'x-gateway-secret': AUTH.gatewaySecret },
      body: JSON.stringify([{ query: '{ schools { id } }' }, { query: '{ schools { id } }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('rate limit per caller', () => {
  let limited: TestSystem;
  beforeAll(async () => {
    limited = await startSystem({ gatewayEnv: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => limited?.stop());

  it('answers RATE_LIMITED with 429 and retry-after once the budget is spent, per caller', async () => {
    const caller = await limited.token(Role.MUNICIPAL_ADMIN);
    for (let request = 0; request < 3; request += 1) {
      const { status, body } = await limited.post('{ schools { id } }', {}, caller);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    const response = await fetch(limited.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${caller}` },
      body: JSON.stringify({ query: '{ schools { id } }' }),
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors.map((error) => error.extensions)).toEqual([{ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter }]);

    // Another caller has a budget of its own.
    const other = await limited.token(Role.CURATOR, NO_SCHOOL);
    const { status } = await limited.post('{ schools { id } }', {}, other);
    expect(status).toBe(200);
  });
});

describe('tokens, body size and CSRF', () => {
  const query = '{ schools { id } }';

  it('refuses an expired token or one for another audience, at the gateway and at every subgraph', async () => {
    const caller = { userId: 'edge', role: Role.MUNICIPAL_ADMIN, municipalityId: system.municipalityId, schoolId: null, personId: null };
    const expired = await signToken(caller, AUTH, '-1m');
    const otherAudience = await signToken(caller, { ...AUTH, jwtAudience: 'another-system' });
    for (const token of [expired, otherAudience]) {
      const viaGateway = await system.post(query, {}, token);
      expect([viaGateway.status, viaGateway.body.errors?.[0]?.extensions?.code, viaGateway.body.data ?? null]).toEqual([401, 'UNAUTHENTICATED', null]);
      for (const subgraph of [system.participant, system.program, system.monitoring]) {
        const direct = await postGraphQL(subgraph.url, query, {}, token, { 'x-gateway-secret': AUTH.gatewaySecret });
        expect([direct.status, direct.body.errors?.[0]?.extensions?.code, direct.body.data ?? null]).toEqual([401, 'UNAUTHENTICATED', null]);
      }
    }
  });

  it('refuses a body over 1 MB with 413 at the gateway and at a subgraph', async () => {
    const body = JSON.stringify({ query, variables: { padding: 'x'.repeat(1_100_000) } });
    for (const [url, headers] of [
      [system.gatewayUrl, {}],
      [system.participant.url, { 'x-gateway-secret': AUTH.gatewaySecret }],
    ] as const) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${office}`, ...headers }, body });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('refuses a simple cross-site request (GET without a preflight header) and runs nothing', async () => {
    const response = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
    const preflighted = await fetch(`${system.gatewayUrl}?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${office}`, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });
});

describe('production mode', () => {
  let production: TestSystem;
  beforeAll(async () => {
    production = await startSystem({ gatewayEnv: { NODE_ENV: 'production', JWT_SECRET: AUTH.jwtSecret, GATEWAY_SECRET: AUTH.gatewaySecret, METRICS_TOKEN: 'metrics-token-of-the-edge-test' } });
  });
  afterAll(() => production?.stop());

  it('refuses introspection and serves no landing page', async () => {
    const caller = await production.token(Role.MUNICIPAL_ADMIN);
    const introspection = await production.post('{ __schema { queryType { name } } }', {}, caller);
    expect(introspection.body.data ?? null).toBeNull();
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const landing = await fetch(production.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(landing.headers.get('content-type')).not.toMatch(/html/);
    expect(await landing.text()).not.toMatch(/<html|sandbox/i);
  });
});

describe('automatic persisted queries through the gateway', () => {
  const query = 'query PersistedSchools { schools { id name } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const send = (body: Record<string, unknown>, token?: string) =>
    fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ ...body, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } }));

  it('answer a hash alone with PERSISTED_QUERY_NOT_FOUND, then, once the client sent the text with it, the hash alone', async () => {
    const unknown = await send({}, office);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await send({ query }, office);
    expect(registered.body.errors).toBeUndefined();
    const hashOnly = await send({}, office);
    expect(hashOnly.status).toBe(200);
    expect(hashOnly.body).toEqual(registered.body);

    // A registered query still needs a caller.
    expect((await send({})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuse a text that does not match its hash', async () => {
    const mismatch = await send({ query: '{ schools { id } }' }, office);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });
});
