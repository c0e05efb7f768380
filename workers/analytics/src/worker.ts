import { hostname } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, readInteger, readString, readUrl } from '@nastavnik/platform';
import { Worker, type Job } from 'bullmq';
import { ANALYTICS_QUEUE, AnalyticsJob, queuePrefix, type PingJobData, type PingJobResult } from './queue';
import { workerConnection } from './redis';

type Env = Record<string, string | undefined>;

export interface RunningWorker {
  worker: Worker;
  /** URL of the worker's /health and /ready endpoints. */
  healthUrl: string;
  close(): Promise<void>;
}

async function processJob(job: Job): Promise<PingJobResult> {
  switch (job.name) {
    case AnalyticsJob.PING:
      return { pong: (job.data as PingJobData).message, worker: `${hostname()}:${process.pid}` };
    default:
      throw new Error(`Unknown analytics job "${job.name}"`);
  }
}

/** Starts the analytics worker: BullMQ consumer plus a small HTTP server for /health and /ready. */
export async function startAnalyticsWorker(env: Env = process.env): Promise<RunningWorker> {
  const log = createLogger('analytics-worker');
  const connection = workerConnection(readUrl(env, 'REDIS_URL', 'redis://127.0.0.1:6379'));
  const worker = new Worker(ANALYTICS_QUEUE, processJob, {
    connection,
    prefix: queuePrefix(env),
    concurrency: readInteger(env, 'WORKER_CONCURRENCY', 2, 1, 64),
  });
  worker.on('failed', (job, error) => log.error({ jobId: job?.id, err: error }, 'job failed'));
  worker.on('completed', (job) => log.info({ jobId: job.id, name: job.name }, 'job completed'));
  await worker.waitUntilReady();

  const health = createServer((request, response) => {
    const respond = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/health') return respond(200, { status: 'ok', service: 'analytics-worker' });
    if (request.url === '/ready') {
      connection.ping().then(
        () => respond(worker.isRunning() ? 200 : 503, { status: worker.isRunning() ? 'ready' : 'stopped', service: 'analytics-worker' }),
        () => respond(503, { status: 'unavailable', service: 'analytics-worker' }),
      );
      return;
    }
    respond(404, { error: 'not found' });
  });
  const host = readString(env, 'HOST', '127.0.0.1');
  await new Promise<void>((resolve) => health.listen(readInteger(env, 'PORT', 4004, 0, 65535), host, resolve));
  const healthUrl = `http://${host}:${(health.address() as AddressInfo).port}`;
  log.info({ queue: ANALYTICS_QUEUE, healthUrl }, 'analytics worker started');

  return {
    worker,
    healthUrl,
    // worker.close() waits for the jobs in progress to finish before it resolves.
    close: async () => {
      await worker.close();
      await new Promise<void>((resolve) => {
        health.close(() => resolve());
        health.closeAllConnections();
      });
      connection.disconnect();
    },
  };
}
