import { randomUUID } from 'node:crypto';
import { SUBGRAPHS, subgraphSdl } from '@nastavnik/gateway';
import { postGraphQL } from '@nastavnik/infra';
import { Role } from '@nastavnik/platform';
import { buildASTSchema, getNamedType, isNonNullType, isObjectType, Kind, parse, type GraphQLObjectType } from 'graphql';
import { createActiveMentor, createMentee, createProgramAt, createSchool, logMeeting, startedPair } from './fixtures';
import { AUTH, startSystem, type TestSystem } from './harness';
import { refusal } from './refusals';

type SubgraphName = 'participant' | 'program' | 'monitoring';

/** Every entity every subgraph resolves, with the record of a school that stands for it. */
const ENTITY_CASES = [
  ['participant', 'Person', (data: SchoolData) => data.mentee],
  ['participant', 'School', (data: SchoolData) => data.schoolId],
  ['participant', 'Municipality', (data: SchoolData) => data.municipalityId],
  ['program', 'MentoringProgram', (data: SchoolData) => data.programId],
  ['program', 'Pair', (data: SchoolData) => data.pairId],
  ['program', 'Meeting', (data: SchoolData) => data.meetingId],
  ['program', 'Person', (data: SchoolData) => data.mentee],
  ['program', 'School', (data: SchoolData) => data.schoolId],
  ['monitoring', 'Report', (data: SchoolData) => data.reportId],
  ['monitoring', 'Person', (data: SchoolData) => data.mentee],
  ['monitoring', 'Pair', (data: SchoolData) => data.pairId],
  ['monitoring', 'MentoringProgram', (data: SchoolData) => data.programId],
] as const;

/** A school with a running pair, a plan and a meeting. */
interface SchoolData {
  /** School B stands in another municipality for the one entity above schools. */
  municipalityId: string;
  schoolId: string;
  curator: string;
  mentor: string;
  otherMentor: string;
  mentee: string;
  otherMentee: string;
  programId: string;
  pairId: string;
  otherPairId: string;
  meetingId: string;
  planId: string;
  mentorProfileId: string;
  menteeProfileId: string;
  reportId: string;
}

describe('isolation', () => {
  let system: TestSystem;
  let office: string;
  let a: SchoolData;
  let b: SchoolData;

  async function school(name: string): Promise<SchoolData> {
    const schoolId = await createSchool(system, office, name);
    const curator = await system.token(Role.CURATOR, schoolId);
    const [mentor, otherMentor] = [await createActiveMentor(system, curator, schoolId), await createActiveMentor(system, curator, schoolId)];
    const [mentee, otherMentee] = [await createMentee(system, curator, schoolId), await createMentee(system, curator, schoolId, 6, ['BURNOUT'])];
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    const otherPairId = await startedPair(system, curator, programId, otherMentor, [otherMentee]);
    const meetingId = await logMeeting(system, curator, pairId, 'INTRO', '2025-09-16');
    const plan = await system.request<{ createDevelopmentPlan: { id: string } }>(
      'mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) { id } }',
      { input: { pairId, menteeId: mentee, goals: ['Освоить методику'] } },
      curator,
    );
    const profiles = await system.request<{ person: { mentorProfile: { id: string } } }>('query($id: ID!) { person(id: $id) { mentorProfile { id } } }', { id: mentor }, curator);
    const menteeProfiles = await system.request<{ person: { menteeProfile: { id: string } } }>('query($id: ID!) { person(id: $id) { menteeProfile { id } } }', { id: mentee }, curator);
    const report = await system.request<{ requestReport: { id: string } }>(
      'mutation($input: RequestReportInput!) { requestReport(input: $input) { id } }',
      { input: { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025/2026' } },
      curator,
    );
    return {
      municipalityId: system.municipalityId,
      schoolId,
      curator,
      mentor,
      otherMentor,
      mentee,
      otherMentee,
      programId,
      pairId,
      otherPairId,
      meetingId,
      planId: plan.createDevelopmentPlan.id,
      mentorProfileId: profiles.person.mentorProfile.id,
      menteeProfileId: menteeProfiles.person.menteeProfile.id,
      reportId: report.requestReport.id,
    };
  }

  beforeAll(async () => {
    system = await startSystem();
    office = await system.token(Role.MUNICIPAL_ADMIN);
    a = await school('Школа А');
    b = await school('Школа Б');
    const foreign = randomUUID();
    await system.participant.dataSource.query('INSERT INTO municipality (id, name) VALUES ($1, $2)', [foreign, 'Другой муниципалитет']);
    b = { ...b, municipalityId: foreign };
  });
  afterAll(() => system?.stop());

  describe('school B never reaches a caller of school A', () => {
    const byId: [string, string, (data: SchoolData) => string][] = [
      ['person', 'query($id: ID!) { person(id: $id) { id } }', (data) => data.mentee],
      ['mentorProfile', 'query($id: ID!) { mentorProfile(id: $id) { id } }', (data) => data.mentorProfileId],
      ['menteeProfile', 'query($id: ID!) { menteeProfile(id: $id) { id } }', (data) => data.menteeProfileId],
      ['school', 'query($id: ID!) { school(id: $id) { id } }', (data) => data.schoolId],
      ['program', 'query($id: ID!) { program(id: $id) { id } }', (data) => data.programId],
      ['pair', 'query($id: ID!) { pair(id: $id) { id } }', (data) => data.pairId],
      ['report', 'query($id: ID!) { report(id: $id) { id } }', (data) => data.reportId],
      ['updatePerson', 'mutation($id: ID!) { updatePerson(id: $id, input: { position: "Директор", expectedVersion: 1 }) { id } }', (data) => data.mentee],
      ['logMeeting', 'mutation($id: ID!) { logMeeting(input: { pairId: $id, type: REGULAR, heldOn: "2025-09-20", durationMinutes: 45, topic: "Чужая пара" }) { id } }', (data) => data.pairId],
      ['addPlanTask', 'mutation($id: ID!) { addPlanTask(input: { planId: $id, title: "Чужая", deadline: "2025-12-01" }) { id } }', (data) => data.planId],
    ];

    it.each(byId)('by id: %s of school B is not found', async (_name, query, idOf) => {
      expect((await refusal(system, query, { id: idOf(b) }, a.curator)).code).toBe('NOT_FOUND');
      // The same call with school A's own record works, so the refusal is about the school.
      if (query.startsWith('query')) expect((await system.post(query, { id: idOf(a) }, a.curator)).body.errors).toBeUndefined();
    });

    it.each([
      ['people', 'query($id: ID!) { people(filter: { schoolId: $id }) { totalCount nodes { id } } }', 'people'],
      ['programs', 'query($id: ID!) { programs(filter: { schoolId: $id }) { totalCount nodes { id } } }', 'programs'],
      ['pairs', 'query($id: ID!) { pairs(filter: { schoolId: $id }) { totalCount nodes { id } } }', 'pairs'],
    ])('lists: %s filtered to school B are empty', async (_name, query, field) => {
      const data = await system.request<Record<string, { totalCount: number }>>(query, { id: b.schoolId }, a.curator);
      expect(data[field].totalCount).toBe(0);
      expect((await system.request<Record<string, { totalCount: number }>>(query, { id: a.schoolId }, a.curator))[field].totalCount).toBeGreaterThan(0);
    });

    it('cursors: a cursor taken from school B’s list still pages through school A only', async () => {
      const query = 'query($after: String) { people(page: { first: 1, after: $after }) { nodes { schoolId } pageInfo { endCursor } } }';
      type People = { people: { nodes: { schoolId: string }[]; pageInfo: { endCursor: string } } };
      const cursor = (await system.request<People>(query, {}, b.curator)).people.pageInfo.endCursor;
      const page = await system.request<People>(query.replace('first: 1', 'first: 50'), { after: cursor }, a.curator);
      expect(page.people.nodes.every((node) => node.schoolId === a.schoolId)).toBe(true);
    });

    it('reports: school B’s workbook is not served and its dashboard is refused', async () => {
      const download = await fetch(`${system.gatewayUrl.replace(/\/graphql$/, '')}/reports/${b.reportId}/file`, { headers: { authorization: `Bearer ${a.curator}` } });
      expect(download.status).toBe(404);
      const dashboard = await system.post('query($id: ID!) { dashboard(academicYear: "2025/2026", scope: { kind: SCHOOL, id: $id }) { academicYear } }', { id: b.schoolId }, a.curator);
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(dashboard.body.errors?.[0]?.extensions?.code);
    });

    /** Every entity with a key, straight at every subgraph that resolves it: school B's answers null or nothing. */
    it.each(ENTITY_CASES)('entities: %s resolves %s of school B to nothing', async (subgraphName, typeName, idOf) => {
      const definition = SUBGRAPHS.find((subgraph) => subgraph.name === subgraphName)!;
      const schema = buildASTSchema(parse(await subgraphSdl(definition)), { assumeValidSDL: true });
      const selection = selectionOf(schema.getType(typeName) as GraphQLObjectType);
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { ${selection} } } }`;
      const ask = (data: SchoolData) =>
        postGraphQL<{ _entities: (Record<string, unknown> | null)[] }>(system[subgraphName as SubgraphName].url, query, { representations: [{ __typename: typeName, id: idOf(data) }] }, a.curator, {
          'x-gateway-secret': AUTH.gatewaySecret,
        });
      const foreign = await ask(b);
      // A refusal is as good as nothing; any other error would be a leak of a kind or a bug.
      for (const error of foreign.body.errors ?? []) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(error.extensions?.code);
      expect(nothingOf(foreign.body.data?._entities[0] ?? null)).toBe(true);
      // School A's own entity answers with something, so "nothing" above is the scope at work.
      const own = await ask(a);
      expect(own.body.data!._entities[0]).not.toBeNull();
    });
  });

  it('has an isolation case for every entity of every subgraph', async () => {
    const keyed: string[] = [];
    for (const subgraph of SUBGRAPHS) {
      for (const definition of parse(await subgraphSdl(subgraph)).definitions) {
        const isType = definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;
        if (isType && definition.directives?.some((directive) => directive.name.value === 'key')) keyed.push(`${subgraph.name} ${definition.name.value}`);
      }
    }
    expect(ENTITY_CASES.map(([subgraph, type]) => `${subgraph} ${type}`).sort()).toEqual(keyed.sort());
  });

  it('shows burnout to the curator and the psychologist only; the office and the administration see the other categories', async () => {
    const query = 'query($id: ID!) { person(id: $id) { menteeCategories menteeProfile { categories } } }';
    type Categories = { person: { menteeCategories: string[]; menteeProfile: { categories: string[] } } };
    for (const token of [a.curator, await system.token(Role.PSYCHOLOGIST, a.schoolId)]) {
      const seen = await system.request<Categories>(query, { id: a.otherMentee }, token);
      expect(seen.person.menteeCategories).toContain('BURNOUT');
      expect(seen.person.menteeProfile.categories).toContain('BURNOUT');
    }
    for (const token of [office, await system.token(Role.SCHOOL_ADMIN, a.schoolId)]) {
      const seen = await system.request<Categories>(query, { id: a.otherMentee }, token);
      expect(seen.person).toEqual({ menteeCategories: [], menteeProfile: { categories: [] } });
      const byBurnout = await refusal(system, '{ people(filter: { menteeCategory: BURNOUT }) { totalCount } }', {}, token);
      expect(byBurnout).toEqual({ code: 'FORBIDDEN', field: 'filter.menteeCategory' });
    }
  });

  describe('within a school, a mentor or mentee sees their own', () => {
    it('a mentor lists only their own pairs and cannot open a colleague’s', async () => {
      const mentor = await system.token(Role.MENTOR, a.schoolId, a.mentor);
      const data = await system.request<{ pairs: { nodes: { id: string }[] } }>('{ pairs { nodes { id } } }', {}, mentor);
      expect(data.pairs.nodes.map((pair) => pair.id)).toEqual([a.pairId]);
      expect((await refusal(system, 'query($id: ID!) { pair(id: $id) { id } }', { id: a.otherPairId }, mentor)).code).toBe('NOT_FOUND');
    });

    it('a mentee sees their own pair’s plan and meetings, and no other pair', async () => {
      const mentee = await system.token(Role.MENTEE, a.schoolId, a.mentee);
      const data = await system.request<{ pairs: { nodes: { id: string; plans: { id: string }[]; meetings: { id: string }[] }[] } }>(
        '{ pairs { nodes { id plans { id } meetings { id } } } }',
        {},
        mentee,
      );
      expect(data.pairs.nodes).toEqual([{ id: a.pairId, plans: [{ id: a.planId }], meetings: [{ id: a.meetingId }] }]);
      const other = await system.token(Role.MENTEE, a.schoolId, a.otherMentee);
      expect((await system.request<{ pairs: { nodes: { id: string }[] } }>('{ pairs { nodes { id } } }', {}, other)).pairs.nodes.map((pair) => pair.id)).toEqual([a.otherPairId]);
    });

    it('a mentor finds only themself among people, yet sees their mentee’s name through the pair', async () => {
      const mentor = await system.token(Role.MENTOR, a.schoolId, a.mentor);
      const people = await system.request<{ people: { nodes: { id: string }[] } }>('{ people { nodes { id } } }', {}, mentor);
      expect(people.people.nodes.map((person) => person.id)).toEqual([a.mentor]);
      expect((await refusal(system, 'query($id: ID!) { person(id: $id) { id } }', { id: a.mentee }, mentor)).code).toBe('NOT_FOUND');
      const pair = await system.request<{ pair: { mentees: { id: string; fullName: string }[] } }>('query($id: ID!) { pair(id: $id) { mentees { id fullName } } }', { id: a.pairId }, mentor);
      expect(pair.pair.mentees).toEqual([{ id: a.mentee, fullName: expect.any(String) }]);
    });

    it('sensitive fields of a partner read as null or empty; of oneself, as they are', async () => {
      await system.request(
        'mutation($id: ID!) { updatePerson(id: $id, input: { email: "mentee@school.example", phone: "+7 900 000-00-00", expectedVersion: 1 }) { id } }',
        { id: a.otherMentee },
        a.curator,
      );
      const fields = 'id email phone birthYear staffNumber consents { id } menteeProfile { id } menteeCategories';
      const otherMentor = await system.token(Role.MENTOR, a.schoolId, a.otherMentor);
      const asPartner = await system.request<{ pair: { mentees: Record<string, unknown>[] } }>(`query($id: ID!) { pair(id: $id) { mentees { ${fields} } } }`, { id: a.otherPairId }, otherMentor);
      expect(asPartner.pair.mentees[0]).toEqual({ id: a.otherMentee, email: null, phone: null, birthYear: null, staffNumber: null, consents: [], menteeProfile: null, menteeCategories: [] });
      const self = await system.token(Role.MENTEE, a.schoolId, a.otherMentee);
      const own = await system.request<{ person: Record<string, unknown> }>(`query($id: ID!) { person(id: $id) { ${fields} } }`, { id: a.otherMentee }, self);
      expect(own.person).toMatchObject({ email: 'mentee@school.example', phone: '+7 900 000-00-00', menteeProfile: { id: expect.any(String) } });
      expect(own.person.menteeCategories).toContain('BURNOUT');
      const curator = await system.request<{ person: Record<string, unknown> }>(`query($id: ID!) { person(id: $id) { ${fields} } }`, { id: a.otherMentee }, a.curator);
      expect(curator.person.email).toBe('mentee@school.example');
    });
  });
});

/** Every field of the type that needs no argument, with `__typename` under object fields. */
function selectionOf(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .map((field) => (isObjectType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name))
    .join(' ');
}

/** Null, or a stub that carries nothing beyond its key: every list empty, every object null. */
function nothingOf(entity: Record<string, unknown> | null): boolean {
  if (entity === null) return true;
  return Object.entries(entity).every(([key, value]) => key === 'id' || value === null || (Array.isArray(value) && value.length === 0));
}
