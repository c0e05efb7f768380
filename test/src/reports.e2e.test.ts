import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startAnalyticsWorker, type RunningWorker } from '@nastavnik/analytics';
import { postGraphQL } from '@nastavnik/infra';
import { ANALYTICS_QUEUE, deliveryJobId, type DeliverReportJobData } from '@nastavnik/platform';
import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createMentee, createMentorWith, createProgramAt, createSchool, startedPair } from './fixtures';
import { Role, startSystem, TEST_REDIS_URL, type TestSystem } from './harness';

/**
 * Reports end to end: the office orders a workbook through the gateway, a real worker on the real
 * Redis builds it from the three databases, the gateway serves the file, an SMTP server inside the
 * test receives the e-mail, dashboards show the figures, and a schedule ticks by itself.
 */
let system: TestSystem;
let worker: RunningWorker | undefined;
let office: string;
let schoolId: string;
let curatorOfOther: string;
const mails: ParsedMail[] = [];
let smtp: SMTPServer;
let smtpPort: number;

const REPORT = `id status progress stage errors size sha256 downloadPath schoolId scopeKind academicYear
  deliveries { recipient status attempts log }`;
const REQUEST = `mutation($input: RequestReportInput!) { requestReport(input: $input) { ${REPORT} } }`;
const READ = `query($id: ID!) { report(id: $id) { ${REPORT} } }`;

interface ReportView {
  id: string;
  status: string;
  progress: number;
  errors: string[];
  size: number | null;
  sha256: string | null;
  downloadPath: string | null;
  deliveries: { recipient: string; status: string; attempts: number; log: string[] }[];
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const readReport = async (id: string, token = office) => (await system.request<{ report: ReportView }>(READ, { id }, token)).report;

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа отчётов');
  curatorOfOther = await system.token(Role.CURATOR, await createSchool(system, office, 'Другая школа'));
  const curator = await system.token(Role.CURATOR, schoolId);
  const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
  const mentor = await createMentorWith(system, curator, schoolId, { capacity: 6 });
  for (let index = 0; index < 6; index += 1) {
    const mentee = await createMentee(system, curator, schoolId, 1);
    await startedPair(system, curator, programId, mentor, [mentee]);
    const record = (stage: string, value: number) =>
      system.request(
        'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
        { input: { personId: mentee, programId, parameterKey: 'motivation', stage, value, measuredOn: stage === 'BEFORE' ? '2025-09-12' : '2026-05-20' } },
        curator,
      );
    await record('BEFORE', 2);
    if (index < 5) await record('AFTER', 2 + (index % 3));
  }
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A mailbox that never accepts: its delivery is retried, then fails, every attempt logged.
    onRcptTo(address, _session, callback) {
      callback(address.address.startsWith('closed@') ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await worker?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await system?.stop();
});

describe('reports', () => {
  let reportId: string;

  it('answers a request at once and queues the same scope only once', async () => {
    const input = { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025/2026', recipients: ['office@test.local'] };
    const [first, second] = await Promise.all([system.request<{ requestReport: ReportView }>(REQUEST, { input }, office), system.request<{ requestReport: ReportView }>(REQUEST, { input }, office)]);
    expect(first.requestReport.status).toBe('QUEUED');
    expect(second.requestReport.id).toBe(first.requestReport.id);
    reportId = first.requestReport.id;
  });

  it('refuses a scope the caller may not see, and a bad year, with codes and fields', async () => {
    const other = await system.post(REQUEST, { input: { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025/2026' } }, curatorOfOther);
    expect(other.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'input.scope.id' });
    const year = await system.post(REQUEST, { input: { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025-2026' } }, office);
    expect(year.body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.academicYear' });
  });

  it('is built by the worker, downloaded through the gateway and e-mailed', async () => {
    worker = await startAnalyticsWorker({ ...system.workerEnv, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DELIVERY_BACKOFF_MS: '100' });
    const done = await waitFor(() => readReport(reportId), (report) => report.status === 'COMPLETED' || report.status === 'FAILED');
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 100, errors: [] });
    expect(done.size).toBeGreaterThan(1000);

    const response = await fetch(new URL(done.downloadPath!, system.gatewayUrl), { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('.xlsx');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(done.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.sha256);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.length).toBeGreaterThan(3);
    expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).toContain('Школа отчётов');

    const delivered = await waitFor(() => readReport(reportId), (report) => report.deliveries[0]?.status === 'SENT');
    expect(delivered.deliveries).toEqual([{ recipient: 'office@test.local', status: 'SENT', attempts: 1, log: [expect.stringMatching(/^attempt 1: accepted/)] }]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments[0]!.filename).toMatch(/\.xlsx$/);
    expect(mails[0]!.attachments[0]!.content.equals(bytes)).toBe(true);
  });

  it('reuses the workbook when the data has not changed, and computes anew when it has', async () => {
    const input = { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025/2026' };
    const first = await readReport(reportId);
    const again = (await system.request<{ requestReport: ReportView }>(REQUEST, { input }, office)).requestReport;
    expect(again.id).not.toBe(reportId);
    const reused = await waitFor(() => system.request<{ report: ReportView & { reusedFrom: string | null } }>(`query($id: ID!) { report(id: $id) { ${REPORT} reusedFrom } }`, { id: again.id }, office), (data) => data.report.status === 'COMPLETED');
    expect(reused.report).toMatchObject({ status: 'COMPLETED', reusedFrom: reportId, sha256: first.sha256 });

    // One more measurement changes the data version: the next report is computed, not reused.
    const curator = await system.token(Role.CURATOR, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 2);
    const programs = await system.request<{ programs: { nodes: { id: string }[] } }>('{ programs { nodes { id } } }', {}, curator);
    await system.request(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      { input: { personId: mentee, programId: programs.programs.nodes[0]!.id, parameterKey: 'motivation', stage: 'BEFORE', value: 3, measuredOn: '2025-09-12' } },
      curator,
    );
    const fresh = (await system.request<{ requestReport: ReportView }>(REQUEST, { input }, office)).requestReport;
    const computed = await waitFor(() => system.request<{ report: ReportView & { reusedFrom: string | null } }>(`query($id: ID!) { report(id: $id) { ${REPORT} reusedFrom } }`, { id: fresh.id }, office), (data) => data.report.status === 'COMPLETED');
    expect(computed.report.reusedFrom).toBeNull();
    expect(computed.report.sha256).not.toBe(first.sha256);
  });

  it('retries a refused delivery with backoff and shows every attempt in the report', async () => {
    const input = { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025/2026', recipients: ['closed@test.local'] };
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const answer = await postGraphQL<{ requestReport: ReportView }>(system.gatewayUrl, REQUEST, { input }, office, { 'x-request-id': requestId });
    expect(answer.body.errors).toBeUndefined();
    const requested = answer.body.data!.requestReport;
    const failed = await waitFor(() => readReport(requested.id), (report) => report.deliveries[0]?.status === 'FAILED', 30_000);
    const [delivery] = failed.deliveries;
    expect(failed.status).toBe('COMPLETED');
    expect(delivery).toMatchObject({ recipient: 'closed@test.local', status: 'FAILED', attempts: 6 });
    expect(delivery!.log).toHaveLength(6);
    expect(delivery!.log.every((line, index) => line.startsWith(`attempt ${index + 1}: failed`))).toBe(true);

    // The e-mail job carries the request id of the mutation that ordered the report, like the report job.
    const queue = new Queue<DeliverReportJobData>(ANALYTICS_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: system.workerEnv.QUEUE_PREFIX });
    try {
      expect((await queue.getJob(deliveryJobId(requested.id, 0)))?.data.requestId).toBe(requestId);
    } finally {
      await queue.close();
    }
  });

  it('keeps another school out of the report and its file', async () => {
    const { body } = await system.post(READ, { id: reportId }, curatorOfOther);
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const response = await fetch(new URL(`/reports/${reportId}/file`, system.gatewayUrl), { headers: { authorization: `Bearer ${curatorOfOther}` } });
    expect(response.status).toBe(404);
    const anonymous = await fetch(new URL(`/reports/${reportId}/file`, system.gatewayUrl));
    expect(anonymous.status).toBe(401);
  });

  it('is not for mentors and mentees of the school itself', async () => {
    for (const role of [Role.MENTOR, Role.MENTEE]) {
      const token = await system.token(role, schoolId);
      const { body } = await system.post(READ, { id: reportId }, token);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const response = await fetch(new URL(`/reports/${reportId}/file`, system.gatewayUrl), { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(403);
    }
  });

  it('feeds the dashboard from the latest report, with live counts', async () => {
    const data = await system.request<{
      dashboard: { latestReport: { id: string } | null; schools: { schoolName: string; mentees: number; activePairs: number }[]; parameters: { parameterKey: string; n: number }[]; live: Record<string, number> };
    }>(
      `query($scope: ReportScopeInput!) { dashboard(scope: $scope, academicYear: "2025/2026") {
        latestReport { id } schools { schoolName mentees activePairs } parameters { parameterKey n }
        live { measurementsBefore measurementsAfter completeMeasurements incompleteMeasurements } } }`,
      { scope: { kind: 'SCHOOL', id: schoolId } },
      office,
    );
    expect(data.dashboard.latestReport?.id).toBeDefined();
    expect(data.dashboard.schools).toEqual([{ schoolName: 'Школа отчётов', mentees: 6, activePairs: 6 }]);
    expect(data.dashboard.parameters).toEqual([expect.objectContaining({ parameterKey: 'motivation', n: 5 })]);
    expect(data.dashboard.live).toEqual({ measurementsBefore: 7, measurementsAfter: 5, completeMeasurements: 5, incompleteMeasurements: 2 });
  });
});

describe('report schedules', () => {
  const CREATE = 'mutation($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id active nextRunAt } }';
  const count = async () => (await system.request<{ reportSchedules: unknown[] }>('{ reportSchedules { id } }', {}, office)).reportSchedules.length;

  it('refuses a bad time zone or cron expression and keeps no schedule', async () => {
    const before = await count();
    const scope = { kind: 'SCHOOL', id: schoolId };
    const zone = await system.post(CREATE, { input: { scope, cron: '0 6 1 * *', timeZone: 'Mars/Olympus', recipients: [] } }, office);
    expect(zone.body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.timeZone' });
    const cron = await system.post(CREATE, { input: { scope, cron: '99 99 99 99 99', timeZone: 'Europe/Moscow', recipients: [] } }, office);
    expect(cron.body.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.cron' });
    expect(await count()).toBe(before);
  });

  it('plans the next monthly run in Moscow time', async () => {
    const data = await system.request<{ createReportSchedule: { active: boolean; nextRunAt: string } }>(
      CREATE,
      { input: { scope: { kind: 'MUNICIPALITY', id: system.municipalityId }, cron: '0 6 1 * *', timeZone: 'Europe/Moscow', recipients: ['office@test.local'] } },
      office,
    );
    const next = new Date(data.createReportSchedule.nextRunAt);
    expect(data.createReportSchedule.active).toBe(true);
    // 06:00 in Moscow (UTC+3) on the 1st is 03:00 UTC.
    expect([next.getUTCDate(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 3, 0]);
    expect(next.getTime()).toBeGreaterThan(Date.now());
  });

  it('turns each tick into one report, and stops when deactivated', async () => {
    const created = await system.request<{ createReportSchedule: { id: string } }>(
      CREATE,
      { input: { scope: { kind: 'SCHOOL', id: schoolId }, academicYear: '2025/2026', cron: '*/2 * * * * *', timeZone: 'UTC', recipients: [] } },
      office,
    );
    const scheduled = () =>
      system.request<{ reports: { nodes: { id: string; status: string }[] } }>('{ reports(filter: { scheduled: true }, page: { first: 50 }) { nodes { id status } } }', {}, office);
    const ticked = await waitFor(scheduled, (data) => data.reports.nodes.some((report) => report.status === 'COMPLETED'), 20_000);
    expect(ticked.reports.nodes.some((report) => report.status === 'COMPLETED')).toBe(true);
    await system.request('mutation($id: ID!) { deactivateReportSchedule(id: $id) { active } }', { id: created.createReportSchedule.id }, office);
    const afterStop = (await scheduled()).reports.nodes.length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect((await scheduled()).reports.nodes.length).toBe(afterStop);
  });
});
