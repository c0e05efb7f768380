import { readCommittedSupergraph, composeSupergraph } from '@nastavnik/gateway';
import { AUTH, countStatements, Role, startSystem, type TestSystem } from './harness';
import { createActiveMentor, createMentee, createMentorWith, createPerson, createProgram, createSchool, formPair } from './fixtures';
import { postGraphQL } from '@nastavnik/infra';
import { signToken } from '@nastavnik/platform';

let system: TestSystem;
let office: string;
let schoolA: string;
let schoolB: string;
let curatorA: string;

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа А');
  schoolB = await createSchool(system, office, 'Школа Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
});

afterAll(() => system?.stop());

describe('one request across the three subgraphs', () => {
  it('resolves school → programme → pair → mentor and mentees → measurements', async () => {
    const mentor = await createActiveMentor(system, curatorA, schoolA, { fullName: 'Наставникова Мария Петровна' });
    const mentee = await createMentee(system, curatorA, schoolA, 1);
    const programId = await createProgram(system, curatorA, schoolA);
    await formPair(system, curatorA, programId, mentor, [mentee]);
    await system.request(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      { input: { personId: mentee, programId, parameterKey: 'motivation', stage: 'BEFORE', value: 3, measuredOn: '2025-09-12' } },
      curatorA,
    );

    const data = await system.request<{
      school: { name: string; programs: { pairs: { mentor: { fullName: string }; mentees: { isYoungSpecialist: boolean; measurements: { parameterKey: string; value: number }[] }[] }[] }[] };
    }>(
      `query($id: ID!) { school(id: $id) { name programs { pairs { mentor { fullName }
         mentees { isYoungSpecialist measurements { parameterKey value } } } } } }`,
      { id: schoolA },
      curatorA,
    );
    const pair = data.school.programs[0]!.pairs[0]!;
    expect(data.school.name).toBe('Школа А');
    expect(pair.mentor.fullName).toBe('Наставникова Мария Петровна');
    expect(pair.mentees[0]!.isYoungSpecialist).toBe(true);
    expect(pair.mentees[0]!.measurements).toEqual([{ parameterKey: 'motivation', value: 3 }]);
  });
});

describe('entity references are batched', () => {
  it('resolves the people of a page of pairs with a fixed number of participant queries, whatever the page size', async () => {
    const schoolId = await createSchool(system, office, 'Школа пакетной загрузки');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgram(system, curator, schoolId);
    // Capacity 6 each: the program subgraph refuses more mentees than a mentor's capacity.
    const mentors = [await createMentorWith(system, curator, schoolId, { capacity: 6 }), await createMentorWith(system, curator, schoolId, { capacity: 6 })];
    for (let index = 0; index < 12; index += 1) {
      const mentee = await createMentee(system, curator, schoolId, 1);
      await formPair(system, curator, programId, mentors[index % 2]!, [mentee]);
    }
    const query = `query($first: Int!, $programId: ID!) { pairs(filter: { programId: $programId }, page: { first: $first }) {
      nodes { mentor { fullName } mentees { fullName } } } }`;
    const statementsFor = (first: number) =>
      countStatements(system.participant, async () => {
        const data = await system.request<{ pairs: { nodes: unknown[] } }>(query, { first, programId }, curator);
        expect(data.pairs.nodes).toHaveLength(first);
      });
    const small = await statementsFor(3);
    const large = await statementsFor(12);
    // The query plan fetches mentors and mentees as two _entities batches of Person, each one
    // SELECT … WHERE id = ANY($1): two statements for 3 pairs and for 12.
    expect(small).toBe(2);
    expect(large).toBe(small);
  });
});

describe('pagination', () => {
  it('walks a filtered list page by page with a stable total', async () => {
    const schoolId = await createSchool(system, office, 'Школа постраничного вывода');
    const curator = await system.token(Role.CURATOR, schoolId);
    const names = ['Алексеева', 'Борисова', 'Васильева', 'Григорьева', 'Давыдова'];
    for (const name of names) await createPerson(system, curator, schoolId, { fullName: `${name} Ольга Ивановна` });
    const query = `query($after: String) { people(page: { first: 2, after: $after }) { totalCount nodes { fullName } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const data: { people: { totalCount: number; nodes: { fullName: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await system.request(query, { after }, curator);
      expect(data.people.totalCount).toBe(5);
      seen.push(...data.people.nodes.map((node) => node.fullName.split(' ')[0]!));
      expect(data.people.pageInfo.hasNextPage).toBe(page < 2);
      after = data.people.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
  });

  it('walks a list sorted by time without repeating or skipping a row', async () => {
    const schoolId = await createSchool(system, office, 'Школа постраничного вывода пар');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgram(system, curator, schoolId);
    const mentor = await createMentorWith(system, curator, schoolId, { capacity: 5 });
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) created.push(await formPair(system, curator, programId, mentor, [await createMentee(system, curator, schoolId, 1)]));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const data: { pairs: { nodes: { id: string }[]; pageInfo: { endCursor: string | null } } } = await system.request(
        'query($after: String, $programId: ID!) { pairs(filter: { programId: $programId }, page: { first: 2, after: $after }) { nodes { id } pageInfo { endCursor } } }',
        { after, programId },
        curator,
      );
      seen.push(...data.pairs.nodes.map((node) => node.id));
      after = data.pairs.pageInfo.endCursor;
    }
    expect(seen).toEqual(created);
  });

  it('refuses a cursor it did not issue', async () => {
    const { body } = await system.post('{ people(page: { first: 2, after: "not-a-cursor" }) { totalCount } }', {}, curatorA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'page.after' });
  });
});

describe('validation', () => {
  it('answers a bad email with VALIDATION_FAILED and the field, and writes nothing', async () => {
    const count = async () => (await system.request<{ people: { totalCount: number } }>('{ people { totalCount } }', {}, curatorA)).people.totalCount;
    const before = await count();
    const { body } = await system.post(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { schoolId: schoolA, fullName: 'Ошибкина Вера', position: 'Учитель', pedagogicalExperienceYears: 2, email: 'not-an-email' } },
      curatorA,
    );
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.email' });
    expect(await count()).toBe(before);
  });
});

describe('school isolation', () => {
  let personOfB: string;
  let pairOfB: string;

  beforeAll(async () => {
    const curatorB = await system.token(Role.CURATOR, schoolB);
    personOfB = await createActiveMentor(system, curatorB, schoolB, { fullName: 'Чужая Школа Бовна' });
    const mentee = await createMentee(system, curatorB, schoolB);
    pairOfB = await formPair(system, curatorB, await createProgram(system, curatorB, schoolB), personOfB, [mentee]);
  });

  it('refuses a by-id read of a person of another school as not found', async () => {
    const { body } = await system.post('query($id: ID!) { person(id: $id) { fullName } }', { id: personOfB }, curatorA);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(body)).not.toContain('Чужая');
  });

  it('leaves other schools out of every list', async () => {
    const data = await system.request<{ people: { nodes: { fullName: string }[] }; schools: { id: string }[]; pairs: { totalCount: number; nodes: { id: string }[] } }>(
      '{ people(page: { first: 200 }) { nodes { fullName } } schools { id } pairs(page: { first: 200 }) { totalCount nodes { id } } }',
      {},
      curatorA,
    );
    expect(data.people.nodes.map((person) => person.fullName)).not.toContain('Чужая Школа Бовна');
    expect(data.schools).toEqual([{ id: schoolA }]);
    expect(data.pairs.nodes.map((pair) => pair.id)).not.toContain(pairOfB);
  });

  it('refuses a pair of another school', async () => {
    const { body } = await system.post('query($id: ID!) { pair(id: $id) { id mentor { fullName } } }', { id: pairOfB }, curatorA);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(body)).not.toContain('Чужая');
  });

  it('refuses to form a pair with a person of another school', async () => {
    const programId = await createProgram(system, curatorA, schoolA, '2026/2027');
    const mentee = await createMentee(system, curatorA, schoolA);
    const { body } = await system.post(
      'mutation($input: FormPairInput!) { formPair(input: $input) { id } }',
      { input: { programId, mentorId: personOfB, menteeIds: [mentee], subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST' } },
      curatorA,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.mentorId' });
  });

  it('resolves a person of another school to nothing through _entities', async () => {
    const { body } = await postGraphQL<{ _entities: unknown[] }>(
      system.participant.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName } } }',
      { r: [{ __typename: 'Person', id: personOfB }] },
      curatorA,
      { 'x-gateway-secret': AUTH.gatewaySecret },
    );
    expect(body.data?._entities).toEqual([null]);
  });
});

describe('subgraphs answer only the gateway', () => {
  const query = '{ schools { id } }';

  it('refuses a request without a token', async () => {
    const answer = await postGraphQL(system.participant.url, query, {}, undefined, { 'x-gateway-secret': AUTH.gatewaySecret });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses a valid token that did not come through the gateway', async () => {
    for (const subgraph of [system.participant, system.program, system.monitoring]) {
      const answer = await postGraphQL(subgraph.url, '{ _service { sdl } }', {}, curatorA);
      expect(answer.status).toBe(401);
      expect(answer.body.data).toBeUndefined();
    }
  });

  it('refuses a token signed with another key', async () => {
    const forged = await signToken(
      { userId: 'intruder', role: Role.MUNICIPAL_ADMIN, municipalityId: system.municipalityId, schoolId: null, personId: null },
      { ...AUTH, jwtSecret: 'a-completely-different-secret-of-enough-length' },
    );
    const direct = await postGraphQL(system.participant.url, query, {}, forged, { 'x-gateway-secret': AUTH.gatewaySecret });
    expect(direct.status).toBe(401);
    const viaGateway = await system.post(query, {}, forged);
    expect(viaGateway.status).toBe(401);
    expect(viaGateway.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token at the gateway', async () => {
    const expired = await signToken(
      { userId: 'late', role: Role.CURATOR, municipalityId: system.municipalityId, schoolId: schoolA, personId: null },
      AUTH,
      '-1m',
    );
    const answer = await system.post(query, {}, expired);
    expect(answer.status).toBe(401);
    expect(answer.body.data ?? null).toBeNull();
  });
});

describe('health', () => {
  it('answers /health and /ready on every service', async () => {
    for (const service of [system.participant, system.program, system.monitoring, system.gateway]) {
      for (const path of ['/health', '/ready']) {
        const response = await fetch(new URL(path, service.url));
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
      }
    }
  });
});

describe('supergraph', () => {
  it('is committed as composed from the subgraphs (run `npm run compose` after a schema change)', async () => {
    expect(await readCommittedSupergraph()).toBe(await composeSupergraph());
  });
});
