import { randomBytes } from 'node:crypto';
import { dropDatabases, ensureDatabases, migrate, migrationTargets } from '@nastavnik/infra';
import { ANALYTICS_QUEUE, ConfigError, generateJobId, type GenerateReportJobData } from '@nastavnik/platform';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { Role, startSystem, TEST_DATABASE_URL, TEST_REDIS_URL, type TestSystem } from './harness';

let system: TestSystem;
let office: string;

const METRICS_TOKEN = `metrics-${randomBytes(12).toString('hex')}`;

beforeAll(async () => {
  system = await startSystem({ gatewayEnv: { METRICS_TOKEN } });
  office = await system.token(Role.MUNICIPAL_ADMIN);
});

afterAll(async () => {
  await system?.stop();
});

/** Scrapes as Prometheus does: with the metrics token (the subgraphs here have none set and ignore it). */
async function scrape(url: string | URL): Promise<string> {
  const response = await fetch(new URL('/metrics', url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The value of one sample, e.g. `graphql_requests_total{operation="X"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('count operations by name, time them and count refusals by code, on the gateway and on a subgraph', async () => {
    for (let i = 0; i < 3; i += 1) await system.request('query ObservedSchools { schools { id name } }', {}, office);
    const missing = await system.post('query ObservedMissingSchool($id: ID!) { school(id: $id) { id } }', { id: crypto.randomUUID() }, office);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await system.post('{ schools { id } }', {}, office);

    const gateway = await scrape(system.gateway.url);
    expect(sample(gateway, 'graphql_requests_total{operation="ObservedSchools"}')).toBe(3);
    expect(sample(gateway, 'graphql_requests_total{operation="ObservedMissingSchool"}')).toBe(1);
    expect(sample(gateway, 'graphql_requests_total{operation="anonymous"}')).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'graphql_request_duration_seconds_count{operation="ObservedSchools"}')).toBe(3);
    expect(sample(gateway, 'graphql_errors_total{code="NOT_FOUND"}')).toBe(1);
    expect(gateway).toMatch(/^process_cpu_user_seconds_total /m);
    expect(gateway).not.toMatch(/^db_pool_/m);

    // The gateway names the operations it sends after the client's: ObservedSchools__participant__0.
    const participant = await scrape(system.participant.url);
    const forwarded = participant.split('\n').filter((line) => /^graphql_requests_total\{operation="ObservedSchools__participant__\d+"\} /.test(line));
    expect(forwarded.map((line) => Number(line.split(' ').pop())).reduce((a, b) => a + b, 0)).toBe(3);
    expect(sample(participant, 'graphql_errors_total{code="NOT_FOUND"}')).toBe(1);
    for (const gauge of ['db_pool_connections', 'db_pool_idle_connections', 'db_pool_waiting_clients']) {
      expect(sample(participant, gauge)).toBeGreaterThanOrEqual(0);
    }
    expect(sample(participant, 'db_pool_connections')).toBeGreaterThanOrEqual(1);
  });

  it('on the gateway’s public port answer only the scraper’s token', async () => {
    const url = new URL('/metrics', system.gateway.url);
    const without = await fetch(url);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await without.text()).not.toMatch(/graphql_requests_total/);
    expect((await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    const office = await system.token(Role.MUNICIPAL_ADMIN);
    expect((await fetch(url, { headers: { authorization: `Bearer ${office}` } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
  });

  it('count a request refused before it runs (no token) by its code', async () => {
    const before = sample(await scrape(system.gateway.url), 'graphql_errors_total{code="UNAUTHENTICATED"}') ?? 0;
    const answer = await system.post('query ObservedNoToken { schools { id } }');
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(sample(await scrape(system.gateway.url), 'graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(before + 1);
  });
});

describe('request ids', () => {
  const post = (url: string, requestId: string, token: string, extra: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId, ...extra },
      body: JSON.stringify({ query: 'query ObservedRequestId { schools { id } }' }),
    });

  it('the gateway answers the caller’s x-request-id, and a new one when none was sent', async () => {
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const response = await post(system.gateway.url, requestId, office);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const anonymous = await fetch(system.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` }, body: '{"query":"{ schools { id } }"}' });
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a report job carries the request id of the mutation that ordered it', async () => {
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const response = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}`, 'x-request-id': requestId },
      body: JSON.stringify({
        query: 'mutation ObservedReport($input: RequestReportInput!) { requestReport(input: $input) { id status } }',
        variables: { input: { scope: { kind: 'MUNICIPALITY', id: system.municipalityId }, academicYear: '2025/2026' } },
      }),
    });
    const body = (await response.json()) as { data?: { requestReport: { id: string; status: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const queue = new Queue<GenerateReportJobData>(ANALYTICS_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: system.workerEnv.QUEUE_PREFIX });
    try {
      const job = await queue.getJob(generateJobId(body.data!.requestReport.id));
      expect(job?.data.requestId).toBe(requestId);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

describe('npm run migrate', () => {
  const run = `nastavnik_mg${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = { participant: `${run}_participant`, program: `${run}_program`, monitoring: `${run}_monitoring` };

  afterAll(() => dropDatabases(TEST_DATABASE_URL, Object.values(names)));

  it('names a missing database URL in one sentence', () => {
    expect(() => migrationTargets({ PARTICIPANT_DATABASE_URL: 'postgres://h/p' })).toThrow(ConfigError);
    expect(() => migrationTargets({ PARTICIPANT_DATABASE_URL: 'postgres://h/p' })).toThrow('No database URL for the program service: set PROGRAM_DATABASE_URL or DATABASE_URL (a server URL).');
    expect(migrationTargets({ DATABASE_URL: 'postgres://u:p@db:5432/postgres', MONITORING_DATABASE_URL: 'postgres://u:p@other:5432/mon' })).toEqual({
      participant: 'postgres://u:p@db:5432/nastavnik_participant',
      program: 'postgres://u:p@db:5432/nastavnik_program',
      monitoring: 'postgres://u:p@other:5432/mon',
    });
  });

  it('applies each subgraph’s pending migrations once and then finds nothing to run', async () => {
    const urls = await ensureDatabases(TEST_DATABASE_URL, Object.values(names));
    const targets = migrationTargets({
      PARTICIPANT_DATABASE_URL: urls[names.participant],
      PROGRAM_DATABASE_URL: urls[names.program],
      MONITORING_DATABASE_URL: urls[names.monitoring],
    });
    const lines: string[] = [];
    const first = await migrate(targets, (line) => lines.push(line));
    expect(first.map((run) => run.service)).toEqual(['participant', 'program', 'monitoring']);
    for (const run of first) expect(run.ran.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^participant: ran \d+ migration\(s\): /);

    for (const [service, url] of Object.entries(targets)) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM schema_migrations');
        expect(Number(rows[0]!.count)).toBe(first.find((run) => run.service === service)!.ran.length);
      } finally {
        await client.end();
      }
    }

    const again: string[] = [];
    const second = await migrate(targets, (line) => again.push(line));
    expect(second.every((run) => run.ran.length === 0)).toBe(true);
    expect(again).toEqual(['participant: up to date', 'program: up to date', 'monitoring: up to date']);
  });
});
