import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditAction, recordChange, systemActor, type AuditActor } from './audit';
import type { Logger } from './logger';
import {
  confirmationJobId,
  ERASURE_ATTEMPTS,
  erasureQueueName,
  PERSONAL_DATA_QUEUE,
  PersonalDataJob,
  type ClearedRecord,
  type ErasePersonJobData,
  type ErasureConfirmedJobData,
  type ErasureFollower,
} from './personal-data-queue';
import { queuePrefix } from './analytics-queue';
import { queueConnections } from './redis';

/** One clearing step: an UPDATE of one table with $1 = person id, $2 = the neutral text. */
export interface ClearingStep {
  table: string;
  columns: string[];
  sql: string;
}

/**
 * Runs the steps inside the caller's transaction, records the ERASE in the audit log there too, and
 * reports the rows each step changed; running them again changes nothing new.
 */
export async function clearPerson(
  manager: EntityManager,
  steps: readonly ClearingStep[],
  subject: { personId: string; schoolId: string; neutral: string },
  actor: AuditActor,
): Promise<ClearedRecord[]> {
  const cleared: ClearedRecord[] = [];
  for (const step of steps) {
    const params = step.sql.includes('$2') ? [subject.personId, subject.neutral] : [subject.personId];
    const [{ rows }] = (await manager.query(`WITH changed AS (${step.sql} RETURNING 1) SELECT count(*)::int AS rows FROM changed`, params)) as { rows: number }[];
    if (rows > 0) cleared.push({ table: step.table, columns: step.columns, rows });
  }
  if (cleared.length > 0) {
    // The event log's extract of the destruction: who, when, which fields; with the act, its proof.
    await recordChange(manager, actor, {
      action: AuditAction.ERASE,
      entityType: 'Person',
      entityId: subject.personId,
      personId: subject.personId,
      schoolId: subject.schoolId,
      fields: cleared.flatMap((record) => record.columns.map((column) => `${record.table}.${column}`)),
    });
  }
  return cleared;
}

/** A following service's part of an erasure job, in one transaction of its own. */
export function clearPersonTexts(db: DataSource, steps: readonly ClearingStep[], job: ErasePersonJobData, neutral: string): Promise<ClearedRecord[]> {
  return db.transaction((manager) =>
    clearPerson(manager, steps, { personId: job.personId, schoolId: job.schoolId, neutral }, systemActor('erasure', job.municipalityId, `erasure-${job.actId}`)),
  );
}

/**
 * Consumes this service's erasure jobs: clears what it holds about the person, then confirms on the
 * participant's queue. A failure anywhere fails the job, and BullMQ runs it again.
 */
export class ErasureWorker {
  private constructor(
    private readonly worker: Worker,
    private readonly confirmations: Queue,
    private readonly connections: Redis[],
  ) {}

  static start(
    service: ErasureFollower,
    env: Record<string, string | undefined>,
    log: Logger,
    clear: (data: ErasePersonJobData) => Promise<ClearedRecord[]>,
  ): ErasureWorker | null {
    if (!env.REDIS_URL) return null;
    const prefix = queuePrefix(env);
    const { producer, consumer } = queueConnections(env.REDIS_URL, log, 'personal data');
    const confirmations = new Queue(PERSONAL_DATA_QUEUE, { connection: producer, prefix });
    confirmations.on('error', (error) => log.warn({ err: error }, 'personal-data queue error'));
    const worker = new Worker(
      erasureQueueName(service),
      async (job: Job<ErasePersonJobData>) => {
        const cleared = await clear(job.data);
        const confirmation: ErasureConfirmedJobData = { actId: job.data.actId, service, cleared, completedAt: new Date().toISOString() };
        const confirmationId = confirmationJobId(job.data.actId, service);
        // A confirmation that failed for good is retried; one still queued or done is left as it is.
        const earlier = await confirmations.getJob(confirmationId);
        if (earlier && (await earlier.isFailed())) await earlier.retry('failed');
        else if (!earlier) {
          await confirmations.add(PersonalDataJob.ERASURE_CONFIRMED, confirmation, {
            jobId: confirmationId,
            attempts: ERASURE_ATTEMPTS,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: { age: 30 * 24 * 3600 },
            removeOnFail: false,
          });
        }
        log.info({ actId: job.data.actId, cleared }, 'person erased');
        return cleared;
      },
      { connection: consumer, prefix },
    );
    worker.on('error', (error) => log.warn({ err: error }, 'erasure worker error'));
    worker.on('failed', (job, error) => log.error({ jobId: job?.id, err: error }, 'erasure job failed'));
    return new ErasureWorker(worker, confirmations, [producer, consumer]);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.confirmations.close();
    for (const connection of this.connections) connection.disconnect();
  }
}
