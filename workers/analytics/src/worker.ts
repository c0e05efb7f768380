import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import {
  ANALYTICS_QUEUE,
  AnalyticsJob,
  createLogger,
  METRICS_CONTENT_TYPE,
  metricsText,
  queuePrefix,
  readInteger,
  readMetricsToken,
  readString,
  readUrl,
  refuseMetricsScrape,
  workerConnection,
  type DeliverReportJobData,
  type GenerateReportJobData,
  type GenerateReportResult,
  type PingJobData,
  type PingJobResult,
  type ReportProgress,
} from '@nastavnik/platform';
import { Queue, Worker, type Job } from 'bullmq';
import { createDeliveryProcessor, enqueueDeliveries } from './delivery/delivery.processor';
import { ReportMailer, readMailerConfig } from './delivery/mailer';

import { createWorkerMetrics } from './worker-metrics';
import { readReportConfig } from './reports/report.config';
import { createReportProcessor } from './reports/report.processor';
import { dataVersion, reuseReport, storeResult } from './reports/report.reuse';
import type { ParameterCatalogue, ProgrammeActivitySource, ScorecardSource, Stage1SurveySource } from './reports/report.seams';
import { databaseSectionSources } from './reports/report.section-sources';
import { openReportDatabases } from './reports/report.sources';

type Env = Record<string, string | undefined>;

export interface RunningWorker {
  worker: Worker;
  /** URL of the worker's /health and /ready endpoints. */
  healthUrl: string;
  close(): Promise<void>;
}

/** Seams for tests and benchmarks; production uses the defaults. */
export interface AnalyticsWorkerOptions {
  /** BullMQ lock settings; short ones let a test see a dead worker's job taken over quickly. */
  lockDuration?: number;
  stalledInterval?: number;
  /** Section sources; default: read from the services' databases (report.section-sources.ts). */
  parameters?: ParameterCatalogue;
  stage1?: Stage1SurveySource;
  scorecards?: ScorecardSource;
  activity?: ProgrammeActivitySource;
  /** Small-group threshold of the workbooks; default MIN_GROUP_SIZE. Only tests of figures on a tiny fixture lower it. */
  minGroupSize?: number;
  /** Called after each progress update of a report job. */
  onReportProgress?: (progress: ReportProgress, job: Job<GenerateReportJobData>) => Promise<void>;
}

/** Starts the analytics worker: BullMQ consumer plus a small HTTP server for /health and /ready. */
export async function startAnalyticsWorker(env: Env = process.env, options: AnalyticsWorkerOptions = {}): Promise<RunningWorker> {
  const log = createLogger('analytics-worker');
  const reportConfig = readReportConfig(env);
  const metricsToken = readMetricsToken(env, false);
  const databases = reportConfig.databases ? openReportDatabases(reportConfig.databases) : null;
  if (!databases) log.warn('no PARTICIPANT_DATABASE_URL, PROGRAM_DATABASE_URL, MONITORING_DATABASE_URL: report jobs will fail');
  const sections = databases && databaseSectionSources(databases);
  const processReport = createReportProcessor({
    reportsDir: reportConfig.reportsDir,
    sources: databases && sections && {
      databases,
      parameters: options.parameters ?? sections.parameters,
      stage1: options.stage1 ?? sections.stage1,
      scorecards: options.scorecards ?? sections.scorecards,
      activity: options.activity ?? sections.activity,
      batchSize: readInteger(env, 'REPORT_BATCH_SIZE', 20_000, 100, 1_000_000),
    },
    minGroupSize: options.minGroupSize,
    onProgress: options.onReportProgress,
  });
  const mailerConfig = readMailerConfig(env);
  const mailer = mailerConfig ? new ReportMailer(mailerConfig) : null;
  const deliverReport = createDeliveryProcessor(mailer, reportConfig.reportsDir);
  const deliveryBackoffMs = readInteger(env, 'DELIVERY_BACKOFF_MS', 30_000, 10, 3_600_000);

  const generateReport = async (job: Job<GenerateReportJobData>): Promise<GenerateReportResult> => {
    const version = databases ? await dataVersion(databases, job.data) : undefined;
    const previous = job.data.reuse;
    if (version && previous?.dataVersion === version) {
      const reused = await reuseReport(reportConfig.reportsDir, previous.reportId, job.data.reportId);
      if (reused) {
        await job.updateProgress({ percent: 100, stage: 'DONE' } satisfies ReportProgress);
        return reused;
      }
    }
    const result: GenerateReportResult = { ...(await processReport(job)), dataVersion: version };
    await storeResult(reportConfig.reportsDir, result);
    return result;
  };

  const connection = workerConnection(readUrl(env, 'REDIS_URL', 'redis://127.0.0.1:6379'));
  // Deliveries are jobs of their own, queued when a report is stored, so a failed e-mail is retried
  // without building the workbook again.
  const queue = new Queue(ANALYTICS_QUEUE, { connection, prefix: queuePrefix(env) });
  const metrics = createWorkerMetrics(queue);
  /** The request id of the GraphQL request that ordered a report (and its e-mails), on every log line of the job. */
  const jobLog = (job: Job | undefined) => {
    const requestId = (job?.data as { requestId?: string } | undefined)?.requestId;
    return { jobId: job?.id, name: job?.name, ...(requestId ? { requestId } : {}) };
  };
  const processJob = async (job: Job): Promise<unknown> => {
    const started = process.hrtime.bigint();
    try {
      return await runJob(job);
    } finally {
      metrics.observeJob(job.name, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
  const runJob = async (job: Job): Promise<unknown> => {
    switch (job.name) {
      case AnalyticsJob.PING:
        return { pong: (job.data as PingJobData).message, worker: `${hostname()}:${process.pid}` } satisfies PingJobResult;
      case AnalyticsJob.GENERATE_REPORT: {
        const data = job.data as GenerateReportJobData;
        log.info(jobLog(job), 'report job started');
        const result = await generateReport(job as Job<GenerateReportJobData>);
        metrics.reportSize(result.size);
        if (data.delivery?.recipients.length) {
          await enqueueDeliveries(queue, { reportId: data.reportId, fileName: basename(result.file), ...data.delivery, requestId: data.requestId }, deliveryBackoffMs);
        }
        return result;
      }
      case AnalyticsJob.DELIVER_REPORT:
        return deliverReport(job as Job<DeliverReportJobData>);
      default:
        throw new Error(`Unknown analytics job "${job.name}"`);
    }
  };

  const worker = new Worker(ANALYTICS_QUEUE, processJob, {
    connection,
    prefix: queuePrefix(env),
    concurrency: readInteger(env, 'WORKER_CONCURRENCY', 2, 1, 64),
    ...(options.lockDuration !== undefined && { lockDuration: options.lockDuration }),
    ...(options.stalledInterval !== undefined && { stalledInterval: options.stalledInterval }),
  });
  worker.on('failed', (job, error) => {
    if (job?.name === AnalyticsJob.DELIVER_REPORT) metrics.deliveryFailed();
    log.error({ ...jobLog(job), err: error }, 'job failed');
  });
  worker.on('completed', (job) => log.info(jobLog(job), 'job completed'));
  await worker.waitUntilReady();

  const health = createServer((request, response) => {
    const respond = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/health') return respond(200, { status: 'ok', service: 'analytics-worker' });
    if (request.url === '/metrics') {
      if (refuseMetricsScrape(request, response, metricsToken)) return;
      metricsText(metrics.registry).then(
        (text) => response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
        (error: unknown) => {
          log.error({ err: error }, 'metrics failed');
          respond(503, { status: 'unavailable', service: 'analytics-worker' });
        },
      );
      return;
    }
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
      await queue.close();
      mailer?.close();
      connection.disconnect();
      await databases?.close();
    },
  };
}
