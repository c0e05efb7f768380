import { createActiveMentor, createMentee, createPerson, createProgramAt, createSchool, formPair, startedPair } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * The psychologist's records through the gateway: compatibility tests of candidate pairs (the
 * program subgraph's matching reads them with `compatibilityResults`) and satisfaction checks of
 * running pairs, each with who recorded it, read only by the school's staff who may.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let curatorA: string;
let psychologistA: string;
let schoolB: string;
let curatorB: string;
let mentor: string;
let mentee: string;

const RECORD_TEST = 'mutation($input: RecordCompatibilityInput!) { recordCompatibilityResult(input: $input) { id mentorId menteeId score testedOn conclusion recordedBy } }';
const RESULTS = 'query($id: ID!) { compatibilityResults(menteeId: $id) { id mentorId menteeId score testedOn conclusion recordedBy mentor { id } } }';
const RECORD_CHECK = 'mutation($input: RecordSatisfactionCheckInput!) { recordSatisfactionCheck(input: $input) { id pairId satisfaction checkedOn recordedBy person { id } } }';

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа психолога А');
  schoolB = await createSchool(system, office, 'Школа психолога Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
  psychologistA = await system.token(Role.PSYCHOLOGIST, schoolA);
  curatorB = await system.token(Role.CURATOR, schoolB);
  mentor = await createActiveMentor(system, curatorA, schoolA);
  mentee = await createMentee(system, curatorA, schoolA, 1);
});

afterAll(() => system?.stop());

describe('compatibility tests', () => {
  it('are recorded by the psychologist, kept test after test, and read by the curator newest first', async () => {
    const first = await system.request<{ recordCompatibilityResult: Record<string, unknown> }>(
      RECORD_TEST,
      { input: { mentorId: mentor, menteeId: mentee, score: 62.5, testedOn: '2025-08-28', conclusion: 'Совместимость средняя' } },
      psychologistA,
    );
    expect(first.recordCompatibilityResult).toMatchObject({ mentorId: mentor, menteeId: mentee, score: 62.5, recordedBy: `test-psychologist-${schoolA}` });
    await system.request(RECORD_TEST, { input: { mentorId: mentor, menteeId: mentee, score: 81, testedOn: '2025-09-05' } }, curatorA);
    const data = await system.request<{ compatibilityResults: { score: number; testedOn: string; mentor: { id: string } }[] }>(RESULTS, { id: mentee }, curatorA);
    expect(data.compatibilityResults.map((r) => [r.testedOn, r.score, r.mentor.id])).toEqual([
      ['2025-09-05', 81, mentor],
      ['2025-08-28', 62.5, mentor],
    ]);
  });

  it('are invisible to another school, closed to mentors, the administration, the office and other mentees, open to the mentee tested', async () => {
    expect((await system.request<{ compatibilityResults: unknown[] }>(RESULTS, { id: mentee }, curatorB)).compatibilityResults).toEqual([]);
    const otherMentee = await createMentee(system, curatorA, schoolA, 1);
    for (const token of [
      await system.token(Role.MENTOR, schoolA, mentor),
      await system.token(Role.MENTEE, schoolA, otherMentee),
      await system.token(Role.SCHOOL_ADMIN, schoolA),
      office,
    ]) {
      expect((await system.post(RESULTS, { id: mentee }, token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const own = await system.request<{ compatibilityResults: { score: number }[] }>(RESULTS, { id: mentee }, await system.token(Role.MENTEE, schoolA, mentee));
    expect(own.compatibilityResults.map((r) => r.score)).toEqual([81, 62.5]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a score above 100', { score: 101 }, 'VALIDATION_FAILED', 'input.score'],
    ['a negative score', { score: -1 }, 'VALIDATION_FAILED', 'input.score'],
    ['a person as their own mentor', { mentorId: 'MENTEE' }, 'SELF_MENTORING', 'input.menteeId'],
    ['a person of another school', { menteeId: 'OTHER' }, 'NOT_FOUND', 'input.menteeId'],
  ])('refuses %s', async (_case, overrides, code, field) => {
    const other = overrides.menteeId === 'OTHER' ? await createPerson(system, curatorB, schoolB) : null;
    const input = { mentorId: mentor, menteeId: mentee, score: 50, testedOn: '2025-09-01', ...overrides, ...(overrides.mentorId === 'MENTEE' ? { mentorId: mentee } : {}), ...(other ? { menteeId: other } : {}) };
    const { body } = await system.post(RECORD_TEST, { input }, psychologistA);
    expect(body.errors?.[0]?.extensions).toEqual({ code, field });
  });

  it('are recorded only by the psychologist, the curator or the office', async () => {
    const { body } = await system.post(RECORD_TEST, { input: { mentorId: mentor, menteeId: mentee, score: 50, testedOn: '2025-09-01' } }, await system.token(Role.SCHOOL_ADMIN, schoolA));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('satisfaction checks', () => {
  let programId: string;
  beforeAll(async () => {
    programId = await createProgramAt(system, curatorA, schoolA, 'PAIRING');
  });

  it('are recorded for a running pair, with who recorded them, and shown on the pair', async () => {
    const running = await startedPair(system, curatorA, programId, mentor, [mentee]);
    const data = await system.request<{ recordSatisfactionCheck: Record<string, unknown> }>(
      RECORD_CHECK,
      { input: { pairId: running, personId: mentee, satisfaction: 8, checkedOn: '2026-01-20', comment: 'Встречи регулярные' } },
      psychologistA,
    );
    expect(data.recordSatisfactionCheck).toMatchObject({ pairId: running, satisfaction: 8, recordedBy: `test-psychologist-${schoolA}`, person: { id: mentee } });
    const pair = await system.request<{ pair: { satisfactionChecks: { satisfaction: number; checkedOn: string }[] } }>(
      'query($id: ID!) { pair(id: $id) { satisfactionChecks { satisfaction checkedOn } } }',
      { id: running },
      curatorA,
    );
    expect(pair.pair.satisfactionChecks).toEqual([{ satisfaction: 8, checkedOn: '2026-01-20' }]);

    const outsider = await createMentee(system, curatorA, schoolA, 2);
    const { body } = await system.post(RECORD_CHECK, { input: { pairId: running, personId: outsider, satisfaction: 5, checkedOn: '2026-01-20' } }, psychologistA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_PAIR_MEMBER', field: 'input.personId' });
  });

  it('are refused for a pair that is not running, and for a pair of another school', async () => {
    const forming = await formPair(system, curatorA, programId, await createActiveMentor(system, curatorA, schoolA), [await createMentee(system, curatorA, schoolA, 1)]);
    const input = { pairId: forming, satisfaction: 6, checkedOn: '2026-01-20' };
    expect((await system.post(RECORD_CHECK, { input }, psychologistA)).body.errors?.[0]?.extensions).toEqual({ code: 'PAIR_NOT_ACTIVE', field: 'input.pairId' });
    expect((await system.post(RECORD_CHECK, { input }, await system.token(Role.PSYCHOLOGIST, schoolB))).body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.pairId' });
  });
});
