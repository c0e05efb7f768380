import { createActiveMentor, createMentee, createProgramAt, createSchool, formPair } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';
import { refusal } from './refusals';

/**
 * Stage 2 through the gateway: the parameter catalogue (shipped and the municipality's own),
 * before/after values recorded once per slot against a programme the caller may see, who may read
 * them, and which participants, pairs and schools still lack a before or an after value.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let curatorA: string;
let psychologistA: string;
let programA: string;
let programB: string;
let mentor: string;
let mentee: string;
let pairId: string;

const RECORD = 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id parameterKey stage value source recordedBy } }';
const value = (overrides: Record<string, unknown> = {}) => ({
  input: { personId: mentee, programId: programA, parameterKey: 'motivation', stage: 'BEFORE', value: 3, measuredOn: '2025-09-12', ...overrides },
});

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа замеров А');
  const schoolB = await createSchool(system, office, 'Школа замеров Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
  psychologistA = await system.token(Role.PSYCHOLOGIST, schoolA);
  const curatorB = await system.token(Role.CURATOR, schoolB);
  mentor = await createActiveMentor(system, curatorA, schoolA);
  mentee = await createMentee(system, curatorA, schoolA, 1);
  programA = await createProgramAt(system, curatorA, schoolA, 'PAIRING');
  pairId = await formPair(system, curatorA, programA, mentor, [mentee]);
  programB = await createProgramAt(system, curatorB, schoolB, 'PAIRING');
});

afterAll(() => system?.stop());

describe('recording a value', () => {
  it('records a value entered by the psychologist, with its source and who recorded it', async () => {
    const data = await system.request<{ recordMeasurement: Record<string, unknown> }>(RECORD, value(), psychologistA);
    expect(data.recordMeasurement).toMatchObject({ parameterKey: 'motivation', stage: 'BEFORE', value: 3, source: 'DIRECT_ENTRY', recordedBy: `test-psychologist-${schoolA}` });
  });

  it('refuses a second value for the same slot and keeps the first', async () => {
    const { body } = await system.post(RECORD, value({ value: 5 }), curatorA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'MEASUREMENT_EXISTS', field: 'input.stage' });
    const rows = await system.monitoring.dataSource.query(`SELECT value FROM measurement WHERE person_id = $1 AND parameter_key = 'motivation' AND stage = 'BEFORE'`, [mentee]);
    expect(rows).toEqual([{ value: 3 }]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a programme of another school', { programId: 'PROGRAM_B' }, 'NOT_FOUND', 'input.programId'],
    ['a programme that does not exist', { programId: '00000000-0000-4000-8000-000000000001' }, 'NOT_FOUND', 'input.programId'],
    ['an unknown parameter', { parameterKey: 'happiness' }, 'UNKNOWN_PARAMETER', 'input.parameterKey'],
    ['a value outside the scale', { parameterKey: 'anxiety', value: 6 }, 'VALUE_OUT_OF_SCALE', 'input.value'],
    ['a person who does not exist', { personId: '00000000-0000-4000-8000-000000000002' }, 'NOT_FOUND', 'input.personId'],
    ['a typed-in value claiming to come from a response', { source: 'RESPONSE' }, 'VALIDATION_FAILED', 'input.source'],
  ])('refuses %s', async (_case, overrides, code, field) => {
    const input = value({ stage: 'AFTER', ...overrides, ...(overrides.programId === 'PROGRAM_B' ? { programId: programB } : {}) });
    const { body } = await system.post(RECORD, input, psychologistA);
    expect(body.errors?.[0]?.extensions).toEqual({ code, field });
  });

  it('refuses a mentor and a school administrator as recorders', async () => {
    for (const token of [await system.token(Role.MENTOR, schoolA, mentor), await system.token(Role.SCHOOL_ADMIN, schoolA)]) {
      const { body } = await system.post(RECORD, value({ parameterKey: 'anxiety' }), token);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows values to the school’s staff and to the person, not to a colleague', async () => {
    const query = 'query($id: ID!) { person(id: $id) { measurements { parameterKey } } }';
    const read = async (token: string) => (await system.request<{ person: { measurements: unknown[] } }>(query, { id: mentee }, token)).person.measurements.length;
    expect(await read(curatorA)).toBeGreaterThan(0);
    expect(await read(await system.token(Role.MENTEE, schoolA, mentee))).toBeGreaterThan(0);
    // A colleague does not even find the person: a mentor reads only their own record and their pairs.
    expect((await refusal(system, query, { id: mentee }, await system.token(Role.MENTOR, schoolA, mentor))).code).toBe('NOT_FOUND');
  });

  it('keeps the columns the analytics worker reads', async () => {
    const rows = await system.monitoring.dataSource.query(
      `SELECT m.person_id, m.program_id, m.school_id, m.municipality_id, m.parameter_key, m.stage, m.value, p.direction, p.scale_min, p.scale_max
         FROM measurement m JOIN parameter p ON p.key = m.parameter_key AND (p.municipality_id IS NULL OR p.municipality_id = m.municipality_id)
        WHERE m.person_id = $1`,
      [mentee],
    );
    expect(rows[0]).toEqual({
      person_id: mentee,
      program_id: programA,
      school_id: schoolA,
      municipality_id: system.municipalityId,
      parameter_key: 'motivation',
      stage: 'BEFORE',
      value: 3,
      direction: 'HIGHER_IS_BETTER',
      scale_min: 1,
      scale_max: 5,
    });
  });
});

describe('the parameter catalogue', () => {
  const ADD = 'mutation($input: AddParameterInput!) { addParameter(input: $input) { key name scaleMin scaleMax direction shipped } }';
  const parameter = (overrides: Record<string, unknown> = {}) => ({
    input: { key: 'team_conflicts', name: 'Конфликты с коллегами и родителями', scaleMin: 0, scaleMax: 10, direction: 'LOWER_IS_BETTER', ...overrides },
  });

  it('lists the shipped parameters with scale and direction', async () => {
    const data = await system.request<{ parameters: { key: string; direction: string; scaleMin: number; scaleMax: number; shipped: boolean }[] }>(
      '{ parameters { key direction scaleMin scaleMax shipped } }',
      {},
      curatorA,
    );
    const byKey = new Map(data.parameters.map((p) => [p.key, p]));
    for (const key of ['motivation', 'professional_competence', 'work_satisfaction', 'adaptation', 'digital_skills']) expect(byKey.get(key)?.direction).toBe('HIGHER_IS_BETTER');
    expect(byKey.get('anxiety')).toEqual({ key: 'anxiety', direction: 'LOWER_IS_BETTER', scaleMin: 1, scaleMax: 5, shipped: true });
  });

  it('lets the office add a parameter that its schools then measure on its own scale', async () => {
    const added = await system.request<{ addParameter: Record<string, unknown> }>(ADD, parameter(), office);
    expect(added.addParameter).toEqual({ key: 'team_conflicts', name: 'Конфликты с коллегами и родителями', scaleMin: 0, scaleMax: 10, direction: 'LOWER_IS_BETTER', shipped: false });
    await system.request(RECORD, value({ parameterKey: 'team_conflicts', value: 7 }), psychologistA);
    const { body } = await system.post(RECORD, value({ parameterKey: 'team_conflicts', stage: 'AFTER', value: 11 }), psychologistA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'VALUE_OUT_OF_SCALE', field: 'input.value' });
  });

  it.each<[string, Record<string, unknown>, string, string, Role]>([
    ['a key already taken by the municipality', {}, 'PARAMETER_EXISTS', 'input.key', Role.MUNICIPAL_ADMIN],
    ['a key of the shipped catalogue', { key: 'anxiety' }, 'PARAMETER_EXISTS', 'input.key', Role.MUNICIPAL_ADMIN],
    ['an empty scale', { key: 'flat', scaleMin: 3, scaleMax: 3 }, 'VALIDATION_FAILED', 'input.scaleMax', Role.MUNICIPAL_ADMIN],
  ])('refuses %s', async (_case, overrides, code, field, role) => {
    const { body } = await system.post(ADD, parameter(overrides), await system.token(role));
    expect(body.errors?.[0]?.extensions).toEqual({ code, field });
  });

  it('is extended by the office only', async () => {
    const { body } = await system.post(ADD, parameter({ key: 'curator_idea' }), curatorA);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('what is still missing', () => {
  const GAPS = `query($ids: [ID!]!) { measurementGaps(filter: { programIds: $ids }) {
    participants { personId roles pairIds expectedParameters missingBefore missingAfter }
    pairs { pairId participantsMissingBefore participantsMissingAfter }
    schools { schoolId participants participantsMissingBefore participantsMissingAfter } } }`;
  type Gaps = {
    measurementGaps: {
      participants: { personId: string; roles: string[]; pairIds: string[]; expectedParameters: string[]; missingBefore: string[]; missingAfter: string[] }[];
      pairs: { pairId: string; participantsMissingBefore: number; participantsMissingAfter: number }[];
      schools: { schoolId: string; participants: number; participantsMissingBefore: number; participantsMissingAfter: number }[];
    };
  };

  it('names the participants, pairs and schools lacking a before or an after value, until every parameter has both', async () => {
    const first = (await system.request<Gaps>(GAPS, { ids: [programA] }, psychologistA)).measurementGaps;
    const menteeGap = first.participants.find((p) => p.personId === mentee)!;
    expect(menteeGap.roles).toEqual(['MENTEE']);
    expect(menteeGap.pairIds).toEqual([pairId]);
    expect(menteeGap.expectedParameters).toEqual(expect.arrayContaining(['adaptation', 'motivation', 'professional_difficulties']));
    expect(menteeGap.missingBefore).not.toContain('motivation');
    expect(menteeGap.missingAfter).toContain('motivation');
    // A parameter measured once is expected twice, even when no instrument asks for it.
    expect(menteeGap.missingAfter).toContain('team_conflicts');
    expect(first.participants.find((p) => p.personId === mentor)?.missingBefore).toEqual(['anxiety', 'fatigue', 'motivation', 'professional_competence', 'work_satisfaction']);
    expect(first.pairs).toEqual([{ pairId, participantsMissingBefore: 2, participantsMissingAfter: 2 }]);
    expect(first.schools).toEqual([{ schoolId: schoolA, participants: 2, participantsMissingBefore: 2, participantsMissingAfter: 2 }]);

    for (const [personId, keys] of [
      [mentee, menteeGap.expectedParameters],
      [mentor, ['anxiety', 'fatigue', 'motivation', 'professional_competence', 'work_satisfaction']],
    ] as const) {
      for (const parameterKey of keys) {
        for (const stage of ['BEFORE', 'AFTER']) {
          if (personId === mentee && parameterKey === 'motivation' && stage === 'BEFORE') continue;
          await system.request(RECORD, value({ personId, parameterKey, stage, value: 2 }), psychologistA);
        }
      }
    }
    await system.request(RECORD, value({ parameterKey: 'team_conflicts', stage: 'AFTER', value: 4 }), psychologistA);
    const done = (await system.request<Gaps>(GAPS, { ids: [programA] }, psychologistA)).measurementGaps;
    expect(done.participants).toEqual([]);
    expect(done.pairs).toEqual([]);
    expect(done.schools).toEqual([{ schoolId: schoolA, participants: 2, participantsMissingBefore: 0, participantsMissingAfter: 0 }]);
  });

  it('leaves out programmes the caller cannot see, and refuses a mentor', async () => {
    const data = (await system.request<Gaps>(GAPS, { ids: [programB] }, curatorA)).measurementGaps;
    expect(data).toEqual({ participants: [], pairs: [], schools: [] });
    const { body } = await system.post(GAPS, { ids: [programA] }, await system.token(Role.MENTOR, schoolA, mentor));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
