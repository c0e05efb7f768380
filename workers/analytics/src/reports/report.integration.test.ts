/**
 * The report engine end to end: real PostgreSQL databases migrated by the services' migrations, a
 * real worker on the real Redis taking the job from a real BullMQ queue, the workbook read back and
 * compared with figures computed here independently from the fixture.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import ExcelJS from 'exceljs';
import { ANALYTICS_QUEUE, AnalyticsJob, type GenerateReportJobData, type GenerateReportResult, type ReportProgress } from '@nastavnik/platform';
import { producerConnection, workerConnection } from '@nastavnik/platform';
import { startAnalyticsWorker, type AnalyticsWorkerOptions, type RunningWorker } from '../worker';
import { createServiceDatabases, type ServiceDatabases } from '../testing/service-databases';
import {
  FIXTURE_MEASUREMENTS,
  FIXTURE_MEETINGS,
  FIXTURE_PAIRS,
  FIXTURE_PEOPLE,
  FIXTURE_ROADMAP,
  FIXTURE_SCORECARDS,
  FIXTURE_STAGE1_CAMPAIGNS,
  FIXTURE_STAGE1_QUESTIONNAIRES,
  insertFixture,
  type InsertedFixture,
} from '../testing/report-fixture';
import { databaseSectionSources } from './report.section-sources';
import { openReportDatabases } from './report.sources';
import type { ReportScope } from './report.seams';

process.env.LOG_LEVEL ??= 'silent';
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
jest.setTimeout(60_000);

let databases: ServiceDatabases;
let fixture: InsertedFixture;
let reportsDir: string;
const prefix = `nastavnik-report-test-${randomBytes(4).toString('hex')}`;
const producer = producerConnection(REDIS_URL);
const eventsConnection = workerConnection(REDIS_URL);
const queue = new Queue(ANALYTICS_QUEUE, { connection: producer, prefix });
const events = new QueueEvents(ANALYTICS_QUEUE, { connection: eventsConnection, prefix });

function workerEnv(queuePrefix = prefix): Record<string, string> {
  return {
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    PORT: '0',
    REPORTS_DIR: reportsDir,
    PARTICIPANT_DATABASE_URL: databases.participantUrl,
    PROGRAM_DATABASE_URL: databases.programUrl,
    MONITORING_DATABASE_URL: databases.monitoringUrl,
  };
}

function jobData(scope: GenerateReportJobData['scope'] = { kind: 'MUNICIPALITY', id: fixture.municipalityId }): GenerateReportJobData {
  return { reportId: `report-${randomUUID()}`, scope, municipalityId: fixture.municipalityId, academicYear: '2025/2026', requestedBy: 'test' };
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Rows of a sheet as objects keyed by the header row. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i]]).filter(([h]) => h !== 'undefined')));
  });
  return rows;
}

// ── Independent computations on the fixture ──────────────────────────────────────────────
function changesOf(parameter: string, direction: 1 | -1, program?: 'A' | 'B') {
  return FIXTURE_MEASUREMENTS.filter((m) => m.parameter === parameter && m.before !== null && m.after !== null && (!program || m.program === program)).map((m) => ({
    before: m.before as number,
    after: m.after as number,
    change: direction * ((m.after as number) - (m.before as number)),
  }));
}
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Exact two-sided signed-rank p by enumerating all 2^n sign patterns (no ties, no zeros). */
function bruteForceWilcoxonP(changes: number[]): number {
  const ranked = [...changes].sort((a, b) => Math.abs(a) - Math.abs(b));
  const n = ranked.length;
  const observed = ranked.reduce((sum, d, i) => sum + (d > 0 ? i + 1 : 0), 0);
  let lower = 0;
  let upper = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let v = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) v += i + 1;
    if (v <= observed) lower++;
    if (v >= observed) upper++;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / 2 ** n);
}

/** Stage-1 rows as the sheet should show them, from the fixture: submitted (revision > 0) answers only. */
function expectedStage1Rows() {
  const rows: Array<{ questionnaire: string; question: string; role: string; responses: number; mean: number | null; choices: string; open: number }> = [];
  for (const [key, questionnaire] of Object.entries(FIXTURE_STAGE1_QUESTIONNAIRES).sort(([a], [b]) => a.localeCompare(b))) {
    const submitted = FIXTURE_STAGE1_CAMPAIGNS.filter((c) => c.questionnaire === key)
      .flatMap((c) => Object.values(c.respondents))
      .filter((r) => r !== null && r.revision > 0)
      .map((r) => r!.answers);
    for (const question of questionnaire.questions) {
      const answers = submitted.map((a) => a[question.key]).filter((a) => a !== undefined);
      const ratings = answers.map((a) => a.rating).filter((r): r is number => r !== undefined);
      const options: readonly string[] = 'options' in question ? question.options : [];
      rows.push({
        questionnaire: questionnaire.title,
        question: question.text,
        role: { MENTEE: 'Наставляемые', MENTOR: 'Наставники' }[questionnaire.role],
        responses: answers.length,
        mean: question.type === 'RATING' ? avg(ratings) : null,
        choices: options.map((o) => `${o}: ${answers.filter((a) => a.choices?.includes(o)).length}`).join('; '),
        open: answers.filter((a) => a.text !== undefined).length,
      });
    }
  }
  return rows;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);
const isOverdue = (status: string, endsOn: string) => (status === 'PLANNED' || status === 'IN_PROGRESS') && endsOn < todayUtc();
const scorecardTotal = (scores: number[]) => scores.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  databases = await createServiceDatabases(DATABASE_URL);
  fixture = await insertFixture(databases);
  reportsDir = await mkdtemp(join(tmpdir(), 'nastavnik-reports-'));
  await events.waitUntilReady();
});

afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await events.close();
  producer.disconnect();
  eventsConnection.disconnect();
  await databases?.drop();
  if (reportsDir) await rm(reportsDir, { recursive: true, force: true });
});

async function withWorker<T>(use: (running: RunningWorker) => Promise<T>, options: AnalyticsWorkerOptions = {}): Promise<T> {
  const running = await startAnalyticsWorker(workerEnv(), options);
  try {
    return await use(running);
  } finally {
    await running.close();
  }
}

describe('report engine, end to end', () => {
  let result: GenerateReportResult;
  let workbook: ExcelJS.Workbook;
  let data: GenerateReportJobData;

  beforeAll(async () => {
    data = jobData();
    // The fixture's groups are small: figures are checked with suppression off (see the next block for it on).
    await withWorker(async () => {
      const job = await queue.add(AnalyticsJob.GENERATE_REPORT, data, { jobId: data.reportId });
      result = (await job.waitUntilFinished(events, 30_000)) as GenerateReportResult;
      const finished = await queue.getJob(data.reportId);
      expect(finished?.progress).toEqual({ percent: 100, stage: 'DONE' } satisfies ReportProgress);
    }, { minGroupSize: 1 });
    workbook = await readWorkbook(result.file);
  });

  it('stores exactly one file under the report id, with the size and hash it reports', async () => {
    expect(result.file).toBe(join(reportsDir, `${data.reportId}.xlsx`));
    // The workbook, and beside it the result kept for reuse (report.reuse.ts): nothing else.
    expect((await readdir(reportsDir)).filter((name) => name.includes(data.reportId)).sort()).toEqual([`${data.reportId}.result.json`, `${data.reportId}.xlsx`]);
    const bytes = await readFile(result.file);
    expect(result.size).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('counts only this year and this municipality', () => {
    const rows = FIXTURE_MEASUREMENTS.reduce((n, m) => n + (m.before !== null ? 1 : 0) + (m.after !== null ? 1 : 0), 0);
    expect(result.rowCounts).toMatchObject({ measurementRows: rows, changes: 17, incomplete: 2, schools: 2, parameters: 2 });
  });

  it('has the sheets in reading order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Сводка по школам',
      '01 Мотивация к профессиональной',
      '02 Тревожность',
      'Анкеты, этап 1',
      'Отклик, этап 1',
      'Оценка эффективности',
      'Неполные замеры',
      'Методика',
    ]);
    const summary = workbook.getWorksheet('Сводка по школам')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('shows the stage-1 response rates by school and role', () => {
    const sheet = workbook.getWorksheet('Отклик, этап 1')!;
    const rows = (sheet.getSheetValues() as unknown[][]).slice(2).map((row) => row.slice(1));
    expect(rows.length).toBeGreaterThan(0);
    for (const [, , invited, responded, rate] of rows as [string, string, number, number, number][]) {
      expect(rate).toBeCloseTo(responded / invited, 10);
    }
  });

  it('motivation over the municipality equals an independent computation', () => {
    const changes = changesOf('motivation', 1);
    const row = rowsOf(workbook.getWorksheet('01 Мотивация к профессиональной')!).find((r) => r['Группировка'] === 'Муниципалитет')!;
    expect(row['n (полные пары)']).toBe(11);
    expect(row['Среднее «до»']).toBeCloseTo(avg(changes.map((c) => c.before)), 12);
    expect(row['Среднее «после»']).toBeCloseTo(avg(changes.map((c) => c.after)), 12);
    expect(row['Среднее изменение']).toBeCloseTo(avg(changes.map((c) => c.change)), 12);
    expect(row['Доля улучшившихся']).toBeCloseTo(8 / 11, 12);
    expect(row['Уилкоксон: p']).toBeCloseTo(bruteForceWilcoxonP(changes.map((c) => c.change)), 12);
    expect(row['Уилкоксон: p']).toBeCloseTo(0.0185546875, 12); // scipy.stats.wilcoxon
    expect(row['Уилкоксон: способ']).toBe('точный');
    const d = changes.map((c) => c.change);
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - avg(d)) ** 2, 0) / (d.length - 1));
    expect(row['t-критерий: t']).toBeCloseTo(avg(d) / (sd / Math.sqrt(d.length)), 10);
    expect(row['t-критерий: p']).toBeCloseTo(0.010963557749792083, 10); // scipy.stats.ttest_rel
    expect(row['Размер эффекта d_z']).toBeCloseTo(avg(d) / sd, 10);
  });

  it('anxiety is oriented (lower is better), with ties, zero changes and the incomplete counted', () => {
    const rows = rowsOf(workbook.getWorksheet('02 Тревожность')!);
    const all = rows.find((r) => r['Группировка'] === 'Муниципалитет')!;
    expect(all['n (полные пары)']).toBe(6);
    expect(all['Среднее изменение']).toBeCloseTo(avg(changesOf('anxiety', -1).map((c) => c.change)), 12);
    expect(all['Уилкоксон: p']).toBeCloseTo(0.1695641451905634, 10); // scipy, normal approximation with corrections
    expect(all['Уилкоксон: способ']).toBe('нормальное приближение');
    expect(all['Неполных: нет «до»']).toBe(1);
    expect(all['Неполных: нет «после»']).toBe(1);
    const schoolA = rows.find((r) => r['Группировка'] === 'Школа' && r['Группа'] === fixture.schoolNames.A)!;
    expect(schoolA).toMatchObject({ 'n (полные пары)': 4, 'Доля улучшившихся': 0.5, 'Доля без изменений': 0.25, 'Мало данных (n < 5)': 'да', 'Неполных: нет «после»': 1 });
    expect(schoolA['Среднее изменение']).toBeCloseTo(avg(changesOf('anxiety', -1, 'A').map((c) => c.change)), 12);
    const burnout = rows.find((r) => r['Группировка'] === 'Категория наставляемого' && r['Группа'] === 'Эмоциональное выгорание')!;
    expect(burnout['n (полные пары)']).toBe(3); // eA2, eA3, eB2
  });

  it('the summary row of a school has the indicators computed from the fixture', () => {
    const today = new Date();
    const fourYearsAgo = new Date(Date.UTC(today.getUTCFullYear() - 4, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
    const staffA = FIXTURE_PEOPLE.filter((p) => p.school === 'A');
    const livePairsA = FIXTURE_PAIRS.filter(([, program, , , , status]) => program === 'A' && status !== 'DISSOLVED');
    const menteesA = new Set(livePairsA.flatMap(([, , , mentees]) => mentees));
    const inMentoringA = new Set([...menteesA, ...livePairsA.map(([, , mentor]) => mentor)]);
    const young = staffA.filter((p) => p.experienceSince > fourYearsAgo);
    const under35 = staffA.filter((p) => p.birthYear !== null && today.getUTCFullYear() - p.birthYear < 35);

    const row = rowsOf(workbook.getWorksheet('Сводка по школам')!).find((r) => r['Школа'] === fixture.schoolNames.A)!;
    expect(row['Наставников']).toBe(2);
    expect(row['Наставляемых, всего']).toBe(menteesA.size);
    expect(row['Наставляемых: молодой специалист']).toBe(young.filter((p) => menteesA.has(p.key)).length);
    expect(row['Наставляемых: эмоциональное выгорание']).toBe(2);
    expect(row['Активных пар, всего']).toBe(3);
    expect(row['Активных пар: Педагог-новатор – консервативный педагог']).toBe(1);
    expect(row['Доля молодых специалистов в наставничестве']).toBeCloseTo(young.filter((p) => menteesA.has(p.key)).length / young.length, 12);
    expect(row['Доля педагогов до 35 лет в наставничестве']).toBeCloseTo(under35.filter((p) => inMentoringA.has(p.key)).length / under35.length, 12);
    expect(row['Участников с полными замерами']).toBe(7);
    expect(row['Среднее изменение: Мотивация к профессиональной деятельности']).toBeCloseTo(avg(changesOf('motivation', 1, 'A').map((c) => c.change)), 12);
    expect(result.summary.schools.find((s) => s.schoolId === fixture.schoolIds.A)).toMatchObject({ mentors: 2, activePairs: 3, measuredParticipants: 7 });
  });

  it('the stage-1 sheet summarises the submitted answers of this year\'s stage-1 campaigns', () => {
    const rows = rowsOf(workbook.getWorksheet('Анкеты, этап 1')!).map((r) => ({
      questionnaire: r['Анкета'],
      question: r['Вопрос'],
      role: r['Респонденты'],
      responses: r['Ответов'],
      mean: r['Средняя оценка'] ?? null,
      choices: r['Распределение выборов'] ?? '',
      open: r['Открытых ответов'] ?? 0,
    }));
    const expected = expectedStage1Rows();
    expect(rows.map(({ mean, ...rest }) => rest)).toEqual(expected.map(({ mean, ...rest }) => rest));
    for (const [i, row] of expected.entries()) {
      if (row.mean === null) expect(rows[i].mean).toBeNull();
      else expect(rows[i].mean).toBeCloseTo(row.mean, 12);
    }
    // Spot checks against the fixture, by hand: the unsubmitted answer and the other campaigns do not count.
    expect(rows.find((r) => r.question === 'Полезна ли вам работа с наставником?')).toMatchObject({ responses: 3, choices: 'Да: 2; Скорее да: 1; Нет: 0' });
    expect(rows.find((r) => r.question === 'Оцените взаимодействие с наставником')!.mean).toBeCloseTo(26 / 3, 12);
    // Open answers are counted, never quoted: they are single persons' answers.
    expect(rows.find((r) => r.question === 'Что стоит изменить?')!.open).toBe(2);
    const text: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value)))));
    expect(text.join('\n')).not.toContain('Больше открытых уроков');
  });

  it('the scorecard sheet lists the final programme scorecards with their indicator scores', () => {
    const rows = rowsOf(workbook.getWorksheet('Оценка эффективности')!);
    const finals = FIXTURE_SCORECARDS.filter((c) => c.status === 'FINAL' && !c.pair && c.program !== 'old');
    const expected = finals
      .map((c) => {
        const total = scorecardTotal(c.scores);
        return {
          'Школа': fixture.schoolNames[c.program as 'A' | 'B'],
          'Программа': 'Учитель – учитель',
          'Сумма баллов': total,
          'Уровень': total >= 15 ? 'оптимальный' : total >= 9 ? 'допустимый' : 'недопустимый',
          ...Object.fromEntries(c.scores.map((score, i) => [`Показатель ${i + 1}`, score])),
        };
      })
      .sort((a, b) => a['Школа'].localeCompare(b['Школа'], 'ru'));
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r['Сумма баллов'])).toEqual([10, 15]); // Гимназия № 2, Школа № 1
  });

  it('the summary has meetings held, overdue roadmap items and the lowest scorecard per school', () => {
    const rows = rowsOf(workbook.getWorksheet('Сводка по школам')!);
    for (const school of ['A', 'B'] as const) {
      const row = rows.find((r) => r['Школа'] === fixture.schoolNames[school])!;
      const meetings = FIXTURE_PAIRS.filter(([, program]) => program === school).reduce((n, [pair]) => n + (FIXTURE_MEETINGS[pair]?.length ?? 0), 0);
      const overdue = FIXTURE_ROADMAP.filter(([program, status, endsOn]) => program === school && isOverdue(status, endsOn)).length;
      const card = FIXTURE_SCORECARDS.find((c) => c.program === school && c.status === 'FINAL' && !c.pair)!;
      expect(row['Проведено встреч']).toBe(meetings);
      expect(row['Просроченных пунктов дорожной карты']).toBe(overdue);
      expect(row['Оценка эффективности, баллов']).toBe(scorecardTotal(card.scores));
    }
    // By hand: A has 3 + 1 + 1 meetings (the dissolved pair's too) and 2 overdue items (not DONE, CANCELLED or future), B 2 and 1.
    const a = rows.find((r) => r['Школа'] === fixture.schoolNames.A)!;
    const b = rows.find((r) => r['Школа'] === fixture.schoolNames.B)!;
    expect([a['Проведено встреч'], a['Просроченных пунктов дорожной карты'], a['Уровень эффективности']]).toEqual([5, 2, 'оптимальный']);
    expect([b['Проведено встреч'], b['Просроченных пунктов дорожной карты'], b['Уровень эффективности']]).toEqual([2, 1, 'допустимый']);
  });

  it('counts the incomplete measurements per programme and parameter, naming nobody', () => {
    const rows = rowsOf(workbook.getWorksheet('Неполные замеры')!);
    expect(rows.map((r) => [r['Школа'], r['Параметр'], r['Нет значения «до», участников'], r['Нет значения «после», участников']])).toEqual([
      ['Гимназия № 2', 'Тревожность', 1, 0],
      ['Школа № 1', 'Тревожность', 0, 1],
    ]);
    expect(Object.keys(rows[0]!)).not.toContain('ФИО');
  });

  it('a SCHOOL scope sees only that school', async () => {
    const school = jobData({ kind: 'SCHOOL', id: fixture.schoolIds.B });
    const schoolResult = await withWorker(async () => {
      const job = await queue.add(AnalyticsJob.GENERATE_REPORT, school, { jobId: school.reportId });
      return (await job.waitUntilFinished(events, 30_000)) as GenerateReportResult;
    });
    expect(schoolResult.summary.schools.map((s) => s.schoolName)).toEqual([fixture.schoolNames.B]);
    expect(schoolResult.rowCounts).toMatchObject({ changes: 6, incomplete: 1 });
    expect(schoolResult.summary.parameters.find((p) => p.parameterKey === 'motivation')?.n).toBe(4);
  });

  it('refuses invalid job data without retrying', async () => {
    const bad = { ...jobData(), reportId: '../../etc/passwd' };
    await withWorker(async () => {
      const job = await queue.add(AnalyticsJob.GENERATE_REPORT, bad, { attempts: 3 });
      await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/reportId/);
      expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
    });
  });
});

describe('a workbook at the default threshold of 5', () => {
  const HIDDEN = 'скрыто: меньше 5 человек';
  const COMPLEMENT = 'скрыто: иначе вычисляется группа меньше 5 человек';
  let result: GenerateReportResult;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const data = jobData();
    result = await withWorker(async () => {
      const job = await queue.add(AnalyticsJob.GENERATE_REPORT, data, { jobId: data.reportId });
      return (await job.waitUntilFinished(events, 30_000)) as GenerateReportResult;
    });
    workbook = await readWorkbook(result.file);
  });

  it('withholds a school of 4 and, as the complement, the only other school; the municipality of 11 is shown', () => {
    const rows = rowsOf(workbook.getWorksheet('01 Мотивация к профессиональной')!);
    const row = (dimension: string, group: string) => rows.find((r) => r['Группировка'] === dimension && r['Группа'] === group)!;
    const municipality = rows.find((r) => r['Группировка'] === 'Муниципалитет')!;
    expect(municipality['n (полные пары)']).toBe(11);
    expect(municipality['Среднее изменение']).toBeCloseTo(avg(changesOf('motivation', 1).map((c) => c.change)), 12);
    expect(row('Школа', fixture.schoolNames.B)).toEqual({ 'Группировка': 'Школа', 'Группа': fixture.schoolNames.B, 'n (полные пары)': HIDDEN });
    expect(row('Школа', fixture.schoolNames.A)).toEqual({ 'Группировка': 'Школа', 'Группа': fixture.schoolNames.A, 'n (полные пары)': COMPLEMENT });
  });

  it('withholds small groups of every dimension, the burnout category among them', () => {
    const rows = rowsOf(workbook.getWorksheet('02 Тревожность')!);
    expect(rows.find((r) => r['Группировка'] === 'Муниципалитет')!['n (полные пары)']).toBe(6);
    // 4 and 2 in the schools and programmes, 3 burnout cases among the categories; a group with
    // nobody measured twice (n = 0, only incomplete values) describes nobody's values and stays.
    const grouped = rows.filter((r) => ['Школа', 'Программа', 'Категория наставляемого'].includes(r['Группировка'] as string) && r['n (полные пары)'] !== 0);
    expect(grouped.length).toBeGreaterThanOrEqual(5);
    for (const r of grouped) {
      expect([HIDDEN, COMPLEMENT]).toContain(r['n (полные пары)']);
      expect(r['Среднее изменение']).toBeUndefined();
    }
    expect(rows.find((r) => r['Группа'] === 'Эмоциональное выгорание')!['n (полные пары)']).toBe(HIDDEN);
  });

  it('the summary withholds the small school means and a school’s handful of burnout cases', () => {
    const rows = rowsOf(workbook.getWorksheet('Сводка по школам')!);
    const a = rows.find((r) => r['Школа'] === fixture.schoolNames.A)!;
    const b = rows.find((r) => r['Школа'] === fixture.schoolNames.B)!;
    expect(b['Среднее изменение: Мотивация к профессиональной деятельности']).toBe(HIDDEN);
    expect(a['Среднее изменение: Мотивация к профессиональной деятельности']).toBe(COMPLEMENT);
    expect(a['Наставляемых: эмоциональное выгорание']).toBe(HIDDEN);
    expect(a['Наставников']).toBe(2); // organisational counts stay
    // The stored summary keeps the figures with their sizes: the dashboards suppress per caller.
    const summaryA = result.summary.schools.find((s) => s.schoolId === fixture.schoolIds.A)!;
    expect(summaryA.measuredByParameter).toEqual({ motivation: 7, anxiety: 4 });
    expect(summaryA.meanChanges.motivation).not.toBeNull();
  });

  it('withholds stage-1 questions and response rates of fewer than 5, and the incomplete counts of small programmes', () => {
    const stage1 = rowsOf(workbook.getWorksheet('Анкеты, этап 1')!);
    expect(stage1.length).toBeGreaterThan(0);
    for (const r of stage1) {
      expect(r['Ответов']).toBe(HIDDEN);
      expect(r['Открытых ответов']).toBeUndefined();
    }
    for (const r of rowsOf(workbook.getWorksheet('Отклик, этап 1')!)) {
      expect(r['Ответили']).toBe(HIDDEN);
      expect(r['Доля ответивших']).toBeUndefined();
    }
    const incomplete = rowsOf(workbook.getWorksheet('Неполные замеры')!);
    expect(incomplete.map((r) => r['Нет значения «до», участников'])).toEqual([HIDDEN, HIDDEN]);
  });

  it('names no participant anywhere', () => {
    const text: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value)))));
    const all = text.join('\n');
    for (const person of FIXTURE_PEOPLE) expect(all).not.toContain(person.fullName);
    for (const person of FIXTURE_PEOPLE) expect(all).not.toContain(person.fullName.split(' ')[0]!);
  });
});

describe('section sources, read directly', () => {
  let scope: ReportScope;
  const open = () => openReportDatabases({ participantUrl: databases.participantUrl, programUrl: databases.programUrl, monitoringUrl: databases.monitoringUrl }, 2);

  beforeAll(() => {
    scope = { municipalityId: fixture.municipalityId, academicYear: '2025/2026', schoolIds: [fixture.schoolIds.A, fixture.schoolIds.B], programIds: [fixture.programIds.A, fixture.programIds.B] };
  });

  it('the catalogue has the shipped parameters first, then the municipality\'s own, and not another municipality\'s', async () => {
    const db = open();
    try {
      const catalogue = await databaseSectionSources(db).parameters.load(scope);
      const keys = catalogue.map((p) => p.key);
      expect(keys).toContain('motivation');
      expect(keys).not.toContain('foreign_only');
      expect(keys[keys.length - 1]).toBe('mentor_trust');
      expect(catalogue.find((p) => p.key === 'anxiety')).toEqual({ key: 'anxiety', name: 'Тревожность', direction: 'LOWER_IS_BETTER', scaleMin: 1, scaleMax: 5, catalogued: true });
      expect(catalogue.find((p) => p.key === 'mentor_trust')).toMatchObject({ name: 'Доверие к наставнику', direction: 'HIGHER_IS_BETTER' });
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await db.close();
    }
  });

  it('response rates per school and role count invited respondents and submitted responses', async () => {
    const db = open();
    try {
      const stage1 = await databaseSectionSources(db).stage1.load(scope);
      const expected = FIXTURE_STAGE1_CAMPAIGNS.map((c) => ({
        schoolId: fixture.schoolIds[c.program],
        respondentRole: FIXTURE_STAGE1_QUESTIONNAIRES[c.questionnaire].role as string,
        invited: Object.keys(c.respondents).length,
        responded: Object.values(c.respondents).filter((r) => r !== null && r.revision > 0).length,
      }));
      const key = (r: { schoolId: string; respondentRole: string }) => `${r.schoolId}|${r.respondentRole}`;
      expect([...stage1!.responseRates].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(expected.sort((x, y) => key(x).localeCompare(key(y))));
      expect(stage1!.responseRates.find((r) => r.schoolId === fixture.schoolIds.A && r.respondentRole === 'MENTEE')).toMatchObject({ invited: 4, responded: 2 });
    } finally {
      await db.close();
    }
  });

  it('a scope without programmes has no stage-1 or scorecard section and no activity rows', async () => {
    const db = open();
    try {
      const sources = databaseSectionSources(db);
      const empty = { ...scope, programIds: [] };
      expect(await sources.stage1.load(empty)).toBeNull();
      expect(await sources.scorecards.load(empty)).toBeNull();
      expect(await sources.activity.load(empty)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('overdue is counted as of the given date: an item ending that day is not yet overdue', async () => {
    const db = open();
    try {
      const onDay = await databaseSectionSources(db, () => '2026-01-15').activity.load(scope);
      const dayAfter = await databaseSectionSources(db, () => '2026-01-16').activity.load(scope);
      const overdueB = (rows: typeof onDay) => rows!.find((r) => r.schoolId === fixture.schoolIds.B)!.overdueRoadmapItems;
      expect(overdueB(onDay)).toBe(0);
      expect(overdueB(dayAfter)).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe('a worker that dies mid-report', () => {
  // A queue of its own: the stalled-job check is throttled per queue by a Redis key, and workers of
  // the other tests (default 30 s interval) would hold it.
  const crashPrefix = `${prefix}-crash`;
  const crashQueue = new Queue(ANALYTICS_QUEUE, { connection: producer, prefix: crashPrefix });
  const crashEventsConnection = workerConnection(REDIS_URL);
  const crashEvents = new QueueEvents(ANALYTICS_QUEUE, { connection: crashEventsConnection, prefix: crashPrefix });
  afterAll(async () => {
    await crashQueue.obliterate({ force: true }).catch(() => undefined);
    await crashQueue.close();
    await crashEvents.close();
    crashEventsConnection.disconnect();
  });

  it('leaves no half report; the job completes on another worker with exactly one file', async () => {
    await crashEvents.waitUntilReady();
    const data = jobData();
    const short = { lockDuration: 1000, stalledInterval: 1000 };
    let reached!: () => void;
    const writing = new Promise<void>((resolve) => (reached = resolve));
    // The first worker stops for good once it has started writing the workbook.
    const first = await startAnalyticsWorker(workerEnv(crashPrefix), {
      ...short,
      onReportProgress: async (progress) => {
        if (progress.stage === 'WRITING_WORKBOOK') {
          reached();
          await new Promise(() => undefined);
        }
      },
    });
    const job = await crashQueue.add(AnalyticsJob.GENERATE_REPORT, data, { jobId: data.reportId });
    await writing;
    const during = (await readdir(reportsDir)).filter((name) => name.includes(data.reportId));
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\..*\.xlsx\.tmp$/); // only the temporary file: no report yet
    // Force-close: no lock renewal, no completion — as if the process had died.
    await first.worker.close(true);
    void first.close();

    const second = await startAnalyticsWorker(workerEnv(crashPrefix), short);
    try {
      const result = (await job.waitUntilFinished(crashEvents, 30_000)) as GenerateReportResult;
      expect((await crashQueue.getJob(data.reportId))?.stalledCounter).toBe(1);
      expect(await readdir(reportsDir).then((names) => names.filter((name) => name.includes(data.reportId)).sort())).toEqual([`${data.reportId}.result.json`, `${data.reportId}.xlsx`]);
      const workbook = await readWorkbook(result.file);
      expect(workbook.getWorksheet('Сводка по школам')!.rowCount).toBe(3);
      expect(result.rowCounts.changes).toBe(17);
    } finally {
      await second.close();
    }
  });
});
