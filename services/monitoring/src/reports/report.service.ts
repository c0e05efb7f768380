import { basename, join } from 'node:path';
import {
  assertCanSeeSchool,
  assertRole,
  DomainError,
  ErrorCode,
  MIN_GROUP_SIZE,
  notFound,
  paginate,
  Role,
  scopeToCaller,
  type ParticipantDirectory,
  type Caller,
  type DataSource,
  type Page,
  type PageInput,
  type ReportSummary,
  type RequestContext,
  type ScheduledReportJobData,
} from '@nastavnik/platform';
import type { Job } from 'bullmq';
import { AGGREGATE_READERS, seesPersonsBehindAggregates } from '../access';
import type { ProgramDirectory } from '../programs/program.directory';
import { Report, ReportSchedule } from './report.entity';
import { DeliveryStatus, ReportScopeKind, ReportStatus } from './report.enums';
import type { ReportQueue } from './report.queue';
import { academicYearOn, cronProblem, dashboardFigures, downloadName, FINAL_STATUSES, isValidTimeZone, reportSchool } from './report.rules';
import type { Dashboard, ReportDelivery, ReportFilter, ReportScheduleInput, ReportScopeInput, RequestReportInput } from './report.types';

/** Who may order reports: the office for any scope of its municipality, a school's administration and curator for their school. */
const REPORT_REQUESTERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR];
const SCHEDULE_KEEPERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN];

interface ResolvedScope {
  kind: ReportScopeKind;
  id: string;
  schoolId: string | null;
  /** A programme report always covers its programme's year. */
  academicYear?: string;
}

export class ReportService {
  constructor(
    private readonly db: DataSource,
    private readonly queue: ReportQueue | null,
    private readonly programs: ProgramDirectory,
    private readonly participant: ParticipantDirectory,
    private readonly reportsDir: string,
  ) {}

  private requireQueue(): ReportQueue {
    if (!this.queue) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Reports are not available: the service has no REDIS_URL');
    return this.queue;
  }

  /** Reports are aggregates (their workbooks name nobody and suppress small groups): the office and the school's staff who run monitoring. */
  private visible(caller: Caller) {
    assertRole(caller, AGGREGATE_READERS);
    return scopeToCaller(this.db.getRepository(Report).createQueryBuilder('report'), caller);
  }

  /** Checks that the caller may see the scope, and finds the school it belongs to. */
  private async resolveScope(context: RequestContext, scope: ReportScopeInput): Promise<ResolvedScope> {
    const { caller } = context;
    if (scope.kind === ReportScopeKind.MUNICIPALITY) {
      assertRole(caller, [Role.MUNICIPAL_ADMIN]);
      if (scope.id !== caller.municipalityId) throw notFound('Municipality', 'input.scope.id');
      return { kind: scope.kind, id: scope.id, schoolId: null };
    }
    if (scope.kind === ReportScopeKind.SCHOOL) {
      if (!(await this.participant.schools(context, [scope.id])).has(scope.id)) throw notFound('School', 'input.scope.id');
      return { kind: scope.kind, id: scope.id, schoolId: scope.id };
    }
    const program = await this.programs.program(context, scope.id, 'input.scope.id');
    return { kind: scope.kind, id: scope.id, schoolId: program.schoolId, academicYear: program.academicYear };
  }

  /**
   * Answers at once with the report's id; the worker does the rest. The same scope and year already
   * queued or running is not queued again: the caller gets that report.
   */
  async request(context: RequestContext, input: RequestReportInput): Promise<Report> {
    const { caller } = context;
    assertRole(caller, REPORT_REQUESTERS);
    const queue = this.requireQueue();
    const scope = await this.resolveScope(context, input.scope);
    if (scope.schoolId) assertCanSeeSchool(caller, { municipalityId: caller.municipalityId, schoolId: scope.schoolId });
    const academicYear = scope.academicYear ?? input.academicYear;
    const report = await this.db.transaction(async (manager) => {
      // One request at a time per scope, so two clicks cannot both find nothing and queue twice.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`report:${scope.kind}:${scope.id}:${academicYear}`]);
      const inFlight = await manager.getRepository(Report).findOne({
        where: [
          { scopeKind: scope.kind, scopeId: scope.id, academicYear, status: ReportStatus.QUEUED },
          { scopeKind: scope.kind, scopeId: scope.id, academicYear, status: ReportStatus.RUNNING },
        ],
        order: { createdAt: 'DESC' },
      });
      if (inFlight && (input.recipients ?? []).every((recipient) => inFlight.recipients.includes(recipient))) return { report: inFlight, created: false };
      const created = await manager.getRepository(Report).save(
        manager.getRepository(Report).create({
          municipalityId: caller.municipalityId,
          schoolId: scope.schoolId,
          scopeKind: scope.kind,
          scopeId: scope.id,
          academicYear,
          requestedBy: caller.userId,
          scheduleId: null,
          triggerJobId: null,
          recipients: input.recipients ?? [],
          status: ReportStatus.QUEUED,
          progress: 0,
          stage: null,
          errors: [],
        }),
      );
      return { report: created, created: true };
    });
    if (report.created) await this.enqueue(report.report, caller.municipalityId, context.requestId);
    return report.report;
  }

  private async enqueue(report: Report, municipalityId: string, requestId?: string): Promise<void> {
    // The latest finished report of the same scope and year: unchanged data reuses its workbook.
    const previous = await this.db
      .getRepository(Report)
      .createQueryBuilder('report')
      .where('report.scope_kind = :kind AND report.scope_id = :id AND report.academic_year = :year', { kind: report.scopeKind, id: report.scopeId, year: report.academicYear })
      .andWhere('report.status = :done AND report.data_version IS NOT NULL', { done: ReportStatus.COMPLETED })
      .orderBy('report.finished_at', 'DESC')
      .getOne();
    try {
      await this.requireQueue().enqueueGenerate({
        reportId: report.id,
        scope: { kind: report.scopeKind, id: report.scopeId },
        municipalityId,
        academicYear: report.academicYear,
        requestedBy: report.requestedBy,
        delivery: report.recipients.length
          ? { recipients: report.recipients, subject: `Аналитика наставничества, ${report.academicYear}`, attachmentName: downloadName(report.scopeKind, report.academicYear) }
          : undefined,
        reuse: previous ? { reportId: previous.id, dataVersion: previous.dataVersion! } : undefined,
        ...(requestId ? { requestId } : {}),
      });
    } catch (error) {
      // Nothing a user asked for is lost silently: the report stays, marked as failed with the reason.
      await this.db.getRepository(Report).update(report.id, { status: ReportStatus.FAILED, errors: ['The report queue was unavailable; request the report again'], finishedAt: new Date() });
      throw error;
    }
  }

  async getVisible(caller: Caller, id: string): Promise<Report> {
    const report = await this.visible(caller).andWhere('report.id = :id', { id }).getOne();
    if (!report) throw notFound('Report');
    return this.refresh(report);
  }

  async list(caller: Caller, filter: ReportFilter, page: PageInput): Promise<Page<Report>> {
    const query = this.visible(caller);
    if (filter.scopeKind) query.andWhere('report.scope_kind = :kind', { kind: filter.scopeKind });
    if (filter.scopeId) query.andWhere('report.scope_id = :scopeId', { scopeId: filter.scopeId });
    if (filter.status) query.andWhere('report.status = :status', { status: filter.status });
    if (filter.scheduled !== undefined) query.andWhere(filter.scheduled ? 'report.schedule_id IS NOT NULL' : 'report.schedule_id IS NULL');
    const result = await paginate(query, page, { column: 'report.created_at', timestamp: true, valueOf: (report) => report.createdAt });
    return { ...result, nodes: await Promise.all(result.nodes.map((report) => this.refresh(report))) };
  }

  /**
   * Copies the job's outcome into the report row. The worker never writes this service's tables;
   * the row catches up whenever it is read, so a missed event cannot leave it stale.
   */
  async refresh(report: Report): Promise<Report> {
    if (FINAL_STATUSES.has(report.status) || !this.queue) return report;
    const job = await this.queue.reportState(report.id).catch(() => null);
    if (!job) return report;
    const changes: Partial<Report> = {};
    if (job.errors.join('\n') !== report.errors.join('\n')) changes.errors = job.errors;
    if (job.state === 'running' && report.status !== ReportStatus.RUNNING) changes.status = ReportStatus.RUNNING;
    if (job.progress && (job.progress.percent !== report.progress || job.progress.stage !== report.stage)) {
      Object.assign(changes, { progress: job.progress.percent, stage: job.progress.stage });
    }
    if (job.state === 'completed' && job.result) {
      Object.assign(changes, {
        status: ReportStatus.COMPLETED,
        progress: 100,
        stage: 'DONE',
        fileName: basename(job.result.file),
        size: job.result.size,
        sha256: job.result.sha256,
        summary: job.result.summary,
        dataVersion: job.result.dataVersion ?? null,
        reusedFrom: job.result.reusedFrom ?? null,
        finishedAt: job.finishedAt,
      });
    }
    if (job.state === 'failed') Object.assign(changes, { status: ReportStatus.FAILED, finishedAt: job.finishedAt });
    if (job.state === 'missing' && Date.now() - report.createdAt.getTime() > 60_000) {
      Object.assign(changes, { status: ReportStatus.FAILED, errors: [...report.errors, 'The report job was lost; request the report again'], finishedAt: new Date() });
    }
    // Reads are frequent (lists, dashboards): write only when the job moved on.
    if (Object.keys(changes).length > 0) await this.db.getRepository(Report).update(report.id, changes);
    return Object.assign(report, changes);
  }

  async deliveries(report: Report): Promise<ReportDelivery[]> {
    if (report.recipients.length === 0 || !this.queue) return [];
    const states = await this.queue.deliveries(report.id, report.recipients);
    const status = { pending: DeliveryStatus.PENDING, retrying: DeliveryStatus.RETRYING, sent: DeliveryStatus.SENT, failed: DeliveryStatus.FAILED };
    return states.map((state) => ({ ...state, status: status[state.state] }));
  }

  /** The stored workbook of a completed report the caller may see. */
  async file(caller: Caller, id: string): Promise<{ path: string; report: Report }> {
    const report = await this.getVisible(caller, id);
    if (report.status !== ReportStatus.COMPLETED || !report.fileName) {
      throw new DomainError(ErrorCode.CONFLICT, `The report is ${report.status.toLowerCase()}, there is no file yet`, 'id');
    }
    return { path: join(this.reportsDir, report.fileName), report };
  }

  // ---- schedules

  async schedules(caller: Caller): Promise<ReportSchedule[]> {
    assertRole(caller, SCHEDULE_KEEPERS);
    return scopeToCaller(this.db.getRepository(ReportSchedule).createQueryBuilder('schedule'), caller).orderBy('schedule.created_at').getMany();
  }

  async createSchedule(context: RequestContext, input: ReportScheduleInput): Promise<ReportSchedule> {
    const { caller } = context;
    assertRole(caller, SCHEDULE_KEEPERS);
    const queue = this.requireQueue();
    if (!isValidTimeZone(input.timeZone)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `"${input.timeZone}" is not an IANA time zone`, 'input.timeZone');
    const problem = cronProblem(input.cron.trim(), input.timeZone);
    if (problem) throw new DomainError(ErrorCode.VALIDATION_FAILED, `The cron expression is not valid: ${problem}`, 'input.cron');
    const scope = await this.resolveScope(context, input.scope);
    if (scope.schoolId) assertCanSeeSchool(caller, { municipalityId: caller.municipalityId, schoolId: scope.schoolId });
    return this.db.transaction(async (manager) => {
      const schedule = await manager.getRepository(ReportSchedule).save(
        manager.getRepository(ReportSchedule).create({
          municipalityId: caller.municipalityId,
          schoolId: scope.schoolId,
          scopeKind: scope.kind,
          scopeId: scope.id,
          academicYear: scope.academicYear ?? input.academicYear ?? null,
          cron: input.cron.trim(),
          timeZone: input.timeZone,
          recipients: input.recipients,
          active: true,
          createdBy: caller.userId,
        }),
      );
      // Inside the transaction: when Redis refuses, no schedule row is left behind.
      await queue.upsertSchedule(schedule.id, schedule.cron, schedule.timeZone);
      return schedule;
    });
  }

  async deactivateSchedule(caller: Caller, id: string): Promise<ReportSchedule> {
    assertRole(caller, SCHEDULE_KEEPERS);
    const queue = this.requireQueue();
    return this.db.transaction(async (manager) => {
      const schedule = await scopeToCaller(manager.getRepository(ReportSchedule).createQueryBuilder('schedule'), caller)
        .andWhere('schedule.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!schedule) throw notFound('Report schedule');
      await manager.getRepository(ReportSchedule).update(id, { active: false });
      await queue.removeSchedule(id);
      return { ...schedule, active: false };
    });
  }

  nextRun(schedule: ReportSchedule): Promise<Date | null> {
    return schedule.active && this.queue ? this.queue.nextRun(schedule.id) : Promise.resolve(null);
  }

  /**
   * One tick of a schedule becomes one report, even when BullMQ delivers the tick twice: the tick's
   * job id is a unique key of the report row.
   */
  async runScheduleTick(job: Job<ScheduledReportJobData>): Promise<void> {
    const schedule = await this.db.getRepository(ReportSchedule).findOneBy({ id: job.data.scheduleId });
    if (!schedule?.active) return;
    const triggerJobId = job.id!;
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(Report)
      .values({
        municipalityId: schedule.municipalityId,
        schoolId: reportSchool(schedule.scopeKind, schedule.scopeId, schedule.schoolId ?? undefined),
        scopeKind: schedule.scopeKind,
        scopeId: schedule.scopeId,
        academicYear: schedule.academicYear ?? academicYearOn(new Date(), schedule.timeZone),
        requestedBy: `schedule:${schedule.id}`,
        scheduleId: schedule.id,
        triggerJobId,
        recipients: schedule.recipients,
        status: ReportStatus.QUEUED,
        progress: 0,
        errors: [],
      })
      .orIgnore()
      .returning('id')
      .execute();
    const created = (inserted.raw as { id: string }[]).length > 0;
    const report = await this.db.getRepository(Report).findOneByOrFail({ triggerJobId });
    // A tick delivered again re-enqueues only a report still waiting: its generate job id is the
    // report's, so BullMQ keeps one job; a report already running or done is left alone.
    if (created || report.status === ReportStatus.QUEUED) await this.enqueue(report, schedule.municipalityId);
  }

  // ---- dashboards

  /**
   * A dashboard shows the latest completed report's figures, never recomputing the comparison per
   * request, plus live counts that one indexed aggregate answers.
   */
  async dashboard(context: RequestContext, scope: ReportScopeInput, academicYear: string): Promise<Dashboard> {
    const { caller } = context;
    assertRole(caller, AGGREGATE_READERS);
    const resolved = await this.resolveScope(context, scope);
    const year = resolved.academicYear ?? academicYear;
    // Reports still in flight catch up first, so a report that just finished is the one shown.
    const inFlight = await this.visible(caller)
      .andWhere('report.scope_kind = :kind AND report.scope_id = :id AND report.academic_year = :year', { kind: resolved.kind, id: resolved.id, year })
      .andWhere('report.status IN (:...open)', { open: [ReportStatus.QUEUED, ReportStatus.RUNNING] })
      .getMany();
    await Promise.all(inFlight.map((report) => this.refresh(report)));
    const latest = await this.visible(caller)
      .andWhere('report.scope_kind = :kind AND report.scope_id = :id AND report.academic_year = :year AND report.status = :done', {
        kind: resolved.kind,
        id: resolved.id,
        year,
        done: ReportStatus.COMPLETED,
      })
      .orderBy('report.finished_at', 'DESC')
      .getOne();
    const summary = (latest?.summary ?? null) as ReportSummary | null;
    return {
      scopeKind: resolved.kind,
      scopeId: resolved.id,
      academicYear: year,
      latestReport: latest ?? null,
      ...dashboardFigures(summary, !seesPersonsBehindAggregates(caller), MIN_GROUP_SIZE),
      live: await this.liveCounts(caller, resolved),
    };
  }

  /**
   * Measurements carry no year of their own: a programme's counts are that programme's, a school's
   * and the municipality's take every programme in scope (the latest report gives the per-year figures).
   */
  private async liveCounts(caller: Caller, scope: ResolvedScope) {
    const conditions = ['m.municipality_id = $1'];
    const parameters: unknown[] = [caller.municipalityId];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (caller.schoolId) add('m.school_id = ?', caller.schoolId);
    if (scope.kind === ReportScopeKind.SCHOOL) add('m.school_id = ?', scope.id);
    if (scope.kind === ReportScopeKind.PROGRAM) add('m.program_id = ?', scope.id);
    const [row] = (await this.db.query(
      `SELECT count(*) FILTER (WHERE stage = 'BEFORE')::int AS before,
              count(*) FILTER (WHERE stage = 'AFTER')::int AS after,
              (SELECT count(*)::int FROM (SELECT 1 FROM measurement m WHERE ${conditions.join(' AND ')}
                 GROUP BY person_id, program_id, parameter_key HAVING count(DISTINCT stage) = 2) complete) AS complete,
              (SELECT count(*)::int FROM (SELECT 1 FROM measurement m WHERE ${conditions.join(' AND ')}
                 GROUP BY person_id, program_id, parameter_key HAVING count(DISTINCT stage) = 1) partial) AS incomplete
         FROM measurement m WHERE ${conditions.join(' AND ')}`,
      parameters,
    )) as { before: number; after: number; complete: number; incomplete: number }[];
    return { measurementsBefore: row!.before, measurementsAfter: row!.after, completeMeasurements: row!.complete, incompleteMeasurements: row!.incomplete };
  }
}
