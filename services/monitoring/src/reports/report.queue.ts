import {
  ANALYTICS_QUEUE,
  AnalyticsJob,
  deliveryJobId,
  DomainError,
  ErrorCode,
  generateJobId,
  queueConnections,
  queuePrefix,
  readInteger,
  REPORT_TRIGGERS_QUEUE,
  type DeliverReportJobData,
  type GenerateReportJobData,
  type GenerateReportResult,
  type Logger,
  type ReportProgress,
  type ScheduledReportJobData,
} from '@nastavnik/platform';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';

type Env = Record<string, string | undefined>;

export interface ReportJobState {
  state: 'queued' | 'running' | 'completed' | 'failed' | 'missing';
  progress: ReportProgress | null;
  result: GenerateReportResult | null;
  /** The reason of every failed attempt, oldest first. */
  errors: string[];
  finishedAt: Date | null;
}

export interface DeliveryJobState {
  recipient: string;
  state: 'pending' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  log: string[];
  lastError: string | null;
  sentAt: Date | null;
}

/** The attempts and backoff of report jobs: BullMQ retries a failed one, then gives up. */
export const GENERATE_ATTEMPTS = 3;

/** Only the first line of a failure reaches a user: no stack traces or internals. */
function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.slice(0, 500);
}

/**
 * The monitoring service's side of the analytics queues: it enqueues report jobs, reads their state
 * back, keeps the job schedulers of report schedules, and turns each schedule tick into a report.
 * Redis on the request path fails fast: a request answers SERVICE_UNAVAILABLE instead of hanging.
 */
export class ReportQueue {
  private readonly analytics: Queue;
  private readonly triggers: Queue;
  private triggerWorker: Worker | null = null;

  private constructor(
    private readonly producer: Redis,
    private readonly consumer: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    this.analytics = new Queue(ANALYTICS_QUEUE, { connection: producer, prefix });
    this.triggers = new Queue(REPORT_TRIGGERS_QUEUE, { connection: producer, prefix });
    // A queue re-emits its connection's errors; unheard, Node would print them as unhandled.
    for (const queue of [this.analytics, this.triggers]) queue.on('error', (error) => log.warn({ err: error, queue: queue.name }, 'report queue unavailable'));
  }

  /** Null when REDIS_URL is not set: the service runs, and report mutations say why they cannot. */
  static fromEnv(env: Env, log: Logger): ReportQueue | null {
    if (!env.REDIS_URL) return null;
    const { producer, consumer } = queueConnections(env.REDIS_URL, log, 'reports');
    return new ReportQueue(producer, consumer, queuePrefix(env), log);
  }

  private async guard<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.log.error({ err: error }, 'report queue unavailable');
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The report queue is unavailable; try again shortly');
    }
  }

  enqueueGenerate(data: GenerateReportJobData): Promise<void> {
    return this.guard(async () => {
      await this.analytics.add(AnalyticsJob.GENERATE_REPORT, data, {
        jobId: generateJobId(data.reportId),
        attempts: GENERATE_ATTEMPTS,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: { age: 90 * 24 * 3600 },
        removeOnFail: { age: 90 * 24 * 3600 },
      });
    });
  }

  reportState(reportId: string): Promise<ReportJobState> {
    return this.guard(async () => {
      const job = (await this.analytics.getJob(generateJobId(reportId))) as Job<GenerateReportJobData, GenerateReportResult> | undefined;
      if (!job) return { state: 'missing', progress: null, result: null, errors: [], finishedAt: null };
      const state = await job.getState();
      const errors = (job.stacktrace ?? []).map(firstLine).filter(Boolean);
      if (job.failedReason && !errors.includes(firstLine(job.failedReason))) errors.push(firstLine(job.failedReason));
      const progress = typeof job.progress === 'object' ? (job.progress as unknown as ReportProgress) : null;
      const finishedAt = job.finishedOn ? new Date(job.finishedOn) : null;
      if (state === 'completed') return { state: 'completed', progress, result: job.returnvalue, errors, finishedAt };
      if (state === 'failed') return { state: 'failed', progress, result: null, errors, finishedAt };
      if (state === 'active') return { state: 'running', progress, result: null, errors, finishedAt: null };
      return { state: 'queued', progress, result: null, errors, finishedAt: null };
    });
  }

  deliveries(reportId: string, recipients: readonly string[]): Promise<DeliveryJobState[]> {
    return this.guard(() =>
      Promise.all(
        recipients.map(async (recipient, index): Promise<DeliveryJobState> => {
          const id = deliveryJobId(reportId, index);
          const job = (await this.analytics.getJob(id)) as Job<DeliverReportJobData> | undefined;
          if (!job) return { recipient, state: 'pending', attempts: 0, log: [], lastError: null, sentAt: null };
          const [state, { logs }] = await Promise.all([job.getState(), this.analytics.getJobLogs(id)]);
          const mapped = state === 'completed' ? 'sent' : state === 'failed' ? 'failed' : job.attemptsMade > 0 ? 'retrying' : 'pending';
          return {
            recipient,
            state: mapped,
            attempts: job.attemptsMade,
            log: logs,
            lastError: job.failedReason ? firstLine(job.failedReason) : null,
            sentAt: state === 'completed' && job.finishedOn ? new Date(job.finishedOn) : null,
          };
        }),
      ),
    );
  }

  /** Creates or replaces the job scheduler of a report schedule. Throws on a pattern BullMQ refuses. */
  upsertSchedule(scheduleId: string, cron: string, timeZone: string): Promise<void> {
    return this.guard(async () => {
      const data: ScheduledReportJobData = { scheduleId };
      await this.triggers.upsertJobScheduler(scheduleId, { pattern: cron, tz: timeZone }, { name: AnalyticsJob.SCHEDULED_REPORT, data });
    });
  }

  removeSchedule(scheduleId: string): Promise<void> {
    return this.guard(async () => {
      await this.triggers.removeJobScheduler(scheduleId);
    });
  }

  async nextRun(scheduleId: string): Promise<Date | null> {
    const scheduler = await this.triggers.getJobScheduler(scheduleId).catch(() => undefined);
    return scheduler?.next ? new Date(scheduler.next) : null;
  }

  /** Consumes schedule ticks in this service, which owns the report rows a tick creates. */
  startTriggerWorker(handle: (job: Job<ScheduledReportJobData>) => Promise<void>, env: Env): void {
    this.triggerWorker = new Worker(REPORT_TRIGGERS_QUEUE, handle, {
      connection: this.consumer,
      prefix: this.prefix,
      concurrency: readInteger(env, 'REPORT_TRIGGER_CONCURRENCY', 1, 1, 16),
    });
    this.triggerWorker.on('error', (error) => this.log.warn({ err: error }, 'report schedule worker: redis unavailable'));
    this.triggerWorker.on('failed', (job, error) => this.log.error({ jobId: job?.id, err: error }, 'report schedule tick failed'));
  }

  async close(): Promise<void> {
    await this.triggerWorker?.close();
    await this.analytics.close();
    await this.triggers.close();
    this.producer.disconnect();
    this.consumer.disconnect();
  }
}
