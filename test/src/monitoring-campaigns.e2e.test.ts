import { answersFor, createActiveMentor, createCampaign, createMentee, createPerson, createProgramAt, createSchool, formPair, QUESTION_FIELDS, shippedQuestionnaireVersion, startedPair, type QuestionShape } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * Stage-1 and stage-2 questionnaire campaigns through the gateway: respondents generated from the
 * programme's pairs, one response per respondent, answers validated against the questions, the
 * campaign period, response rates, and stage-2 responses becoming before/after measurements.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let curatorA: string;
let psychologistA: string;
let programId: string;
let mentor1: string;
let mentor2: string;
let youngMentee: string;
let burnoutMentee: string;
let secondYoungMentee: string;
let curatorPerson: string;
let stage1MenteeVersion: string;
let menteeQuestions: QuestionShape[];

const SUBMIT = `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id revision submittedBy questionnaireVersionId } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function asPerson(role: Role, personId: string, schoolId = schoolA): Promise<string> {
  return system.token(role, schoolId, personId);
}

async function respondentsOf(campaignId: string): Promise<string[]> {
  const data = await system.request<{ campaign: { respondents: { person: { id: string } }[] } }>(
    'query($id: ID!) { campaign(id: $id) { respondents { person { id } } } }',
    { id: campaignId },
    curatorA,
  );
  return data.campaign.respondents.map((respondent) => respondent.person.id).sort();
}

async function questionsOf(versionId: string): Promise<QuestionShape[]> {
  const data = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(
    `query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`,
    { id: versionId },
    curatorA,
  );
  return data.questionnaireVersion.questions;
}

async function responseCount(campaignId: string): Promise<number> {
  const data = await system.request<{ responses: { totalCount: number } }>('query($id: ID!) { responses(campaignId: $id) { totalCount } }', { id: campaignId }, curatorA);
  return data.responses.totalCount;
}

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа анкетирования');
  curatorA = await system.token(Role.CURATOR, schoolA);
  psychologistA = await system.token(Role.PSYCHOLOGIST, schoolA);
  mentor1 = await createActiveMentor(system, curatorA, schoolA);
  mentor2 = await createActiveMentor(system, curatorA, schoolA);
  youngMentee = await createMentee(system, curatorA, schoolA, 1);
  burnoutMentee = await createMentee(system, curatorA, schoolA, 12, ['BURNOUT']);
  secondYoungMentee = await createMentee(system, curatorA, schoolA, 2);
  curatorPerson = await createPerson(system, curatorA, schoolA, { position: 'Заместитель директора' });
  programId = await createProgramAt(system, curatorA, schoolA, 'PAIRING');
  await startedPair(system, curatorA, programId, mentor1, [youngMentee, burnoutMentee]);
  await formPair(system, curatorA, programId, mentor2, [secondYoungMentee]);
  stage1MenteeVersion = await shippedQuestionnaireVersion(system, curatorA, 'stage1_mentee', 'STAGE1_PROCESS');
  menteeQuestions = await questionsOf(stage1MenteeVersion);
});

afterAll(() => system?.stop());

describe('respondents', () => {
  it('are the mentees of the programme’s pairs for a mentee questionnaire, and the mentors for a mentor one', async () => {
    const mentees = await createCampaign(system, curatorA, { programId, questionnaireVersionId: stage1MenteeVersion });
    expect(await respondentsOf(mentees)).toEqual([youngMentee, burnoutMentee, secondYoungMentee].sort());
    const mentorVersion = await shippedQuestionnaireVersion(system, curatorA, 'stage1_mentor', 'STAGE1_PROCESS');
    const mentors = await createCampaign(system, curatorA, { programId, questionnaireVersionId: mentorVersion });
    expect(await respondentsOf(mentors)).toEqual([mentor1, mentor2].sort());
  });

  it('are only the mentees of the instrument’s category for a stage-2 category instrument', async () => {
    const burnout = await shippedQuestionnaireVersion(system, curatorA, 'stage2_burnout', 'STAGE2_BEFORE');
    expect(await respondentsOf(await createCampaign(system, curatorA, { programId, questionnaireVersionId: burnout }))).toEqual([burnoutMentee]);
    const young = await shippedQuestionnaireVersion(system, curatorA, 'stage2_young_specialist', 'STAGE2_BEFORE');
    expect(await respondentsOf(await createCampaign(system, curatorA, { programId, questionnaireVersionId: young }))).toEqual([youngMentee, secondYoungMentee].sort());
  });

  it('are the curators named for a curator questionnaire, which needs them', async () => {
    const curatorVersion = await shippedQuestionnaireVersion(system, curatorA, 'stage1_curator', 'STAGE1_PROCESS');
    const { body } = await system.post(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
      { input: { programId, questionnaireVersionId: curatorVersion, opensOn: day(0), closesOn: day(10) } },
      curatorA,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.curatorIds' });
    const campaign = await createCampaign(system, curatorA, { programId, questionnaireVersionId: curatorVersion, curatorIds: [curatorPerson] });
    expect(await respondentsOf(campaign)).toEqual([curatorPerson]);
  });

  it('refuses a period that ends before it begins', async () => {
    const { body } = await system.post(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
      { input: { programId, questionnaireVersionId: stage1MenteeVersion, opensOn: day(10), closesOn: day(0) } },
      curatorA,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.closesOn' });
  });

  it('refuses a campaign with nobody to answer', async () => {
    const emptyProgram = await createProgramAt(system, curatorA, schoolA, 'PAIRING', '2024/2025');
    const { body } = await system.post(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
      { input: { programId: emptyProgram, questionnaireVersionId: stage1MenteeVersion, opensOn: day(0), closesOn: day(10) } },
      curatorA,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NO_RESPONDENTS', field: 'input.programId' });
  });

  it('refuses a programme the caller cannot see as not found, and a campaign by a mentor', async () => {
    const schoolB = await createSchool(system, office, 'Чужая школа анкетирования');
    const curatorB = await system.token(Role.CURATOR, schoolB);
    const input = { programId, questionnaireVersionId: stage1MenteeVersion, opensOn: day(0), closesOn: day(10) };
    const mutation = 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }';
    expect((await system.post(mutation, { input }, curatorB)).body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.programId' });
    expect((await system.post(mutation, { input }, await asPerson(Role.MENTOR, mentor1))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('responses', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: stage1MenteeVersion });
  });

  it.each<[string, (answers: Record<string, unknown>[]) => Record<string, unknown>[], string, string]>([
    ['a rating outside the scale', (a) => a.map((x) => (x.questionKey === 'pair_satisfaction' ? { ...x, rating: 11 } : x)), 'ANSWER_INVALID', 'rating'],
    ['a choice that is not an option', (a) => a.map((x) => (x.questionKey === 'meeting_frequency' ? { ...x, choices: ['Каждый час'] } : x)), 'ANSWER_INVALID', 'choices'],
    ['two choices for a single choice', (a) => a.map((x) => (x.questionKey === 'meeting_frequency' ? { ...x, choices: ['Раз в неделю', 'Раз в месяц'] } : x)), 'ANSWER_INVALID', 'choices'],
    ['a question the questionnaire does not have', (a) => [...a, { questionKey: 'favourite_colour', text: 'синий' }], 'ANSWER_INVALID', 'questionKey'],
    ['a missing required answer', (a) => a.filter((x) => x.questionKey !== 'most_valuable'), 'REQUIRED_ANSWER_MISSING', ''],
  ])('refuses %s with its code and field, and stores nothing', async (_case, change, code, fieldEnd) => {
    const answers = change(answersFor(menteeQuestions));
    const { body } = await system.post(SUBMIT, { input: { campaignId, answers } }, await asPerson(Role.MENTEE, youngMentee));
    const extensions = body.errors?.[0]?.extensions as { code: string; field: string };
    expect(extensions.code).toBe(code);
    expect(extensions.field).toMatch(fieldEnd ? new RegExp(`^input\\.answers\\.\\d+\\.${fieldEnd}$`) : /^input\.answers$/);
    expect(await responseCount(campaignId)).toBe(0);
  });

  it('refuses somebody who is not asked in the campaign', async () => {
    const { body } = await system.post(SUBMIT, { input: { campaignId, answers: answersFor(menteeQuestions) } }, await asPerson(Role.MENTOR, mentor1));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_A_RESPONDENT', field: 'input.campaignId' });
  });

  it('keeps one response: the same answers again change nothing, different answers become a new revision and the old ones are kept', async () => {
    const token = await asPerson(Role.MENTEE, youngMentee);
    const answers = answersFor(menteeQuestions);
    const first = await system.request<{ submitResponse: { id: string; revision: number } }>(SUBMIT, { input: { campaignId, answers } }, token);
    const again = await system.request<{ submitResponse: { id: string; revision: number } }>(SUBMIT, { input: { campaignId, answers: [...answers].reverse() } }, token);
    expect(again.submitResponse).toEqual(first.submitResponse);
    expect(first.submitResponse.revision).toBe(1);
    const changed = await system.request<{ submitResponse: { id: string; revision: number } }>(SUBMIT, { input: { campaignId, answers: answersFor(menteeQuestions, 5) } }, token);
    expect(changed.submitResponse).toEqual({ ...first.submitResponse, revision: 2 });
    const data = await system.request<{ response: { answers: { questionKey: string; rating: number | null }[]; revisions: { revision: number; answers: { questionKey: string; rating: number | null }[] }[] } }>(
      'query($id: ID!) { response(id: $id) { answers { questionKey rating } revisions { revision answers { questionKey rating } } } }',
      { id: first.submitResponse.id },
      curatorA,
    );
    const rating = (list: { questionKey: string; rating: number | null }[]) => list.find((answer) => answer.questionKey === 'pair_satisfaction')!.rating;
    expect(rating(data.response.answers)).toBe(6);
    expect(data.response.revisions.map((revision) => [revision.revision, rating(revision.answers)])).toEqual([
      [1, 2],
      [2, 6],
    ]);
    expect(await responseCount(campaignId)).toBe(1);
  });

  it('leaves one response when the same respondent submits twice at once', async () => {
    const token = await asPerson(Role.MENTEE, burnoutMentee);
    const answers = answersFor(menteeQuestions, 3);
    const results = await Promise.all([0, 1, 2, 3].map(() => system.post<{ submitResponse: { id: string; revision: number } }>(SUBMIT, { input: { campaignId, answers } }, token)));
    for (const result of results) expect(result.body.errors).toBeUndefined();
    const ids = new Set(results.map((result) => result.body.data!.submitResponse.id));
    expect(ids.size).toBe(1);
    expect(results.map((result) => result.body.data!.submitResponse.revision)).toEqual([1, 1, 1, 1]);
    const rows = await system.monitoring.dataSource.query('SELECT count(*)::int AS n FROM response WHERE campaign_id = $1 AND respondent_id = $2', [campaignId, burnoutMentee]);
    expect(rows[0].n).toBe(1);
    const revisions = await system.monitoring.dataSource.query('SELECT count(*)::int AS n FROM response_revision WHERE response_id = ANY($1)', [[...ids]]);
    expect(revisions[0].n).toBe(1);
  });

  it('keeps both when one respondent sends two different sets of answers at once', async () => {
    const fresh = await createCampaign(system, curatorA, { programId, questionnaireVersionId: stage1MenteeVersion });
    const token = await asPerson(Role.MENTEE, youngMentee);
    const results = await Promise.all([1, 4].map((offset) => system.post<{ submitResponse: { id: string; revision: number } }>(SUBMIT, { input: { campaignId: fresh, answers: answersFor(menteeQuestions, offset) } }, token)));
    for (const result of results) expect(result.body.errors).toBeUndefined();
    expect(new Set(results.map((result) => result.body.data!.submitResponse.id)).size).toBe(1);
    expect(results.map((result) => result.body.data!.submitResponse.revision).sort()).toEqual([1, 2]);
    const rows = await system.monitoring.dataSource.query(
      'SELECT r.revision, count(v.*)::int AS kept FROM response r JOIN response_revision v ON v.response_id = r.id WHERE r.campaign_id = $1 GROUP BY r.revision',
      [fresh],
    );
    expect(rows).toEqual([{ revision: 2, kept: 2 }]);
  });

  it('lets the curator enter a paper questionnaire for a respondent, recording who entered it', async () => {
    const data = await system.request<{ submitResponse: { submittedBy: string } }>(
      SUBMIT,
      { input: { campaignId, respondentId: secondYoungMentee, answers: answersFor(menteeQuestions) } },
      curatorA,
    );
    expect(data.submitResponse.submittedBy).toBe(`test-curator-${schoolA}`);
    const { body } = await system.post(
      SUBMIT,
      { input: { campaignId, respondentId: secondYoungMentee, answers: answersFor(menteeQuestions) } },
      await asPerson(Role.MENTEE, youngMentee),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows answers to the school’s staff and to the respondent, to nobody else', async () => {
    const mine = await system.request<{ campaign: { myResponse: { id: string } | null } }>(
      'query($id: ID!) { campaign(id: $id) { myResponse { id } } }',
      { id: campaignId },
      await asPerson(Role.MENTEE, youngMentee),
    );
    const responseId = mine.campaign.myResponse!.id;
    const read = (token: string) => system.post('query($id: ID!) { response(id: $id) { answers { questionKey } } }', { id: responseId }, token);
    expect((await read(psychologistA)).body.errors).toBeUndefined();
    expect((await read(await asPerson(Role.MENTEE, youngMentee))).body.errors).toBeUndefined();
    expect((await read(await asPerson(Role.MENTEE, burnoutMentee))).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await read(await asPerson(Role.MENTOR, mentor1))).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const asMentor = await system.request<{ responses: { totalCount: number } }>('query($id: ID!) { responses(campaignId: $id) { totalCount } }', { id: campaignId }, await asPerson(Role.MENTOR, mentor1));
    expect(asMentor.responses.totalCount).toBe(0);
  });

  it('pages through the responses of a campaign in the order they first arrived', async () => {
    const query = 'query($id: ID!, $after: String) { responses(campaignId: $id, page: { first: 2, after: $after }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    type Page = { responses: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await system.request<Page>(query, { id: campaignId, after: null }, curatorA);
    expect(first.responses).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await system.request<Page>(query, { id: campaignId, after: first.responses.pageInfo.endCursor }, curatorA);
    expect(second.responses.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.responses.nodes, ...second.responses.nodes].map((node) => node.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('counts response rates per campaign and per school and role', async () => {
    const data = await system.request<{ campaign: { responseRate: { invited: number; responded: number; rate: number } } }>(
      'query($id: ID!) { campaign(id: $id) { responseRate { invited responded rate } } }',
      { id: campaignId },
      curatorA,
    );
    expect(data.campaign.responseRate).toEqual({ invited: 3, responded: 3, rate: 1 });
    const rates = await system.request<{ responseRates: { schoolId: string; role: string; invited: number; responded: number }[] }>(
      'query($programId: ID) { responseRates(filter: { programId: $programId, stage: STAGE1_PROCESS }) { schoolId role invited responded } }',
      { programId },
      curatorA,
    );
    const mentee = rates.responseRates.find((rate) => rate.role === 'MENTEE')!;
    expect(mentee.schoolId).toBe(schoolA);
    // Three stage-1 mentee campaigns of three mentees so far: none answered, all answered, one answered.
    expect(mentee).toMatchObject({ invited: 9, responded: 4 });
    expect(rates.responseRates.find((rate) => rate.role === 'MENTOR')).toMatchObject({ invited: 2, responded: 0 });
    // The office may not see the persons: campaigns of 3 are small groups, and so is the row holding them.
    const forOffice = await system.request<{ responseRates: { role: string; invited: number; responded: number | null; suppressed: boolean }[] }>(
      'query($programId: ID) { responseRates(filter: { programId: $programId, stage: STAGE1_PROCESS }) { role invited responded suppressed } }',
      { programId },
      office,
    );
    expect(forOffice.responseRates.find((rate) => rate.role === 'MENTEE')).toEqual({ role: 'MENTEE', invited: 9, responded: null, suppressed: true });
  });
});

describe('the campaign period', () => {
  it('refuses answers before the campaign opens', async () => {
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: stage1MenteeVersion, opensOn: day(3), closesOn: day(20) });
    const { body } = await system.post(SUBMIT, { input: { campaignId, answers: answersFor(menteeQuestions) } }, await asPerson(Role.MENTEE, youngMentee));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'CAMPAIGN_NOT_OPEN', field: 'input.campaignId' });
  });

  it('refuses answers after the last day', async () => {
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: stage1MenteeVersion, opensOn: day(-20), closesOn: day(-1) });
    const { body } = await system.post(SUBMIT, { input: { campaignId, answers: answersFor(menteeQuestions) } }, await asPerson(Role.MENTEE, youngMentee));
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'CAMPAIGN_CLOSED', field: 'input.campaignId' });
  });

  it('keeps a response exactly as it was once the campaign is closed', async () => {
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: stage1MenteeVersion });
    const token = await asPerson(Role.MENTEE, youngMentee);
    const first = await system.request<{ submitResponse: { id: string } }>(SUBMIT, { input: { campaignId, answers: answersFor(menteeQuestions) } }, token);
    const closed = await system.request<{ closeCampaign: { status: string } }>('mutation($id: ID!) { closeCampaign(id: $id) { status } }', { id: campaignId }, curatorA);
    expect(closed.closeCampaign.status).toBe('CLOSED');
    const { body } = await system.post(SUBMIT, { input: { campaignId, answers: answersFor(menteeQuestions, 4) } }, token);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'CAMPAIGN_CLOSED', field: 'input.campaignId' });
    const data = await system.request<{ response: { revision: number } }>('query($id: ID!) { response(id: $id) { revision } }', { id: first.submitResponse.id }, curatorA);
    expect(data.response.revision).toBe(1);
  });
});

describe('stage 2', () => {
  it('turns the responses of a closed before-campaign into before values, keeping a value entered directly', async () => {
    const version = await shippedQuestionnaireVersion(system, curatorA, 'stage2_young_specialist', 'STAGE2_BEFORE');
    const questions = await questionsOf(version);
    await system.request(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      { input: { personId: youngMentee, programId, parameterKey: 'adaptation', stage: 'BEFORE', value: 5, measuredOn: day(-2) } },
      psychologistA,
    );
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: version });
    const response = await system.request<{ submitResponse: { id: string } }>(SUBMIT, { input: { campaignId, answers: answersFor(questions, 2) } }, await asPerson(Role.MENTEE, youngMentee));
    await system.request('mutation($id: ID!) { closeCampaign(id: $id) { id } }', { id: campaignId }, curatorA);
    await system.request('mutation($id: ID!) { closeCampaign(id: $id) { id } }', { id: campaignId }, curatorA);

    const data = await system.request<{ person: { measurements: { parameterKey: string; stage: string; value: number; source: string; responseId: string | null }[] } }>(
      'query($id: ID!) { person(id: $id) { measurements(filter: { stage: BEFORE }) { parameterKey stage value source responseId } } }',
      { id: youngMentee },
      psychologistA,
    );
    const byKey = new Map(data.person.measurements.map((m) => [m.parameterKey, m]));
    expect(byKey.get('adaptation')).toMatchObject({ value: 5, source: 'DIRECT_ENTRY', responseId: null });
    const fedBy = await system.request<{ questionnaireVersion: { questions: { parameterKey: string | null }[] } }>(
      'query($id: ID!) { questionnaireVersion(id: $id) { questions { parameterKey } } }',
      { id: version },
      curatorA,
    );
    const parameters = [...new Set(fedBy.questionnaireVersion.questions.map((q) => q.parameterKey!))].sort();
    expect([...byKey.keys()].sort()).toEqual(parameters);
    for (const key of parameters.filter((k) => k !== 'adaptation')) {
      // Every item answered with scale minimum + 2 = 3, so every parameter's mean is 3.
      expect(byKey.get(key)).toMatchObject({ value: 3, source: 'RESPONSE', responseId: response.submitResponse.id });
    }
  });
});
