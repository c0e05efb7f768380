import { answersFor, createActiveMentor, createCampaign, createMentee, createProgramAt, createSchool, QUESTION_FIELDS, shippedQuestionnaireVersion, startedPair, type QuestionShape } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * Questionnaires through the gateway: the shipped Russian templates, versions (a published one is
 * immutable; editing makes a new version; answers stay tied to the version answered), structural
 * validation, and the municipality's own parameters in stage-2 instruments.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let curatorA: string;
let curatorB: string;

const CREATE = 'mutation($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id schoolId shipped versions { id version status } } }';
const EDIT = 'mutation($input: EditQuestionnaireInput!) { editQuestionnaire(input: $input) { id version status title } }';
const PUBLISH = 'mutation($id: ID!) { publishQuestionnaireVersion(id: $id) { id version status publishedAt } }';

const rating = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  text: 'Насколько вы удовлетворены работой пары?',
  type: 'RATING',
  required: true,
  scale: { min: 1, max: 5, minLabel: 'совсем нет', maxLabel: 'полностью' },
  ...extra,
});
const content = (title: string, questions: unknown[]) => ({ title, questions });

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа анкет А');
  const schoolB = await createSchool(system, office, 'Школа анкет Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
  curatorB = await system.token(Role.CURATOR, schoolB);
});

afterAll(() => system?.stop());

describe('shipped templates', () => {
  it('are published, read-only Russian questionnaires for every role of stage 1 and every instrument of stage 2, before and after', async () => {
    const data = await system.request<{
      questionnaires: { totalCount: number; nodes: { key: string; stage: string; respondentRole: string; menteeCategory: string | null; shipped: boolean; currentVersion: { title: string; version: number; status: string; questions: { text: string }[] } }[] };
    }>(
      '{ questionnaires(page: { first: 100 }) { totalCount nodes { key stage respondentRole menteeCategory shipped currentVersion { title version status questions { text } } } } }',
      {},
      curatorA,
    );
    expect(data.questionnaires.totalCount).toBe(13);
    const keys = data.questionnaires.nodes.map((node) => `${node.key}/${node.stage}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'stage1_mentee/STAGE1_PROCESS',
        'stage1_mentor/STAGE1_PROCESS',
        'stage1_curator/STAGE1_PROCESS',
        'stage2_young_specialist/STAGE2_BEFORE',
        'stage2_young_specialist/STAGE2_AFTER',
        'stage2_burnout/STAGE2_AFTER',
        'stage2_digital_skills/STAGE2_BEFORE',
        'stage2_new_workplace/STAGE2_AFTER',
        'stage2_mentor/STAGE2_BEFORE',
      ]),
    );
    for (const node of data.questionnaires.nodes) {
      expect(node.shipped).toBe(true);
      expect(node.currentVersion).toMatchObject({ version: 1, status: 'PUBLISHED' });
      expect(node.currentVersion.title).toMatch(/[А-Яа-я]/);
    }
    const burnout = data.questionnaires.nodes.filter((node) => node.key === 'stage2_burnout');
    expect(burnout.map((node) => node.menteeCategory)).toEqual(['BURNOUT', 'BURNOUT']);
    // Before and after ask the very same questions, so the two measurements compare.
    expect(burnout[0]!.currentVersion.questions).toEqual(burnout[1]!.currentVersion.questions);
  });

  it('cannot be edited, only copied into a questionnaire of one’s own', async () => {
    const versionId = await shippedQuestionnaireVersion(system, curatorA, 'stage1_mentor', 'STAGE1_PROCESS');
    const version = await system.request<{ questionnaireVersion: { questionnaireId: string } }>('query($id: ID!) { questionnaireVersion(id: $id) { questionnaireId } }', { id: versionId }, curatorA);
    const { body } = await system.post(EDIT, { input: { questionnaireId: version.questionnaireVersion.questionnaireId, content: content('Моя анкета', [rating('q')]) } }, curatorA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'QUESTIONNAIRE_READ_ONLY', field: 'input.questionnaireId' });
    const publish = await system.post(PUBLISH, { id: versionId }, curatorA);
    expect(publish.body.errors?.[0]?.extensions).toEqual({ code: 'QUESTIONNAIRE_READ_ONLY', field: 'id' });

    const copy = await system.request<{ createQuestionnaire: { id: string; schoolId: string; shipped: boolean; versions: { id: string; status: string }[] } }>(
      CREATE,
      { input: { key: 'stage1_mentor_school', respondentRole: 'MENTOR', stage: 'STAGE1_PROCESS', copyOfVersionId: versionId } },
      curatorA,
    );
    expect(copy.createQuestionnaire).toMatchObject({ schoolId: schoolA, shipped: false, versions: [{ status: 'DRAFT' }] });
    const questions = async (id: string) =>
      (await system.request<{ questionnaireVersion: { questions: unknown[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id }, curatorA)).questionnaireVersion.questions;
    expect(await questions(copy.createQuestionnaire.versions[0]!.id)).toEqual(await questions(versionId));
  });
});

describe('structure', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a rating without a scale', { key: 'q', text: 'Оценка', type: 'RATING', required: true }, /needs a scale/],
    ['a choice with one option', { key: 'q', text: 'Выбор', type: 'SINGLE_CHOICE', required: true, options: ['Да'] }, /at least two options/],
    ['a scale upside down', rating('q', { scale: { min: 5, max: 1, minLabel: 'a', maxLabel: 'b' } }), /min < max/],
    ['options on an open question', { key: 'q', text: 'Текст', type: 'OPEN_TEXT', required: false, options: ['a', 'b'] }, /only for choice/],
  ])('refuses %s', async (_case, question, message) => {
    const { body } = await system.post(CREATE, { input: { key: 'broken', respondentRole: 'MENTEE', stage: 'STAGE1_PROCESS', content: content('Анкета', [question]) } }, curatorA);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'QUESTIONNAIRE_INVALID', field: 'input.content' });
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it('refuses a stage-2 item that feeds no parameter or an unknown one, and accepts the municipality’s own parameter', async () => {
    const stage2 = (question: Record<string, unknown>) => ({
      input: { key: 'stage2_leadership', respondentRole: 'MENTOR', stage: 'STAGE2_BEFORE', content: content('Самооценка лидерства', [question]) },
    });
    expect((await system.post(CREATE, stage2(rating('lead')), curatorA)).body.errors?.[0]?.extensions?.code).toBe('QUESTIONNAIRE_INVALID');
    expect((await system.post(CREATE, stage2(rating('lead', { parameterKey: 'leadership' })), curatorA)).body.errors?.[0]?.message).toMatch(/unknown parameter leadership/);
    await system.request(
      'mutation($input: AddParameterInput!) { addParameter(input: $input) { key } }',
      { input: { key: 'leadership', name: 'Лидерские качества', scaleMin: 1, scaleMax: 5, direction: 'HIGHER_IS_BETTER' } },
      office,
    );
    const wrongScale = rating('lead', { parameterKey: 'leadership', scale: { min: 1, max: 10, minLabel: 'a', maxLabel: 'b' } });
    expect((await system.post(CREATE, stage2(wrongScale), curatorA)).body.errors?.[0]?.message).toMatch(/scale differs/);
    expect((await system.post(CREATE, stage2(rating('lead', { parameterKey: 'leadership' })), curatorA)).body.errors).toBeUndefined();
  });
});

describe('versions', () => {
  it('edits a draft in place, freezes it when published, and makes a new version on the next edit; answers stay with the version answered', async () => {
    const created = await system.request<{ createQuestionnaire: { id: string; versions: { id: string; version: number; status: string }[] } }>(
      CREATE,
      { input: { key: 'pair_feedback', respondentRole: 'MENTEE', stage: 'STAGE1_PROCESS', content: content('Отзыв о паре', [rating('satisfaction')]) } },
      curatorA,
    );
    const questionnaireId = created.createQuestionnaire.id;
    const v1 = created.createQuestionnaire.versions[0]!;
    expect(v1).toMatchObject({ version: 1, status: 'DRAFT' });
    const edited = await system.request<{ editQuestionnaire: { id: string; version: number; title: string } }>(
      EDIT,
      { input: { questionnaireId, content: content('Отзыв о работе пары', [rating('satisfaction')]) } },
      curatorA,
    );
    expect(edited.editQuestionnaire).toMatchObject({ id: v1.id, version: 1, title: 'Отзыв о работе пары' });

    // A draft cannot be sent to respondents.
    const mentor = await createActiveMentor(system, curatorA, schoolA);
    const mentee = await createMentee(system, curatorA, schoolA, 1);
    const programId = await createProgramAt(system, curatorA, schoolA, 'PAIRING');
    await startedPair(system, curatorA, programId, mentor, [mentee]);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { body } = await system.post(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
      { input: { programId, questionnaireVersionId: v1.id, opensOn: day(-1), closesOn: day(10) } },
      curatorA,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'VERSION_NOT_PUBLISHED', field: 'input.questionnaireVersionId' });

    expect((await system.request<{ publishQuestionnaireVersion: { status: string } }>(PUBLISH, { id: v1.id }, curatorA)).publishQuestionnaireVersion.status).toBe('PUBLISHED');
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: v1.id });
    const answered = await system.request<{ submitResponse: { id: string; questionnaireVersionId: string } }>(
      'mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id questionnaireVersionId } }',
      { input: { campaignId, answers: [{ questionKey: 'satisfaction', rating: 4 }] } },
      await system.token(Role.MENTEE, schoolA, mentee),
    );

    const v2 = await system.request<{ editQuestionnaire: { id: string; version: number; status: string } }>(
      EDIT,
      { input: { questionnaireId, content: content('Отзыв о работе пары, 2-я редакция', [rating('satisfaction'), { key: 'comment', text: 'Комментарий', type: 'OPEN_TEXT', required: false }]) } },
      curatorA,
    );
    expect(v2.editQuestionnaire).toMatchObject({ version: 2, status: 'DRAFT' });
    expect(v2.editQuestionnaire.id).not.toBe(v1.id);
    await system.request(PUBLISH, { id: v2.editQuestionnaire.id }, curatorA);

    const after = await system.request<{
      questionnaire: { versions: { version: number; title: string; questions: QuestionShape[] }[]; currentVersion: { version: number } };
      response: { questionnaireVersionId: string };
    }>(
      `query($q: ID!, $r: ID!) { questionnaire(id: $q) { versions { version title ${QUESTION_FIELDS} } currentVersion { version } } response(id: $r) { questionnaireVersionId } }`,
      { q: questionnaireId, r: answered.submitResponse.id },
      curatorA,
    );
    expect(after.questionnaire.versions.map((v) => [v.version, v.title, v.questions.length])).toEqual([
      [1, 'Отзыв о работе пары', 1],
      [2, 'Отзыв о работе пары, 2-я редакция', 2],
    ]);
    expect(after.questionnaire.currentVersion.version).toBe(2);
    expect(after.response.questionnaireVersionId).toBe(v1.id);
    expect(answersFor(after.questionnaire.versions[0]!.questions)).toHaveLength(1);
  });

  it('refuses a second questionnaire with the same key and stage in the school', async () => {
    const input = { key: 'twice', respondentRole: 'MENTOR', stage: 'STAGE1_PROCESS', content: content('Анкета', [rating('q')]) };
    await system.request(CREATE, { input }, curatorA);
    expect((await system.post(CREATE, { input }, curatorA)).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses any change of a published version, also straight in the database', async () => {
    await expect(
      system.monitoring.dataSource.query(`UPDATE questionnaire_version SET title = 'Подмена' WHERE status = 'PUBLISHED'`),
    ).rejects.toThrow(/published and immutable/);
    await expect(system.monitoring.dataSource.query(`DELETE FROM questionnaire_version WHERE status = 'PUBLISHED'`)).rejects.toThrow(/published and immutable/);
  });

  it('keeps a school’s questionnaire to that school, and municipal ones to the office', async () => {
    const own = await system.request<{ createQuestionnaire: { id: string } }>(
      CREATE,
      { input: { key: 'school_only', respondentRole: 'MENTOR', stage: 'STAGE1_PROCESS', content: content('Только для школы А', [rating('q')]) } },
      curatorA,
    );
    const { body } = await system.post('query($id: ID!) { questionnaire(id: $id) { id } }', { id: own.createQuestionnaire.id }, curatorB);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    const listB = await system.request<{ questionnaires: { totalCount: number } }>('{ questionnaires { totalCount } }', {}, curatorB);
    expect(listB.questionnaires.totalCount).toBe(13);

    const municipal = await system.request<{ createQuestionnaire: { id: string; schoolId: string | null } }>(
      CREATE,
      { input: { key: 'municipal_survey', respondentRole: 'MENTOR', stage: 'STAGE1_PROCESS', content: content('Муниципальная анкета', [rating('q')]) } },
      office,
    );
    expect(municipal.createQuestionnaire.schoolId).toBeNull();
    const edit = await system.post(EDIT, { input: { questionnaireId: municipal.createQuestionnaire.id, content: content('Правка школы', [rating('q')]) } }, curatorB);
    expect(edit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
