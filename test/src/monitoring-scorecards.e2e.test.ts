import { createActiveMentor, createMentee, createProgramAt, createSchool, formPair } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * The effectiveness scorecard through the gateway: nine indicators scored 0/1/2 with comments,
 * total and level computed (15–18 optimal, 9–14 acceptable, 0–8 unacceptable, checked at every
 * boundary), no final scorecard with unscored indicators, and a final one only superseded by a new
 * version, never edited.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let curatorA: string;
let programId: string;
let pairId: string;
let year = 2000;

const FIELDS = 'id version status total level levelLabel missingIndicators evaluatorName evaluatedOn supersedesId indicators { number score comment text }';
const CREATE = `mutation($input: CreateScorecardInput!) { createScorecard(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateScorecardInput!) { updateScorecard(input: $input) { ${FIELDS} } }`;
const FINALISE = `mutation($id: ID!) { finaliseScorecard(id: $id) { ${FIELDS} } }`;
const SUPERSEDE = `mutation($id: ID!) { supersedeScorecard(id: $id) { ${FIELDS} } }`;

interface ScorecardShape {
  id: string;
  version: number;
  status: string;
  total: number;
  level: string | null;
  levelLabel: string | null;
  missingIndicators: number[];
  supersedesId: string | null;
  indicators: { number: number; score: number | null; comment: string | null; text: string }[];
}

const scoresOf = (values: (number | null)[]) => values.map((score, index) => ({ indicator: index + 1, score, comment: score === null ? null : `Комментарий ${index + 1}` }));

async function newProgram(): Promise<string> {
  year += 1;
  return createProgramAt(system, curatorA, schoolA, 'PAIRING', `${year}/${year + 1}`);
}

async function create(values: (number | null)[], overrides: Record<string, unknown> = {}): Promise<ScorecardShape> {
  const data = await system.request<{ createScorecard: ScorecardShape }>(
    CREATE,
    { input: { programId: await newProgram(), evaluatorName: 'Куратор Иванова И. И.', evaluatedOn: '2026-05-20', scores: scoresOf(values), ...overrides } },
    curatorA,
  );
  return data.createScorecard;
}

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа оценки эффективности');
  curatorA = await system.token(Role.CURATOR, schoolA);
  programId = await createProgramAt(system, curatorA, schoolA, 'PAIRING');
  pairId = await formPair(system, curatorA, programId, await createActiveMentor(system, curatorA, schoolA), [await createMentee(system, curatorA, schoolA, 1)]);
});

afterAll(() => system?.stop());

describe('total and level', () => {
  it.each<[number, (number | null)[], string, string]>([
    [0, [0, 0, 0, 0, 0, 0, 0, 0, 0], 'UNACCEPTABLE', 'недопустимый уровень'],
    [8, [2, 2, 2, 2, 0, 0, 0, 0, 0], 'UNACCEPTABLE', 'недопустимый уровень'],
    [9, [2, 2, 2, 2, 1, 0, 0, 0, 0], 'ACCEPTABLE', 'допустимый уровень'],
    [14, [2, 2, 2, 2, 2, 2, 2, 0, 0], 'ACCEPTABLE', 'допустимый уровень'],
    [15, [2, 2, 2, 2, 2, 2, 2, 1, 0], 'OPTIMAL', 'оптимальный уровень'],
    [18, [2, 2, 2, 2, 2, 2, 2, 2, 2], 'OPTIMAL', 'оптимальный уровень'],
  ])('a total of %i is computed and levelled, and stays so when finalised', async (total, values, level, label) => {
    const draft = await create(values);
    expect(draft).toMatchObject({ total, level, levelLabel: label, status: 'DRAFT', missingIndicators: [] });
    const final = await system.request<{ finaliseScorecard: ScorecardShape }>(FINALISE, { id: draft.id }, curatorA);
    expect(final.finaliseScorecard).toMatchObject({ total, level, status: 'FINAL' });
  });

  it('has no level while indicators are unscored, and shows the seed’s nine indicators with their comments', async () => {
    const draft = await create([2, 1, null, 2]);
    expect(draft).toMatchObject({ total: 5, level: null, missingIndicators: [3, 5, 6, 7, 8, 9] });
    expect(draft.indicators).toHaveLength(9);
    expect(draft.indicators[3]).toMatchObject({ number: 4, score: 2, comment: 'Комментарий 4', text: 'Наличие комфортного психологического климата в организации' });
  });

  it('refuses a score other than 0, 1 or 2, and an indicator scored twice', async () => {
    const input = { programId: await newProgram(), evaluatorName: 'Куратор', evaluatedOn: '2026-05-20' };
    const three = await system.post(CREATE, { input: { ...input, scores: [{ indicator: 1, score: 3 }] } }, curatorA);
    expect(three.body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.scores.0.score' });
    const twice = await system.post(CREATE, { input: { ...input, scores: [{ indicator: 1, score: 1 }, { indicator: 1, score: 2 }] } }, curatorA);
    expect(twice.body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.scores' });
  });
});

describe('finalising', () => {
  it('refuses a scorecard with unscored indicators, naming them', async () => {
    const draft = await create([2, 2, 2, 2, 2, 2, 2, null, null]);
    const { body } = await system.post(FINALISE, { id: draft.id }, curatorA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'SCORECARD_INCOMPLETE', field: 'id' });
    expect(body.errors?.[0]?.message).toMatch(/8, 9/);
    const completed = await system.request<{ updateScorecard: ScorecardShape }>(UPDATE, { input: { scorecardId: draft.id, scores: [{ indicator: 8, score: 1 }, { indicator: 9, score: 0 }] } }, curatorA);
    expect(completed.updateScorecard).toMatchObject({ total: 15, level: 'OPTIMAL', missingIndicators: [] });
    expect((await system.request<{ finaliseScorecard: ScorecardShape }>(FINALISE, { id: draft.id }, curatorA)).finaliseScorecard.status).toBe('FINAL');
  });

  it('never edits a final scorecard: a correction is a new version that replaces it when finalised', async () => {
    const first = await create([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await system.request(FINALISE, { id: first.id }, curatorA);
    for (const [query, variables] of [
      [UPDATE, { input: { scorecardId: first.id, scores: [{ indicator: 1, score: 2 }] } }],
      [FINALISE, { id: first.id }],
    ] as const) {
      const { body } = await system.post(query, variables, curatorA);
      expect(body.errors?.[0]?.extensions?.code).toBe('SCORECARD_FINALISED');
    }
    const second = (await system.request<{ supersedeScorecard: ScorecardShape }>(SUPERSEDE, { id: first.id }, curatorA)).supersedeScorecard;
    expect(second).toMatchObject({ version: 2, status: 'DRAFT', supersedesId: first.id, total: 9, level: 'ACCEPTABLE' });
    expect((await system.post(SUPERSEDE, { id: first.id }, curatorA)).body.errors?.[0]?.extensions?.code).toBe('SCORECARD_EXISTS');
    await system.request(UPDATE, { input: { scorecardId: second.id, scores: [{ indicator: 1, score: 2, comment: 'Уточнено' }] } }, curatorA);
    await system.request(FINALISE, { id: second.id }, curatorA);

    const read = async (id: string) => (await system.request<{ scorecard: ScorecardShape }>(`query($id: ID!) { scorecard(id: $id) { ${FIELDS} } }`, { id }, curatorA)).scorecard;
    expect(await read(first.id)).toMatchObject({ status: 'SUPERSEDED', total: 9 });
    expect((await read(first.id)).indicators[0]).toMatchObject({ score: 1, comment: 'Комментарий 1' });
    expect(await read(second.id)).toMatchObject({ status: 'FINAL', total: 10 });
  });

  it('refuses a second scorecard of the same programme', async () => {
    const first = await create([]);
    const program = await system.request<{ scorecard: { programId: string } }>('query($id: ID!) { scorecard(id: $id) { programId } }', { id: first.id }, curatorA);
    const { body } = await system.post(CREATE, { input: { programId: program.scorecard.programId, evaluatorName: 'Куратор', evaluatedOn: '2026-05-20', scores: [] } }, curatorA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'SCORECARD_EXISTS', field: 'input.programId' });
  });

  it('lets one of two first scorecards created at once in', async () => {
    const input = { programId: await newProgram(), evaluatorName: 'Куратор', evaluatedOn: '2026-05-20', scores: [] };
    const results = await Promise.all([0, 1, 2].map(() => system.post(CREATE, { input }, curatorA)));
    expect(results.filter((result) => !result.body.errors).length).toBe(1);
    for (const result of results.filter((r) => r.body.errors)) expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'SCORECARD_EXISTS', field: 'input.programId' });
  });
});

describe('programmes and pairs', () => {
  it('scores a pair of the programme and shows its scorecards on the pair and the programme', async () => {
    const pairCard = await system.request<{ createScorecard: { id: string } }>(
      CREATE,
      { input: { programId, pairId, evaluatorName: 'Педагог-психолог Петрова А. А.', evaluatedOn: '2026-05-21', scores: scoresOf([2, 2, 2, 2, 2, 2, 2, 2, 2]) } },
      curatorA,
    );
    await system.request(CREATE, { input: { programId, evaluatorName: 'Куратор', evaluatedOn: '2026-05-21', scores: [] } }, curatorA);
    const data = await system.request<{ pair: { scorecards: { id: string; total: number }[]; program: { scorecards: { pairId: string | null }[] } } }>(
      'query($id: ID!) { pair(id: $id) { scorecards { id total } program { scorecards { pairId } } } }',
      { id: pairId },
      curatorA,
    );
    expect(data.pair.scorecards).toEqual([{ id: pairCard.createScorecard.id, total: 18 }]);
    expect(data.pair.program.scorecards.map((s) => s.pairId)).toEqual([null, pairId]);
  });

  it('refuses a pair of another programme, a programme of another school, and a mentor', async () => {
    const other = await newProgram();
    const input = { programId: other, pairId, evaluatorName: 'Куратор', evaluatedOn: '2026-05-20', scores: [] };
    expect((await system.post(CREATE, { input }, curatorA)).body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.pairId' });
    const schoolB = await createSchool(system, office, 'Другая школа оценки');
    const curatorB = await system.token(Role.CURATOR, schoolB);
    expect((await system.post(CREATE, { input: { ...input, pairId: null } }, curatorB)).body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.programId' });
    expect((await system.post(CREATE, { input: { ...input, pairId: null } }, await system.token(Role.MENTOR, schoolA))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
