import { countStatements, Role, startSystem, type TestSystem } from './harness';
import { createActiveMentor, createMentee, createMentorWith, createProgramAt, createSchool, logMeeting, startedPair } from './fixtures';
import { refusal } from './refusals';

let system: TestSystem;
let office: string;
let schoolId: string;
let curator: string;
let programId: string;

const LOG = 'mutation($input: LogMeetingInput!) { logMeeting(input: $input) { id type heldOn attendees { id } } }';
const meeting = (pairId: string, type: string, heldOn: string, extra: Record<string, unknown> = {}) => ({ input: { pairId, type, heldOn, durationMinutes: 40, topic: 'Тема', ...extra } });

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа работы пар');
  curator = await system.token(Role.CURATOR, schoolId);
  programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
});

afterAll(() => system?.stop());

async function newPair(startedOn = '2025-09-15'): Promise<{ pairId: string; mentor: string; mentee: string }> {
  const mentor = await createActiveMentor(system, curator, schoolId);
  const mentee = await createMentee(system, curator, schoolId, 1);
  return { pairId: await startedPair(system, curator, programId, mentor, [mentee], startedOn), mentor, mentee };
}

describe('meetings of a pair', () => {
  it('logs the intro first and the final last, with who attended', async () => {
    const { pairId, mentor, mentee } = await newPair();
    expect(await refusal(system, LOG, meeting(pairId, 'REGULAR', '2025-09-20'), curator)).toEqual({ code: 'MEETING_OUT_OF_ORDER', field: 'input.type' });
    const intro = await system.request<{ logMeeting: { type: string; attendees: { id: string }[] } }>(LOG, meeting(pairId, 'INTRO', '2025-09-16'), curator);
    expect(intro.logMeeting.attendees.map((person) => person.id).sort()).toEqual([mentor, mentee].sort());
    expect((await refusal(system, LOG, meeting(pairId, 'INTRO', '2025-09-17'), curator)).code).toBe('MEETING_OUT_OF_ORDER');
    expect((await refusal(system, LOG, meeting(pairId, 'PLANNING', '2025-09-15'), curator)).code).toBe('MEETING_OUT_OF_ORDER');
    await logMeeting(system, curator, pairId, 'TRIAL', '2025-09-23');
    await logMeeting(system, curator, pairId, 'PLANNING', '2025-09-30');
    expect((await refusal(system, LOG, meeting(pairId, 'FINAL', '2025-09-25'), curator)).code).toBe('MEETING_OUT_OF_ORDER');
    await logMeeting(system, curator, pairId, 'FINAL', '2026-05-20');
    expect((await refusal(system, LOG, meeting(pairId, 'REGULAR', '2026-05-25'), curator)).code).toBe('MEETING_OUT_OF_ORDER');
    const log = await system.request<{ pair: { meetings: { type: string }[] } }>('query($id: ID!) { pair(id: $id) { meetings { type } } }', { id: pairId }, curator);
    expect(log.pair.meetings.map((m) => m.type)).toEqual(['INTRO', 'TRIAL', 'PLANNING', 'FINAL']);
  });

  it('refuses meetings of a pair that is not working, before its start, and attendees from outside the pair', async () => {
    const { pairId } = await newPair('2025-10-01');
    expect((await refusal(system, LOG, meeting(pairId, 'INTRO', '2025-09-30'), curator)).code).toBe('MEETING_OUT_OF_ORDER');
    const stranger = await createMentee(system, curator, schoolId, 1);
    expect(await refusal(system, LOG, meeting(pairId, 'INTRO', '2025-10-02', { attendeeIds: [stranger] }), curator)).toEqual({ code: 'NOT_PAIR_MEMBER', field: 'input.attendeeIds' });
    await system.request('mutation($id: ID!) { pausePair(id: $id, pausedOn: "2025-10-05") { id } }', { id: pairId }, curator);
    expect(await refusal(system, LOG, meeting(pairId, 'INTRO', '2025-10-02'), curator)).toEqual({ code: 'PAIR_NOT_ACTIVE', field: 'input.pairId' });
  });

  it('lets the pair’s own mentor log its meetings, and no other mentor', async () => {
    const { pairId, mentor } = await newPair();
    const own = await system.token(Role.MENTOR, schoolId, mentor);
    await system.request(LOG, meeting(pairId, 'INTRO', '2025-09-16'), own);
    const other = await system.token(Role.MENTOR, schoolId, await createActiveMentor(system, curator, schoolId));
    // Another mentor's pairs are invisible to a mentor, so the pair is not found rather than refused.
    expect((await refusal(system, LOG, meeting(pairId, 'REGULAR', '2025-09-20'), other)).code).toBe('NOT_FOUND');
  });

  it('shows working pairs with no meeting in the last N days, N set by the office', async () => {
    const schoolId = await createSchool(system, office, 'Школа тихих пар');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
    const today = new Date();
    const daysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    const mentorA = await createActiveMentor(system, curator, schoolId);
    const mentorB = await createActiveMentor(system, curator, schoolId);
    const quiet = await startedPair(system, curator, programId, mentorA, [await createMentee(system, curator, schoolId, 1)], daysAgo(60));
    await logMeeting(system, curator, quiet, 'INTRO', daysAgo(20));
    const lively = await startedPair(system, curator, programId, mentorB, [await createMentee(system, curator, schoolId, 1)], daysAgo(60));
    await logMeeting(system, curator, lively, 'INTRO', daysAgo(3));

    const quietPairs = async (days?: number) =>
      (
        await system.request<{ quietPairs: { pair: { id: string }; lastMeetingOn: string; daysWithoutMeeting: number }[] }>(
          'query($days: Int, $school: ID) { quietPairs(filter: { days: $days, schoolId: $school }) { pair { id } lastMeetingOn daysWithoutMeeting } }',
          { days, school: schoolId },
          curator,
        )
      ).quietPairs;
    expect(await quietPairs()).toEqual([{ pair: { id: quiet }, lastMeetingOn: daysAgo(20), daysWithoutMeeting: 20 }]);
    expect(await quietPairs(30)).toEqual([]);
    expect((await quietPairs(2)).map((row) => row.pair.id).sort()).toEqual([quiet, lively].sort());
    await system.request('mutation { updateMunicipalitySettings(input: { meetingGapDays: 25 }) { meetingGapDays } }', {}, office);
    expect(await quietPairs()).toEqual([]);
  });
});

describe('individual development plans', () => {
  const CREATE = 'mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) { id progress approved } }';
  const APPROVE = 'mutation($id: ID!, $as: PlanApprover!) { approveDevelopmentPlan(planId: $id, as: $as) { mentorApprovedBy mentorApprovedAt directorApprovedBy directorApprovedAt approved } }';
  const ADD_TASK = 'mutation($input: AddPlanTaskInput!) { addPlanTask(input: $input) { id status } }';

  it('holds goals and tasks, computes progress, and is approved by the mentor and the director', async () => {
    const { pairId, mentor, mentee } = await newPair();
    const mentorToken = await system.token(Role.MENTOR, schoolId, mentor);
    const director = await system.token(Role.SCHOOL_ADMIN, schoolId);
    const plan = (await system.request<{ createDevelopmentPlan: { id: string; progress: number } }>(CREATE, { input: { pairId, menteeId: mentee, goals: ['Освоить ИКТ'] } }, mentorToken)).createDevelopmentPlan;
    expect(plan.progress).toBe(0);
    expect(await refusal(system, CREATE, { input: { pairId, menteeId: mentee, goals: [] } }, curator)).toEqual({ code: 'CONFLICT', field: 'input.menteeId' });
    expect(await refusal(system, CREATE, { input: { pairId, menteeId: mentor, goals: [] } }, curator)).toEqual({ code: 'NOT_PAIR_MEMBER', field: 'input.menteeId' });

    expect(await refusal(system, APPROVE, { id: plan.id, as: 'MENTOR' }, mentorToken)).toEqual({ code: 'PLAN_INCOMPLETE', field: 'planId' });
    const tasks: string[] = [];
    for (const title of ['Посетить 5 уроков наставника', 'Провести открытый урок', 'Пройти курс ИКТ']) {
      tasks.push((await system.request<{ addPlanTask: { id: string } }>(ADD_TASK, { input: { planId: plan.id, title, deadline: '2025-12-01' } }, mentorToken)).addPlanTask.id);
    }
    await system.request('mutation($id: ID!) { updatePlanTask(id: $id, input: { status: DONE }) { doneOn } }', { id: tasks[0] }, mentorToken);
    await system.request('mutation($id: ID!) { updatePlanTask(id: $id, input: { status: CANCELLED }) { id } }', { id: tasks[1] }, curator);

    expect((await refusal(system, APPROVE, { id: plan.id, as: 'MENTOR' }, curator)).code).toBe('FORBIDDEN');
    expect((await refusal(system, APPROVE, { id: plan.id, as: 'DIRECTOR' }, curator)).code).toBe('FORBIDDEN');
    await system.request(APPROVE, { id: plan.id, as: 'MENTOR' }, mentorToken);
    const signed = await system.request<{ approveDevelopmentPlan: { mentorApprovedBy: string; directorApprovedBy: string; directorApprovedAt: string; approved: boolean } }>(
      APPROVE,
      { id: plan.id, as: 'DIRECTOR' },
      director,
    );
    expect(signed.approveDevelopmentPlan).toMatchObject({ mentorApprovedBy: mentor, approved: true });
    expect(signed.approveDevelopmentPlan.directorApprovedAt).toBeTruthy();

    const read = await system.request<{ person: { plans: { progress: number; approved: boolean; goals: string[]; tasks: { status: string }[] }[] } }>(
      'query($id: ID!) { person(id: $id) { plans { progress approved goals tasks { status } } } }',
      { id: mentee },
      curator,
    );
    expect(read.person.plans).toEqual([{ progress: 50, approved: true, goals: ['Освоить ИКТ'], tasks: [{ status: 'DONE' }, { status: 'CANCELLED' }, { status: 'PLANNED' }] }]);

    // A new task changes what was signed: both signatures are cleared.
    await system.request(ADD_TASK, { input: { planId: plan.id, title: 'Подготовить портфолио', deadline: '2026-04-01' } }, curator);
    const cleared = await system.request<{ pair: { plans: { approved: boolean; mentorApprovedAt: string | null }[] } }>(
      'query($id: ID!) { pair(id: $id) { plans { approved mentorApprovedAt } } }',
      { id: pairId },
      curator,
    );
    expect(cleared.pair.plans).toEqual([{ approved: false, mentorApprovedAt: null }]);
  });

  it('lets no other mentor touch the plan', async () => {
    const { pairId, mentee } = await newPair();
    const plan = (await system.request<{ createDevelopmentPlan: { id: string } }>(CREATE, { input: { pairId, menteeId: mentee, goals: ['Цель'] } }, curator)).createDevelopmentPlan;
    const other = await system.token(Role.MENTOR, schoolId, await createActiveMentor(system, curator, schoolId));
    expect((await refusal(system, ADD_TASK, { input: { planId: plan.id, title: 'Задача', deadline: '2025-12-01' } }, other)).code).toBe('NOT_FOUND');
    expect((await refusal(system, APPROVE, { id: plan.id, as: 'MENTOR' }, other)).code).toBe('NOT_FOUND');
  });
});

describe('nested lists are batched', () => {
  it('reads a page of pairs with their meetings and plans in a number of statements independent of the page size', async () => {
    const schoolId = await createSchool(system, office, 'Школа пакетов');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
    const mentors = [await createMentorWith(system, curator, schoolId, { capacity: 5 }), await createMentorWith(system, curator, schoolId, { capacity: 5 })];
    for (let index = 0; index < 8; index += 1) {
      const mentee = await createMentee(system, curator, schoolId, 1);
      const pairId = await startedPair(system, curator, programId, mentors[index % 2]!, [mentee]);
      await logMeeting(system, curator, pairId, 'INTRO', '2025-09-16');
      const plan = await system.request<{ createDevelopmentPlan: { id: string } }>(
        'mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) { id } }',
        { input: { pairId, menteeId: mentee, goals: ['Цель'] } },
        curator,
      );
      await system.request('mutation($input: AddPlanTaskInput!) { addPlanTask(input: $input) { id } }', { input: { planId: plan.createDevelopmentPlan.id, title: 'Задача', deadline: '2025-12-01' } }, curator);
    }
    const query = `query($first: Int!, $programId: ID!) { pairs(filter: { programId: $programId }, page: { first: $first }) {
      nodes { id status program { stage } mentees { id } meetings { type attendees { id } } plans { progress tasks { title } } } } }`;
    const statementsFor = (first: number) =>
      countStatements(system.program, async () => {
        const data = await system.request<{ pairs: { nodes: { meetings: unknown[]; plans: unknown[] }[] } }>(query, { first, programId }, curator);
        expect(data.pairs.nodes).toHaveLength(first);
        expect(data.pairs.nodes.every((node) => node.meetings.length === 1 && node.plans.length === 1)).toBe(true);
      });
    const small = await statementsFor(2);
    const large = await statementsFor(8);
    expect(large).toBe(small);
  });
});
