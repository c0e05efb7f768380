import {
  ERASURE_ATTEMPTS,
  ERASURE_FOLLOWERS,
  erasureJobId,
  erasureQueueName,
  PERSONAL_DATA_QUEUE,
  PersonalDataJob,
  queueConnections,
  queuePrefix,
  RETENTION_SCHEDULER_ID,
  type ErasePersonJobData,
  type ErasureConfirmedJobData,
  type ErasureFollower,
  type Logger,
} from '@nastavnik/platform';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';

type Env = Record<string, string | undefined>;

export interface PersonalDataHandlers {
  confirmed(data: ErasureConfirmedJobData): Promise<void>;
  sweep(now: Date): Promise<unknown>;
}

/**
 * The participant service's side of the personal-data queues: it sends each erasure to program and
 * monitoring, consumes their confirmations, and keeps the daily retention scheduler.
 */
export class PersonalDataQueue {
  private readonly own: Queue;
  private readonly followers: Map<ErasureFollower, Queue>;
  private worker: Worker | null = null;

  private constructor(
    private readonly producer: Redis,
    private readonly consumer: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    this.own = new Queue(PERSONAL_DATA_QUEUE, { connection: producer, prefix });
    this.followers = new Map(ERASURE_FOLLOWERS.map((service) => [service, new Queue(erasureQueueName(service), { connection: producer, prefix })]));
    for (const queue of [this.own, ...this.followers.values()]) queue.on('error', (error) => log.warn({ err: error }, 'personal-data queue error'));
  }

  /** Null when REDIS_URL is not set: erasures are recorded, and their other services stay pending. */
  static fromEnv(env: Env, log: Logger): PersonalDataQueue | null {
    if (!env.REDIS_URL) return null;
    const { producer, consumer } = queueConnections(env.REDIS_URL, log, 'personal data');
    return new PersonalDataQueue(producer, consumer, queuePrefix(env), log);
  }

  /** Sends the act to one service; a job that failed for good is retried, a pending one left alone. */
  async dispatch(service: ErasureFollower, data: ErasePersonJobData): Promise<void> {
    const queue = this.followers.get(service)!;
    const id = erasureJobId(data.actId, service);
    const existing = await queue.getJob(id);
    if (existing && (await existing.isFailed())) {
      await existing.retry('failed');
      return;
    }
    if (existing && !(await existing.isCompleted())) return;
    if (existing) await existing.remove();
    await queue.add(PersonalDataJob.ERASE_PERSON, data, {
      jobId: id,
      attempts: ERASURE_ATTEMPTS,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: { age: 30 * 24 * 3600 },
      removeOnFail: false,
    });
  }

  /** Daily at `pattern` (cron), the retention sweep runs on this service's own queue. */
  async scheduleRetention(pattern: string, timeZone: string): Promise<void> {
    await this.own.upsertJobScheduler(RETENTION_SCHEDULER_ID, { pattern, tz: timeZone }, { name: PersonalDataJob.RETENTION_SWEEP, data: {} });
  }

  startWorker(handlers: PersonalDataHandlers): void {
    this.worker = new Worker(
      PERSONAL_DATA_QUEUE,
      async (job: Job) => {
        if (job.name === PersonalDataJob.ERASURE_CONFIRMED) return handlers.confirmed(job.data as ErasureConfirmedJobData);
        if (job.name === PersonalDataJob.RETENTION_SWEEP) return handlers.sweep(new Date());
        throw new Error(`unknown personal-data job ${job.name}`);
      },
      { connection: this.consumer, prefix: this.prefix },
    );
    this.worker.on('error', (error) => this.log.warn({ err: error }, 'personal-data worker error'));
    this.worker.on('failed', (job, error) => this.log.error({ jobId: job?.id, err: error }, 'personal-data job failed'));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.own.close();
    for (const queue of this.followers.values()) await queue.close();
    this.producer.disconnect();
    this.consumer.disconnect();
  }
}
