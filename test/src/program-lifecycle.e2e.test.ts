import { Role, startSystem, type TestSystem } from './harness';
import { createActiveMentor, createMentee, createProgram, createSchool, formPair, logMeeting } from './fixtures';
import { refusal } from './refusals';

let system: TestSystem;
let office: string;
let schoolId: string;
let curator: string;

const ADVANCE = 'mutation($id: ID!, $to: ProgramStage!) { advanceProgramStage(id: $id, to: $to) { id stage } }';
const START = 'mutation($id: ID!, $on: String) { startPair(id: $id, startedOn: $on) { id status } }';

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа жизненного цикла');
  curator = await system.token(Role.CURATOR, schoolId, null);
});

afterAll(() => system?.stop());

describe('a programme and its stages', () => {
  it('is created with form, goal, tasks, curator and dates, at the preparation stage with its entry recorded', async () => {
    const curatorPerson = await createActiveMentor(system, curator, schoolId);
    const data = await system.request<{ createProgram: { id: string; stage: string; form: string; tasks: string[]; curator: { id: string }; stageHistory: { fromStage: string | null; toStage: string; changedByUser: string }[] } }>(
      `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id stage form tasks curator { id } stageHistory { fromStage toStage changedByUser } } }`,
      {
        input: {
          schoolId,
          academicYear: '2024/2025',
          title: 'Программа «Учитель – учитель»',
          goal: 'Раскрытие потенциала педагогов',
          tasks: ['Адаптация молодых специалистов', 'Профилактика выгорания'],
          curatorId: curatorPerson,
          startsOn: '2024-09-01',
          endsOn: '2025-05-31',
        },
      },
      curator,
    );
    expect(data.createProgram).toMatchObject({ stage: 'PREPARATION', form: 'TEACHER_TEACHER', tasks: ['Адаптация молодых специалистов', 'Профилактика выгорания'], curator: { id: curatorPerson } });
    expect(data.createProgram.stageHistory).toEqual([{ fromStage: null, toStage: 'PREPARATION', changedByUser: expect.stringContaining('curator') }]);
  });

  it('refuses a programme that ends before it starts, or a curator of another school', async () => {
    const input = { schoolId, academicYear: '2023/2024', title: 'Программа', startsOn: '2024-05-01', endsOn: '2023-09-01' };
    expect(await refusal(system, 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }', { input }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.endsOn' });
    const otherSchool = await createSchool(system, office, 'Другая школа');
    const stranger = await createActiveMentor(system, office, otherSchool);
    const { startsOn: _s, endsOn: _e, ...valid } = input;
    expect(await refusal(system, 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }', { input: { ...valid, curatorId: stranger } }, office)).toEqual({
      code: 'OTHER_SCHOOL',
      field: 'input.curatorId',
    });
    // The office names only schools of its own municipality: an unknown id is not a school.
    expect(await refusal(system, 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }', { input: { ...valid, schoolId: '7d1e3f0a-8a44-4c55-9c1b-2f3e4d5c6b7a' } }, office)).toEqual({
      code: 'NOT_FOUND',
      field: 'input.schoolId',
    });
  });

  it('updates the description of a programme; a mentor may not', async () => {
    const programId = await createProgram(system, curator, schoolId, '2022/2023');
    const data = await system.request<{ updateProgram: { goal: string; tasks: string[] } }>(
      'mutation($id: ID!, $input: UpdateProgramInput!) { updateProgram(id: $id, input: $input) { goal tasks } }',
      { id: programId, input: { goal: 'Новая цель', tasks: ['Задача'] } },
      curator,
    );
    expect(data.updateProgram).toEqual({ goal: 'Новая цель', tasks: ['Задача'] });
    const mentor = await system.token(Role.MENTOR, schoolId);
    expect((await refusal(system, 'mutation($id: ID!) { updateProgram(id: $id, input: { goal: "x" }) { id } }', { id: programId }, mentor)).code).toBe('FORBIDDEN');
  });

  it('goes through every stage in order, refusing skips and stages whose result is missing, and records who and when', async () => {
    // A school of its own: its bases start empty.
    const schoolId = await createSchool(system, office, 'Школа полного цикла');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgram(system, curator, schoolId, '2025/2026');
    const advance = (id: string, to: string) => system.request<{ advanceProgramStage: { stage: string } }>(ADVANCE, { id, to }, curator);

    expect(await refusal(system, ADVANCE, { id: programId, to: 'PAIRING' }, curator)).toEqual({ code: 'INVALID_STAGE_TRANSITION', field: 'to' });
    expect(await refusal(system, ADVANCE, { id: programId, to: 'PREPARATION' }, curator)).toEqual({ code: 'INVALID_STAGE_TRANSITION', field: 'to' });
    // Preparation → mentee base needs the roadmap.
    expect(await refusal(system, ADVANCE, { id: programId, to: 'MENTEE_BASE' }, curator)).toEqual({ code: 'STAGE_REQUIREMENT_UNMET', field: 'to' });
    await system.request('mutation($id: ID!) { applyRoadmapTemplate(programId: $id) { id } }', { id: programId }, curator);
    expect((await advance(programId, 'MENTEE_BASE')).advanceProgramStage.stage).toBe('MENTEE_BASE');

    // Mentee base → mentor selection needs an active mentee in the school's base.
    const { body } = await system.post(ADVANCE, { id: programId, to: 'MENTOR_SELECTION' }, curator);
    expect(body.errors?.[0]?.extensions?.code).toBe('STAGE_REQUIREMENT_UNMET');
    expect(body.errors?.[0]?.message).toContain('mentee base');
    const mentee = await createMentee(system, curator, schoolId, 1);
    await advance(programId, 'MENTOR_SELECTION');

    // Mentor selection → pairing needs an active mentor and the mentors' training.
    expect((await refusal(system, ADVANCE, { id: programId, to: 'PAIRING' }, curator)).code).toBe('STAGE_REQUIREMENT_UNMET');
    const mentor = await createActiveMentor(system, curator, schoolId);
    const untrained = await system.post(ADVANCE, { id: programId, to: 'PAIRING' }, curator);
    expect(untrained.body.errors?.[0]?.message).toContain('mentor training');
    await system.request(
      'mutation($input: AddProgramEventInput!) { addProgramEvent(input: $input) { id } }',
      { input: { programId, type: 'MENTOR_TRAINING', title: 'Обучение наставников', heldOn: '2025-08-28' } },
      curator,
    );
    await advance(programId, 'PAIRING');

    // Pairing → work needs pairs, each fixed by an order.
    expect((await refusal(system, ADVANCE, { id: programId, to: 'PAIRS_AT_WORK' }, curator)).code).toBe('STAGE_REQUIREMENT_UNMET');
    const pairId = await formPair(system, curator, programId, mentor, [mentee]);
    expect((await refusal(system, ADVANCE, { id: programId, to: 'PAIRS_AT_WORK' }, curator)).code).toBe('STAGE_REQUIREMENT_UNMET');
    await system.request(
      'mutation($id: ID!) { dissolvePair(id: $id, input: { reason: REPAIRED }) { id } }',
      { id: pairId },
      curator,
    );
    const withOrder = await system.request<{ formPair: { id: string } }>(
      'mutation($input: FormPairInput!) { formPair(input: $input) { id } }',
      { input: { programId, mentorId: mentor, menteeIds: [mentee], subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', orderNumber: '15-од', orderDate: '2025-09-10' } },
      curator,
    );
    await system.request(START, { id: withOrder.formPair.id, on: '2025-09-15' }, curator);
    await advance(programId, 'PAIRS_AT_WORK');

    // Work → completion needs the final meeting of every working pair (or its closing).
    const completion = await system.post(ADVANCE, { id: programId, to: 'COMPLETION' }, curator);
    expect(completion.body.errors?.[0]?.extensions?.code).toBe('STAGE_REQUIREMENT_UNMET');
    expect(completion.body.errors?.[0]?.message).toContain('final meeting');
    await logMeeting(system, curator, withOrder.formPair.id, 'INTRO', '2025-09-16');
    await logMeeting(system, curator, withOrder.formPair.id, 'FINAL', '2026-05-20');
    await advance(programId, 'COMPLETION');

    // Completion → completed needs every pair closed.
    expect((await refusal(system, ADVANCE, { id: programId, to: 'COMPLETED' }, curator)).code).toBe('STAGE_REQUIREMENT_UNMET');
    await system.request('mutation($id: ID!) { completePair(id: $id) { id } }', { id: withOrder.formPair.id }, curator);
    await advance(programId, 'COMPLETED');

    const history = await system.request<{ program: { stage: string; stageHistory: { fromStage: string | null; toStage: string; changedAt: string }[] } }>(
      'query($id: ID!) { program(id: $id) { stage stageHistory { fromStage toStage changedAt } } }',
      { id: programId },
      curator,
    );
    expect(history.program.stage).toBe('COMPLETED');
    expect(history.program.stageHistory.map((change) => change.toStage)).toEqual([
      'PREPARATION',
      'MENTEE_BASE',
      'MENTOR_SELECTION',
      'PAIRING',
      'PAIRS_AT_WORK',
      'COMPLETION',
      'COMPLETED',
    ]);
    expect(history.program.stageHistory.every((change) => !Number.isNaN(Date.parse(change.changedAt)))).toBe(true);
    expect(await refusal(system, ADVANCE, { id: programId, to: 'PREPARATION' }, curator)).toEqual({ code: 'INVALID_STAGE_TRANSITION', field: 'to' });
  });

  it('lets no pair start work before the pairing stage, nor form after the work of pairs', async () => {
    const early = await createProgram(system, curator, schoolId, '2026/2027');
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await formPair(system, curator, early, mentor, [mentee]);
    expect(await refusal(system, START, { id: pairId, on: '2026-09-15' }, curator)).toEqual({ code: 'WRONG_PROGRAM_STAGE', field: 'id' });
    const status = await system.request<{ pair: { status: string; startedOn: string | null } }>('query($id: ID!) { pair(id: $id) { status startedOn } }', { id: pairId }, curator);
    expect(status.pair).toEqual({ status: 'FORMING', startedOn: null });

    const late = await system.request<{ createProgram: { id: string } }>(
      'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
      { input: { schoolId, academicYear: '2021/2022', title: 'Завершённая программа', stage: 'COMPLETION' } },
      curator,
    );
    expect(
      await refusal(
        system,
        'mutation($input: FormPairInput!) { formPair(input: $input) { id } }',
        { input: { programId: late.createProgram.id, mentorId: mentor, menteeIds: [mentee], subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST' } },
        curator,
      ),
    ).toEqual({ code: 'WRONG_PROGRAM_STAGE', field: 'input.programId' });
  });

  it('lets only the school’s keepers move a programme, and hides other schools’ programmes', async () => {
    const programId = await createProgram(system, curator, schoolId, '2020/2021');
    const mentor = await system.token(Role.MENTOR, schoolId);
    expect((await refusal(system, ADVANCE, { id: programId, to: 'MENTEE_BASE' }, mentor)).code).toBe('FORBIDDEN');
    const otherSchool = await createSchool(system, office, 'Чужая школа');
    const otherCurator = await system.token(Role.CURATOR, otherSchool);
    expect((await refusal(system, ADVANCE, { id: programId, to: 'MENTEE_BASE' }, otherCurator)).code).toBe('NOT_FOUND');
  });
});
