import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { ANALYTICS_QUEUE, AnalyticsJob, type PingJobResult } from '@nastavnik/platform';
import { producerConnection, workerConnection } from '@nastavnik/platform';
import { startAnalyticsWorker } from './worker';

process.env.LOG_LEVEL ??= 'silent';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('analytics worker', () => {
  // A prefix per run keeps this test's jobs apart from any other worker on the same Redis.
  const prefix = `nastavnik-test-${randomBytes(4).toString('hex')}`;
  const METRICS_TOKEN = `metrics-${randomBytes(12).toString('hex')}`;
  const env = { REDIS_URL, QUEUE_PREFIX: prefix, PORT: '0', METRICS_TOKEN };

  it('starts, answers /health and /ready, takes a job and shuts down gracefully', async () => {
    const running = await startAnalyticsWorker(env);
    const connection = producerConnection(REDIS_URL);
    const queue = new Queue(ANALYTICS_QUEUE, { connection, prefix });
    const eventsConnection = workerConnection(REDIS_URL);
    const events = new QueueEvents(ANALYTICS_QUEUE, { connection: eventsConnection, prefix });
    try {
      expect((await fetch(`${running.healthUrl}/health`)).status).toBe(200);
      expect((await fetch(`${running.healthUrl}/ready`)).status).toBe(200);

      await events.waitUntilReady();
      const job = await queue.add(AnalyticsJob.PING, { message: 'привет' });
      const result = (await job.waitUntilFinished(events, 20_000)) as PingJobResult;
      expect(result.pong).toBe('привет');

      // Metrics: job counts by state read from the queue at scrape time, the job's duration by name.
      // With METRICS_TOKEN set, only the scraper that sends it reads them.
      expect((await fetch(`${running.healthUrl}/metrics`)).status).toBe(401);
      const metrics = await fetch(`${running.healthUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(/^analytics_jobs\{state="completed"\} 1$/m);
      expect(text).toMatch(/^analytics_jobs\{state="failed"\} 0$/m);
      expect(text).toMatch(/^analytics_jobs\{state="waiting"\} 0$/m);
      expect(text).toMatch(/^analytics_job_duration_seconds_count\{name="ping"\} 1$/m);
      expect(text).toMatch(/^analytics_delivery_failures_total 0$/m);
      expect(text).toMatch(/^analytics_report_size_bytes_count 0$/m);
      expect(text).toMatch(/^process_resident_memory_bytes /m);

      await running.close();
      expect(running.worker.isRunning()).toBe(false);
      // A job added after shutdown stays waiting: nobody takes it.
      const late = await queue.add(AnalyticsJob.PING, { message: 'late' });
      expect(await late.getState()).toBe('waiting');
    } finally {
      await running.close().catch(() => undefined);
      await queue.obliterate({ force: true });
      await queue.close();
      await events.close();
      connection.disconnect();
      eventsConnection.disconnect();
    }
  });
});
