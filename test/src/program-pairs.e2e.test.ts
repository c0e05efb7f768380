import { Role, startSystem, type TestSystem } from './harness';
import { createActiveMentor, createMentee, createMentorWith, createPerson, createProgramAt, createSchool, logMeeting, startedPair } from './fixtures';
import { refusal } from './refusals';

let system: TestSystem;
let office: string;
let schoolId: string;
let curator: string;
let programId: string;

const FORM = 'mutation($input: FormPairInput!) { formPair(input: $input) { id status } }';
const START = 'mutation($id: ID!, $on: String) { startPair(id: $id, startedOn: $on) { id status startedOn } }';
const DISSOLVE = 'mutation($id: ID!, $input: ClosePairInput!) { dissolvePair(id: $id, input: $input) { id status endedOn closingReason closingNote } }';
const form = (mentorId: string, menteeIds: string[], program = programId) => ({
  input: { programId: program, mentorId, menteeIds, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', orderNumber: '7-од', orderDate: '2025-09-10' },
});
const pairCount = async () =>
  (await system.request<{ pairs: { totalCount: number } }>('query($id: ID!) { pairs(filter: { programId: $id }) { totalCount } }', { id: programId }, curator)).pairs.totalCount;

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа пар');
  curator = await system.token(Role.CURATOR, schoolId);
  programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
});

afterAll(() => system?.stop());

describe('who may be paired', () => {
  it('refuses self-mentoring, a mentor outside the mentor base, a mentee outside the mentee base and another school', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    expect(await refusal(system, FORM, form(mentor, [mentor]), curator)).toEqual({ code: 'SELF_MENTORING', field: 'input.menteeIds' });
    const notMentor = await createPerson(system, curator, schoolId);
    expect(await refusal(system, FORM, form(notMentor, [mentee]), curator)).toEqual({ code: 'MENTOR_NOT_ACTIVE', field: 'input.mentorId' });
    expect(await refusal(system, FORM, form(mentor, [notMentor]), curator)).toEqual({ code: 'MENTEE_NOT_IN_BASE', field: 'input.menteeIds' });
    const otherSchool = await createSchool(system, office, 'Соседняя школа');
    const foreignMentor = await createActiveMentor(system, office, otherSchool);
    // The office sees both schools: the refusal names the rule, not a missing person.
    expect(await refusal(system, FORM, form(foreignMentor, [mentee]), office)).toEqual({ code: 'OTHER_SCHOOL', field: 'input.mentorId' });
    expect(await refusal(system, FORM, form(foreignMentor, [mentee]), curator)).toEqual({ code: 'NOT_FOUND', field: 'input.mentorId' });
  });

  it('takes a mentor of another school from the municipal pool once the office allows it', async () => {
    const otherSchool = await createSchool(system, office, 'Школа муниципального пула');
    const poolMentor = await createActiveMentor(system, office, otherSchool);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const denied = await system.post('mutation { updateMunicipalitySettings(input: { allowMunicipalMentorPool: true }) { allowMunicipalMentorPool } }', {}, curator);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await system.request('mutation { updateMunicipalitySettings(input: { allowMunicipalMentorPool: true }) { allowMunicipalMentorPool } }', {}, office);
    try {
      const data = await system.request<{ formPair: { id: string; status: string } }>(FORM, form(poolMentor, [mentee]), office);
      expect(data.formPair.status).toBe('FORMING');
    } finally {
      await system.request('mutation { updateMunicipalitySettings(input: { allowMunicipalMentorPool: false }) { allowMunicipalMentorPool } }', {}, office);
    }
  });
});

describe('capacity and overlaps', () => {
  it('respects the mentor’s capacity, writing nothing when refused', async () => {
    const mentor = await createMentorWith(system, curator, schoolId, { capacity: 2 });
    const mentees = [await createMentee(system, curator, schoolId, 1), await createMentee(system, curator, schoolId, 1), await createMentee(system, curator, schoolId, 1)];
    await system.request(FORM, form(mentor, mentees.slice(0, 2)), curator);
    const before = await pairCount();
    expect(await refusal(system, FORM, form(mentor, [mentees[2]!]), curator)).toEqual({ code: 'MENTOR_CAPACITY_EXCEEDED', field: 'input.menteeIds' });
    expect(await pairCount()).toBe(before);
  });

  it('lets two curators at once never exceed a capacity', async () => {
    const mentor = await createMentorWith(system, curator, schoolId, { capacity: 1 });
    const a = await createMentee(system, curator, schoolId, 1);
    const b = await createMentee(system, curator, schoolId, 1);
    const answers = await Promise.all([system.post(FORM, form(mentor, [a]), curator), system.post(FORM, form(mentor, [b]), curator)]);
    const codes = answers.map((answer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['MENTOR_CAPACITY_EXCEEDED', 'OK']);
  });

  it('refuses a second open pair of the same mentor and mentee in one programme, and an overlapping start', async () => {
    const mentor = await createMentorWith(system, curator, schoolId, { capacity: 3 });
    const mentee = await createMentee(system, curator, schoolId, 1);
    const first = await startedPair(system, curator, programId, mentor, [mentee], '2025-09-15');
    expect(await refusal(system, FORM, form(mentor, [mentee]), curator)).toEqual({ code: 'OVERLAPPING_PAIR', field: 'input.menteeIds' });
    // After the first pair ends, the same two may work together again, but not on dates it covered.
    await system.request(DISSOLVE, { id: first, input: { reason: 'LONG_ABSENCE', endedOn: '2025-12-31' } }, curator);
    const again = await system.request<{ formPair: { id: string } }>(FORM, form(mentor, [mentee]), curator);
    expect(await refusal(system, START, { id: again.formPair.id, on: '2025-12-01' }, curator)).toEqual({ code: 'OVERLAPPING_PAIR', field: 'startedOn' });
    expect((await system.request<{ startPair: { status: string } }>(START, { id: again.formPair.id, on: '2026-01-10' }, curator)).startPair.status).toBe('ACTIVE');
  });
});

describe('the life of a pair', () => {
  it('pauses, resumes and completes after its final meeting; refuses what its status does not allow', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    expect(await refusal(system, START, { id: pairId, on: '2025-09-20' }, curator)).toEqual({ code: 'INVALID_STATUS_CHANGE', field: 'id' });
    const paused = await system.request<{ pausePair: { status: string; pausedOn: string } }>(
      'mutation($id: ID!) { pausePair(id: $id, pausedOn: "2025-11-01") { status pausedOn } }',
      { id: pairId },
      curator,
    );
    expect(paused.pausePair).toEqual({ status: 'PAUSED', pausedOn: '2025-11-01' });
    expect((await refusal(system, 'mutation($id: ID!) { pausePair(id: $id) { id } }', { id: pairId }, curator)).code).toBe('INVALID_STATUS_CHANGE');
    await system.request('mutation($id: ID!) { resumePair(id: $id) { status } }', { id: pairId }, curator);

    expect(await refusal(system, 'mutation($id: ID!) { completePair(id: $id) { id } }', { id: pairId }, curator)).toEqual({ code: 'FINAL_MEETING_MISSING', field: 'id' });
    await logMeeting(system, curator, pairId, 'INTRO', '2025-09-16');
    await logMeeting(system, curator, pairId, 'FINAL', '2026-05-20');
    const completed = await system.request<{ completePair: { status: string; endedOn: string; closingReason: string } }>(
      'mutation($id: ID!) { completePair(id: $id) { status endedOn closingReason } }',
      { id: pairId },
      curator,
    );
    expect(completed.completePair).toEqual({ status: 'COMPLETED', endedOn: '2026-05-20', closingReason: 'GOALS_ACHIEVED' });
    expect((await refusal(system, DISSOLVE, { id: pairId, input: { reason: 'OTHER', note: 'x' } }, curator)).code).toBe('INVALID_STATUS_CHANGE');
  });

  it('dissolves with a reason from the list, OTHER needing free text; a mentor may not dissolve', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    expect(await refusal(system, DISSOLVE, { id: pairId, input: {} }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.reason' });
    expect(await refusal(system, DISSOLVE, { id: pairId, input: { reason: 'OTHER' } }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.note' });
    const mentorToken = await system.token(Role.MENTOR, schoolId, mentor);
    expect((await refusal(system, DISSOLVE, { id: pairId, input: { reason: 'INCOMPATIBILITY' } }, mentorToken)).code).toBe('FORBIDDEN');
    const data = await system.request<{ dissolvePair: { status: string; endedOn: string; closingReason: string; closingNote: string } }>(
      DISSOLVE,
      { id: pairId, input: { reason: 'OTHER', note: 'Переезд в другой город', endedOn: '2025-10-31' } },
      curator,
    );
    expect(data.dissolvePair).toMatchObject({ status: 'DISSOLVED', endedOn: '2025-10-31', closingReason: 'OTHER', closingNote: 'Переезд в другой город' });
  });
});

describe('re-pairing keeps the history', () => {
  it('answers exactly who mentored whom on a date', async () => {
    const first = await createMentorWith(system, curator, schoolId, { capacity: 1 });
    const second = await createMentorWith(system, curator, schoolId, { capacity: 1 });
    const mentee = await createMentee(system, curator, schoolId, 1);
    const before = await startedPair(system, curator, programId, first, [mentee], '2025-09-15');
    await system.request(DISSOLVE, { id: before, input: { reason: 'REPAIRED', endedOn: '2025-12-31' } }, curator);
    const after = await startedPair(system, curator, programId, second, [mentee], '2026-01-01');

    const on = async (date: string) =>
      (
        await system.request<{ mentorshipsOn: { pair: { id: string }; mentor: { id: string }; from: string; to: string | null }[] }>(
          'query($date: String!, $mentee: ID!) { mentorshipsOn(date: $date, filter: { menteeId: $mentee }) { pair { id } mentor { id } from to } }',
          { date, mentee },
          curator,
        )
      ).mentorshipsOn;
    expect(await on('2025-09-14')).toEqual([]);
    expect(await on('2025-12-31')).toEqual([{ pair: { id: before }, mentor: { id: first }, from: '2025-09-15', to: '2025-12-31' }]);
    expect(await on('2026-01-01')).toEqual([{ pair: { id: after }, mentor: { id: second }, from: '2026-01-01', to: null }]);
    // Both pairs stay in the mentee's history.
    const history = await system.request<{ person: { menteeIn: { id: string; status: string }[] } }>(
      'query($id: ID!) { person(id: $id) { menteeIn { id status } } }',
      { id: mentee },
      curator,
    );
    expect(history.person.menteeIn).toEqual([
      { id: before, status: 'DISSOLVED' },
      { id: after, status: 'ACTIVE' },
    ]);
  });

  it('keeps the members of a group with their own group, for several mentees at once', async () => {
    const schoolOfGroups = await createSchool(system, office, 'Школа групп');
    const groupCurator = await system.token(Role.CURATOR, schoolOfGroups);
    const program = await createProgramAt(system, groupCurator, schoolOfGroups, 'PAIRS_AT_WORK');
    const mentorA = await createMentorWith(system, groupCurator, schoolOfGroups, { capacity: 3 });
    const mentorB = await createMentorWith(system, groupCurator, schoolOfGroups, { capacity: 3 });
    const groupA = [await createMentee(system, groupCurator, schoolOfGroups, 1), await createMentee(system, groupCurator, schoolOfGroups, 1), await createMentee(system, groupCurator, schoolOfGroups, 1)];
    const groupB = [await createMentee(system, groupCurator, schoolOfGroups, 1), await createMentee(system, groupCurator, schoolOfGroups, 1)];
    const pairA = await startedPair(system, groupCurator, program, mentorA, groupA, '2025-09-15');
    const pairB = await startedPair(system, groupCurator, program, mentorB, groupB, '2025-09-16');

    const on = await system.request<{ mentorshipsOn: { pair: { id: string }; mentor: { id: string }; mentee: { id: string } }[] }>(
      'query { mentorshipsOn(date: "2025-10-01") { pair { id } mentor { id } mentee { id } } }',
      {},
      groupCurator,
    );
    const expected = [...groupA.map((id) => ({ pair: { id: pairA }, mentor: { id: mentorA }, mentee: { id } })), ...groupB.map((id) => ({ pair: { id: pairB }, mentor: { id: mentorB }, mentee: { id } }))];
    const byMentee = (rows: { mentee: { id: string } }[]) => [...rows].sort((a, b) => a.mentee.id.localeCompare(b.mentee.id));
    expect(byMentee(on.mentorshipsOn)).toEqual(byMentee(expected));

    // menteeIn for every member at once (one batch): each sees exactly their own group.
    const people = await system.request<{ people: { nodes: { id: string; menteeIn: { id: string }[] }[] } }>(
      'query { people(filter: { base: MENTEE }, page: { first: 50 }) { nodes { id menteeIn { id } } } }',
      {},
      groupCurator,
    );
    const pairOf = new Map(people.people.nodes.map((person) => [person.id, person.menteeIn.map((pair) => pair.id)]));
    for (const id of groupA) expect(pairOf.get(id)).toEqual([pairA]);
    for (const id of groupB) expect(pairOf.get(id)).toEqual([pairB]);
  });
});
