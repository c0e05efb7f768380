import { startAnalyticsWorker, type RunningWorker } from '@nastavnik/analytics';
import { ERASED_PERSON_NAME, PERSONAL_DATA_QUEUE, PersonalDataJob, type DataSource } from '@nastavnik/platform';
import { Queue, QueueEvents } from 'bullmq';
import ExcelJS from 'exceljs';
import { answersFor, createCampaign, createMentorWith, createPerson, createProgramAt, createSchool, QUESTION_FIELDS, shippedQuestionnaireVersion, startedPair, type QuestionShape } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';
import { refusal } from './refusals';

let system: TestSystem;
let worker: RunningWorker | undefined;
let office: string;
let schoolAdmin: string;
let curator: string;
let schoolId: string;
let programId: string;
let mentor: string;
let mentee: string;

// The person to erase, with identifiers that appear nowhere else.
const IDENTITY = { fullName: 'Стирайкина Ефросинья Изольдовна', email: 'efrosinya.stiraykina@school.example', phone: '+7 900 555-73-19', staffNumber: 'ТН-ЭР-7781' };
const SURNAME = 'Стирайкина';
const NEEDLES = [IDENTITY.fullName, SURNAME, IDENTITY.email, IDENTITY.phone, IDENTITY.staffNumber];

const ACT = `id personId reason requestedBy status services { service status confirmedAt cleared { table columns rows } }`;
const ERASE = `mutation($input: ErasePersonInput!) { erasePerson(input: $input) { ${ACT} } }`;
const READ_ACT = `query($personId: ID!) { erasureAct(personId: $personId) { ${ACT} } }`;

interface ActView {
  id: string;
  personId: string;
  reason: string;
  requestedBy: string;
  status: string;
  services: { service: string; status: string; confirmedAt: string | null; cleared: { table: string; columns: string[]; rows: number }[] }[];
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const readAct = async (personId: string) => (await system.request<{ erasureAct: ActView | null }>(READ_ACT, { personId }, office)).erasureAct;

/** Every text, varchar, json(b) and text[] column of every table, searched for each needle: "table.column" where one occurs. */
async function columnsContaining(db: DataSource, needles: readonly string[]): Promise<string[]> {
  const columns = (await db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
  )) as { table_name: string; column_name: string }[];
  expect(columns.length).toBeGreaterThan(10);
  const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, '\\$&')}%`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ hits }] = await db.query(`SELECT count(*)::int AS hits FROM "${table_name}" WHERE "${column_name}"::text ILIKE ANY($1)`, [patterns]);
    if (hits > 0) found.push(`${table_name}.${column_name}`);
  }
  return found.sort();
}

const allDatabases = async (needles: readonly string[]) => ({
  participant: await columnsContaining(system.participant.dataSource, needles),
  program: await columnsContaining(system.program.dataSource, needles),
  monitoring: await columnsContaining(system.monitoring.dataSource, needles),
});

const measurementsOf = (personId: string) =>
  system.monitoring.dataSource.query(`SELECT id, parameter_key, stage, value, measured_on FROM measurement WHERE person_id = $1 ORDER BY id`, [personId]);

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа удаления');
  schoolAdmin = await system.token(Role.SCHOOL_ADMIN, schoolId);
  curator = await system.token(Role.CURATOR, schoolId);
  programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
  mentor = await createMentorWith(system, curator, schoolId, { capacity: 4 });
  mentee = await createPerson(system, curator, schoolId, { ...IDENTITY, pedagogicalExperienceYears: 1, birthYear: 1999 });
  await system.request(
    'mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { id } }',
    { input: { personId: mentee, categories: [], openedOn: '2025-09-01', requests: [`${SURNAME} просит помощи с классом`], deficits: ['ИКТ'] } },
    curator,
  );
  const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
  await system.request(
    'mutation($input: LogMeetingInput!) { logMeeting(input: $input) { id } }',
    { input: { pairId, type: 'INTRO', heldOn: '2025-09-16', durationMinutes: 40, topic: `Знакомство с ${SURNAME}`, notes: `${IDENTITY.fullName} волнуется; тел. ${IDENTITY.phone}` } },
    curator,
  );
  const plan = await system.request<{ createDevelopmentPlan: { id: string } }>(
    'mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) { id } }',
    { input: { pairId, menteeId: mentee, goals: [`${SURNAME}: освоить ИКТ`, 'Открытый урок'] } },
    curator,
  );
  await system.request(
    'mutation($input: AddPlanTaskInput!) { addPlanTask(input: $input) { id } }',
    { input: { planId: plan.createDevelopmentPlan.id, title: `${SURNAME} посещает уроки наставника`, deadline: '2025-12-01' } },
    curator,
  );
  await system.request(
    'mutation($input: NominateInput!) { nominate(input: $input) { id } }',
    { input: { programId, kind: 'BEST_PAIR', pairId, evidence: `Пара ${SURNAME} — лучшая` } },
    curator,
  );
  await system.request(
    'mutation($input: RecordCompatibilityInput!) { recordCompatibilityResult(input: $input) { id } }',
    { input: { mentorId: mentor, menteeId: mentee, score: 71, testedOn: '2025-09-05', conclusion: `${SURNAME} тревожна` } },
    curator,
  );
  await system.request(
    'mutation($input: RecordSatisfactionCheckInput!) { recordSatisfactionCheck(input: $input) { id } }',
    { input: { pairId, personId: mentee, satisfaction: 4, checkedOn: '2025-10-01', comment: `Пишет ${IDENTITY.email}` } },
    curator,
  );
  // An open answer naming the person, changed once, so the revision history holds it too.
  const versionId = await shippedQuestionnaireVersion(system, curator, 'stage1_mentee', 'STAGE1_PROCESS');
  const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: versionId });
  const { questionnaireVersion } = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(
    `query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`,
    { id: versionId },
    curator,
  );
  const answers = (text: string) =>
    questionnaireVersion.questions.map((question) =>
      question.type === 'OPEN_TEXT' ? { questionKey: question.key, text } : answersFor([{ ...question, required: true }])[0]!,
    );
  const menteeToken = await system.token(Role.MENTEE, schoolId, mentee);
  for (const text of [`${SURNAME}: всё хорошо`, `${IDENTITY.fullName}: нужна помощь`]) {
    await system.request('mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id } }', { input: { campaignId, answers: answers(text) } }, menteeToken);
  }
  // Only a «before» value: the report lists the person by name on its incomplete-measurements sheet.
  for (const parameterKey of ['motivation', 'anxiety']) {
    await system.request(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      { input: { personId: mentee, programId, parameterKey, stage: 'BEFORE', value: 3, measuredOn: '2025-09-12' } },
      curator,
    );
  }
});

afterAll(async () => {
  await worker?.close();
  await system?.stop();
});

interface ExportDocument {
  personId: string;
  sections: { service: string; key: string; title: string; columns: { key: string; title: string }[]; rows: Record<string, string | number | null>[] }[];
}

const exportOf = (personId: string, format: 'json' | 'xlsx', token?: string) =>
  fetch(new URL(`/people/${personId}/personal-data.${format}`, system.gatewayUrl), { headers: token ? { authorization: `Bearer ${token}` } : {} });

const rowsOf = (document: ExportDocument, key: string) => document.sections.find((section) => section.key === key)?.rows;

describe('export of a person\'s data', () => {
  it('gives the curator one JSON document with what all three services hold', async () => {
    const response = await exportOf(mentee, 'json', curator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`personal-data-${mentee}.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const document = (await response.json()) as ExportDocument;
    expect(document.personId).toBe(mentee);
    expect(new Set(document.sections.map((section) => section.service))).toEqual(new Set(['participant', 'program', 'monitoring']));
    expect(rowsOf(document, 'participant.person')).toEqual([expect.objectContaining({ full_name: IDENTITY.fullName, email: IDENTITY.email, staff_number: IDENTITY.staffNumber, birth_year: 1999 })]);
    expect(rowsOf(document, 'participant.menteeEntries')).toEqual([expect.objectContaining({ requests: `${SURNAME} просит помощи с классом` })]);
    expect(rowsOf(document, 'program.meetings')).toEqual([expect.objectContaining({ type: 'INTRO', duration_minutes: 40, notes: expect.stringContaining(IDENTITY.phone) })]);
    expect(rowsOf(document, 'program.plans')).toHaveLength(1);
    expect(rowsOf(document, 'program.planTasks')).toHaveLength(1);
    expect(rowsOf(document, 'program.awards')).toEqual([expect.objectContaining({ kind: 'BEST_PAIR', status: 'NOMINATED' })]);
    expect(rowsOf(document, 'monitoring.measurements')?.map((row) => [row.parameter_key, row.value])).toEqual([
      ['anxiety', 3],
      ['motivation', 3],
    ]);
    expect(rowsOf(document, 'monitoring.satisfaction')).toEqual([expect.objectContaining({ satisfaction: 4, comment: `Пишет ${IDENTITY.email}` })]);
    expect(rowsOf(document, 'monitoring.answers')).toEqual(expect.arrayContaining([expect.objectContaining({ text_value: `${IDENTITY.fullName}: нужна помощь` })]));
    expect(rowsOf(document, 'monitoring.compatibility')).toEqual([expect.objectContaining({ role: 'наставляемый', score: 71 })]);
    // Every service logs the export of its part, by whom, in its own audit log.
    for (const service of [system.participant, system.program, system.monitoring]) {
      const [entry] = await service.dataSource.query(`SELECT actor_role, entity_ids, fields FROM audit_entry WHERE action = 'EXPORT' AND $1 = ANY(person_ids)`, [mentee]);
      expect(entry).toMatchObject({ actor_role: 'CURATOR', entity_ids: [mentee] });
      expect(entry.fields.length).toBeGreaterThan(0);
    }
  });

  it('gives the same as a workbook, a sheet per section with Russian headings', async () => {
    const response = await exportOf(mentee, 'xlsx', schoolAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(['Сведения', 'Сотрудник', 'Встречи', 'Индивидуальные маршруты', 'Замеры', 'Удовлетворённость']));
    const person = workbook.getWorksheet('Сотрудник')!;
    expect(person.getRow(1).values).toEqual(expect.arrayContaining(['ФИО', 'Email', 'Табельный номер']));
    expect(person.getRow(2).values).toEqual(expect.arrayContaining([IDENTITY.fullName, IDENTITY.email]));
    const measurements = workbook.getWorksheet('Замеры')!;
    const valueColumn = (measurements.getRow(1).values as unknown[]).indexOf('Значение');
    expect(measurements.getRow(2).getCell(valueColumn).value).toBe(3);
  });

  it('lets the person read their own file, and nobody else but their school administration, curator and the office', async () => {
    const own = await system.token(Role.MENTEE, schoolId, mentee);
    expect((await exportOf(mentee, 'json', own)).status).toBe(200);
    expect((await exportOf(mentee, 'json', office)).status).toBe(200);
    const colleague = await exportOf(mentee, 'json', await system.token(Role.MENTOR, schoolId, mentor));
    // A mentor does not even find a colleague's record: mentors read only their own (docs/access-matrix.md).
    expect(colleague.status).toBe(404);
    expect(((await colleague.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect((await exportOf(mentee, 'xlsx', await system.token(Role.PSYCHOLOGIST, schoolId))).status).toBe(403);
    const otherSchool = await system.token(Role.CURATOR, await createSchool(system, office, 'Школа без доступа'));
    expect((await exportOf(mentee, 'json', otherSchool)).status).toBe(404);
    expect((await exportOf(mentee, 'json')).status).toBe(401);
  });
});

describe('erasure of a person', () => {
  it('lets only the school administration and the office erase, within their scope', async () => {
    const input = { personId: mentee, reason: 'Заявление № 17 от 20.11.2026' };
    expect(await refusal(system, ERASE, { input }, curator)).toEqual({ code: 'FORBIDDEN' });
    const otherAdmin = await system.token(Role.SCHOOL_ADMIN, await createSchool(system, office, 'Чужая школа для удаления'));
    expect(await refusal(system, ERASE, { input }, otherAdmin)).toEqual({ code: 'NOT_FOUND', field: 'input.personId' });
    expect(await refusal(system, ERASE, { input: { ...input, reason: '' } }, schoolAdmin)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.reason' });
    const [person] = await system.participant.dataSource.query(`SELECT full_name, erased_at FROM person WHERE id = $1`, [mentee]);
    expect(person).toEqual({ full_name: IDENTITY.fullName, erased_at: null });
    // No act and no audit entry of an erasure either: the refusals left nothing behind.
    expect(await system.participant.dataSource.query(`SELECT id FROM erasure_act WHERE person_id = $1`, [mentee])).toEqual([]);
    expect(await system.participant.dataSource.query(`SELECT id FROM audit_entry WHERE action = 'ERASE' AND $1 = ANY(person_ids)`, [mentee])).toEqual([]);
  });

  it('leaves nothing identifying in any text column of the three databases, keeps every number, and records the act', async () => {
    const before = await allDatabases(NEEDLES);
    // The scan sees the person where the services keep them, so an empty result after means something.
    expect(before.participant).toEqual(expect.arrayContaining(['person.full_name', 'person.email', 'person.phone', 'person.staff_number', 'mentee_profile.requests']));
    expect(before.program).toEqual(expect.arrayContaining(['meeting.notes', 'meeting.topic', 'development_plan.goals', 'plan_task.title', 'award.evidence']));
    expect(before.monitoring).toEqual(
      expect.arrayContaining(['answer.text_value', 'response_revision.answers', 'compatibility_result.conclusion', 'satisfaction_check.comment']),
    );
    const ratings = () => system.monitoring.dataSource.query(`SELECT question_key, choice_values, rating_value FROM answer ORDER BY question_key`);
    const ratingsBefore = await ratings();
    expect(ratingsBefore.some((answer: { rating_value: number | null }) => answer.rating_value !== null)).toBe(true);
    const measurements = await measurementsOf(mentee);
    expect(measurements).toHaveLength(2);

    const erased = (await system.request<{ erasePerson: ActView }>(ERASE, { input: { personId: mentee, reason: 'Заявление № 17 от 20.11.2026' } }, schoolAdmin)).erasePerson;
    expect(erased).toMatchObject({ personId: mentee, reason: 'Заявление № 17 от 20.11.2026', requestedBy: `test-school_admin-${schoolId}` });
    expect(erased.services[0]).toMatchObject({ service: 'participant', status: 'COMPLETED' });
    expect(erased.services[0]!.cleared).toEqual(
      expect.arrayContaining([{ table: 'person', columns: ['full_name', 'email', 'phone', 'staff_number', 'birth_year'], rows: 1 }]),
    );

    const act = await waitFor(() => readAct(mentee), (value) => value?.status === 'COMPLETED');
    expect(act!.status).toBe('COMPLETED');
    expect(act!.services.map((s) => [s.service, s.status])).toEqual([
      ['participant', 'COMPLETED'],
      ['program', 'COMPLETED'],
      ['monitoring', 'COMPLETED'],
    ]);
    expect(act!.services[1]!.cleared).toEqual(expect.arrayContaining([{ table: 'meeting', columns: ['topic', 'notes'], rows: 1 }]));
    expect(act!.services[2]!.cleared).toEqual(expect.arrayContaining([{ table: 'satisfaction_check', columns: ['comment'], rows: 1 }]));

    expect(await allDatabases(NEEDLES)).toEqual({ participant: [], program: [], monitoring: [] });
    // The event log's extract of the destruction: one ERASE entry per service, naming the cleared columns.
    const erasures = async (dataSource: DataSource) =>
      (await dataSource.query(`SELECT actor_user_id, fields FROM audit_entry WHERE action = 'ERASE' AND $1 = ANY(person_ids)`, [mentee])) as { actor_user_id: string; fields: string[] }[];
    expect(await erasures(system.participant.dataSource)).toEqual([{ actor_user_id: expect.any(String), fields: expect.arrayContaining(['person.full_name', 'person.email']) }]);
    expect(await erasures(system.program.dataSource)).toEqual([{ actor_user_id: 'system:erasure', fields: expect.arrayContaining(['meeting.notes']) }]);
    expect(await erasures(system.monitoring.dataSource)).toEqual([{ actor_user_id: 'system:erasure', fields: expect.arrayContaining(['satisfaction_check.comment']) }]);
    expect(await measurementsOf(mentee)).toEqual(measurements);
    expect(await ratings()).toEqual(ratingsBefore);
    const [person] = await system.participant.dataSource.query(
      `SELECT full_name, birth_year, school_id, archived_at IS NOT NULL AS archived, erased_at IS NOT NULL AS erased FROM person WHERE id = $1`,
      [mentee],
    );
    expect(person).toEqual({ full_name: ERASED_PERSON_NAME, birth_year: null, school_id: schoolId, archived: true, erased: true });
    const exported = await exportOf(mentee, 'json', office);
    expect(exported.status).toBe(200);
    const document = await exported.text();
    expect(document).toContain(ERASED_PERSON_NAME);
    for (const needle of NEEDLES) expect(document).not.toContain(needle);
    const [plan] = await system.program.dataSource.query(`SELECT cardinality(goals) AS goals FROM development_plan WHERE mentee_id = $1`, [mentee]);
    expect(plan).toEqual({ goals: 2 });
    const [check] = await system.monitoring.dataSource.query(`SELECT satisfaction, comment FROM satisfaction_check WHERE person_id = $1`, [mentee]);
    expect(check).toEqual({ satisfaction: 4, comment: null });
  });

  it('answers the same act to a repeated request, and the mentor keeps their own data', async () => {
    const again = (await system.request<{ erasePerson: ActView }>(ERASE, { input: { personId: mentee, reason: 'Повторное заявление' } }, office)).erasePerson;
    expect(again).toMatchObject({ reason: 'Заявление № 17 от 20.11.2026', status: 'COMPLETED' });
    expect(await system.participant.dataSource.query(`SELECT count(*)::int AS n FROM erasure_act`)).toEqual([{ n: 1 }]);
    const other = await createPerson(system, curator, schoolId);
    const input = { personId: other, reason: 'Заявление № 18' };
    const [first, second] = await Promise.all([
      system.request<{ erasePerson: ActView }>(ERASE, { input }, schoolAdmin),
      system.request<{ erasePerson: ActView }>(ERASE, { input }, office),
    ]);
    expect(second.erasePerson.id).toBe(first.erasePerson.id);
    const [kept] = await system.participant.dataSource.query(`SELECT full_name, erased_at FROM person WHERE id = $1`, [mentor]);
    expect(kept.full_name).not.toBe(ERASED_PERSON_NAME);
    expect(kept.erased_at).toBeNull();
  });

  it('keeps the person out of a municipality report made afterwards', async () => {
    worker = await startAnalyticsWorker({ ...system.workerEnv });
    const requested = await system.request<{ requestReport: { id: string } }>(
      'mutation($input: RequestReportInput!) { requestReport(input: $input) { id } }',
      { input: { scope: { kind: 'MUNICIPALITY', id: system.municipalityId }, academicYear: '2025/2026' } },
      office,
    );
    const read = async () =>
      (await system.request<{ report: { status: string; downloadPath: string | null } }>('query($id: ID!) { report(id: $id) { status downloadPath } }', { id: requested.requestReport.id }, office))
        .report;
    const done = await waitFor(read, (report) => report.status === 'COMPLETED' || report.status === 'FAILED');
    expect(done.status).toBe('COMPLETED');
    const response = await fetch(new URL(done.downloadPath!, system.gatewayUrl), { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => {
      texts.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    });
    const text = texts.join('\n');
    // The workbook covers the school (workbooks hold aggregates only, so no person is named at all).
    expect(text).toContain('Школа удаления');
    for (const needle of NEEDLES) expect(text).not.toContain(needle);
  });
});

describe('retention', () => {
  it('anonymises people archived longer ago than RETENTION_DAYS when the daily job runs, with an act «retention»', async () => {
    const departed = await createPerson(system, curator, schoolId, { fullName: 'Давнишний Архип Архипович', email: 'arkhip@school.example' });
    const recent = await createPerson(system, curator, schoolId, { fullName: 'Недавний Роман Романович' });
    for (const id of [departed, recent]) await system.request('mutation($id: ID!) { archivePerson(id: $id) { id } }', { id }, curator);
    await system.participant.dataSource.query(`UPDATE person SET archived_at = now() - interval '1096 days' WHERE id = $1`, [departed]);
    await system.participant.dataSource.query(`UPDATE person SET archived_at = now() - interval '1094 days' WHERE id = $1`, [recent]);

    // The daily job scheduler's job, run now by the participant service's worker.
    const redis = new URL(system.queueEnv.REDIS_URL);
    const connection = { host: redis.hostname, port: Number(redis.port) };
    const queue = new Queue(PERSONAL_DATA_QUEUE, { connection, prefix: system.queueEnv.QUEUE_PREFIX });
    const events = new QueueEvents(PERSONAL_DATA_QUEUE, { connection, prefix: system.queueEnv.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      expect(await queue.getJobSchedulers()).toEqual([expect.objectContaining({ key: 'retention-daily', name: PersonalDataJob.RETENTION_SWEEP, pattern: '30 2 * * *' })]);
      const job = await queue.add(PersonalDataJob.RETENTION_SWEEP, {});
      expect(await job.waitUntilFinished(events, 30_000)).toEqual({ anonymised: 1, redispatched: expect.any(Number) });
    } finally {
      await events.close();
      await queue.close();
    }

    const act = await waitFor(() => readAct(departed), (value) => value?.status === 'COMPLETED');
    expect(act).toMatchObject({ reason: 'retention', requestedBy: 'retention', status: 'COMPLETED' });
    expect(await readAct(recent)).toBeNull();
    const rows = await system.participant.dataSource.query(`SELECT id, full_name, email FROM person WHERE id = ANY($1) ORDER BY full_name`, [[departed, recent]]);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: departed, full_name: ERASED_PERSON_NAME, email: null },
        { id: recent, full_name: 'Недавний Роман Романович', email: null },
      ]),
    );
    expect(await columnsContaining(system.participant.dataSource, ['Давнишний', 'arkhip@'])).toEqual([]);
    const [erased] = await system.participant.dataSource.query(`SELECT actor_user_id, actor_role FROM audit_entry WHERE action = 'ERASE' AND $1 = ANY(person_ids)`, [departed]);
    expect(erased).toEqual({ actor_user_id: 'system:retention', actor_role: 'MUNICIPAL_ADMIN' });
  });
});
