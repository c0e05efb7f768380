/**
 * `npm run bench`: the report job at about 100k and 1M measurement rows, against the bare SQL
 * aggregate over the same rows and a bare exceljs streaming write of the same number of cells.
 * Needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, default postgres:postgres@127.0.0.1)
 * and Redis (BENCH_REDIS_URL or TEST_REDIS_URL, default 127.0.0.1:6379). Not a test: it prints.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import ExcelJS from 'exceljs';
import { Pool } from 'pg';
import { ANALYTICS_QUEUE, AnalyticsJob, type GenerateReportJobData, type GenerateReportResult } from '@nastavnik/platform';
import { producerConnection, workerConnection } from '@nastavnik/platform';
import { streamStagePairs } from '../reports/report.sources';
import { createServiceDatabases, type ServiceDatabases } from '../testing/service-databases';
import { generateMunicipality } from './bench-data';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * Memory must not grow with the rows: both runs are the same municipality (500 schools, 20 000
 * teachers), measured on 3 parameters (120k rows) and on 25 (1M rows). A 50-school run is also shown,
 * for the cost of a small municipality.
 */
const SIZES = [
  { label: '100k-small', schools: 50, parameters: 25 },
  { label: '100k', schools: 500, parameters: 3 },
  { label: '1M', schools: 500, parameters: 25 },
];
const MB = 1024 * 1024;
/**
 * V8 leaves garbage in the old generation until it nears its (large, dynamic) limit, so a worker's
 * RSS says more about V8's policy than about the live data. The job is therefore measured twice: with
 * V8's defaults and with the old generation capped at 192 MB (the setting recommended for the
 * worker's process: NODE_OPTIONS=--max-old-space-size=192). Live heap at 1M rows is about 100 MB.
 */
const HEAP_CAP = process.env.BENCH_WORKER_HEAP_MB ?? '192';
const VARIANTS = [
  { label: 'V8 defaults', execArgv: [] as string[] },
  { label: `--max-old-space-size=${HEAP_CAP}`, execArgv: [`--max-old-space-size=${HEAP_CAP}`] },
];

interface Figures {
  label: string;
  variant: string;
  measurementRows: number;
  jobSeconds: number;
  rowsPerSecond: number;
  peakRss: number;
  workbookBytes: number;
  cells: number;
  aggregateSeconds: number;
  /** With the report's number formats. */
  writeSeconds: number;
  /** Without any styles, for comparison. */
  plainWriteSeconds: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, Number(process.hrtime.bigint() - start) / 1e9];
}

function startWorker(env: Record<string, string>, execArgv: string[]): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'bench-worker.js'), { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, execArgv });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(String(m)))));
    child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

/**
 * The same number of cells as the report, written bare: no statistics, no labels, one sheet — but
 * with the report's number formats on the columns, since the formats are part of the required output.
 */
async function bareWrite(file: string, cells: number, formatted: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: formatted, useSharedStrings: false });
  const sheet = workbook.addWorksheet('bare');
  const width = 23;
  if (formatted) sheet.columns = Array.from({ length: width }, (_, i) => ({ key: `c${i}`, width: 12, style: { numFmt: ['0', '0.00', '0.0%', '0.0000'][i % 4] } }));
  const row = Array.from({ length: width }, (_, i) => i + 0.5);
  for (let written = 0; written < cells; written += width) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

async function main(): Promise<void> {
  const started = Date.now();
  const databases: ServiceDatabases = await createServiceDatabases(DATABASE_URL, 'bench');
  const reportsDir = await mkdtemp(join(tmpdir(), 'nastavnik-bench-'));
  const prefix = `nastavnik-bench-${randomBytes(4).toString('hex')}`;
  const producer = producerConnection(REDIS_URL);
  const eventsConnection = workerConnection(REDIS_URL);
  const queue = new Queue(ANALYTICS_QUEUE, { connection: producer, prefix });
  const events = new QueueEvents(ANALYTICS_QUEUE, { connection: eventsConnection, prefix });
  const monitoring = new Pool({ connectionString: databases.monitoringUrl, max: 1 });
  const program = new Pool({ connectionString: databases.programUrl, max: 1 });
  const figures: Figures[] = [];
  try {
    await events.waitUntilReady();
    for (const size of SIZES) {
      const municipalityId = randomUUID();
      const [, generateSeconds] = await timed(() => generateMunicipality(databases, municipalityId, `${size.label}-${municipalityId}`, size.schools, size.parameters));
      console.log(`${size.label}: generated ${size.schools} schools in ${generateSeconds.toFixed(1)} s`);

      // Bare SQL: the same aggregate over the same rows, streamed to this process and dropped.
      const programIds = (await program.query<{ id: string }>('SELECT id FROM mentoring_program WHERE municipality_id = $1', [municipalityId])).rows.map((r) => r.id);
      const [, aggregateSeconds] = await timed(() => streamStagePairs(monitoring, municipalityId, programIds, 20_000, () => undefined));

      for (const variant of VARIANTS) {
        // A fresh worker process per run, so its peak RSS belongs to this run alone.
        const worker = await startWorker(
          {
            REDIS_URL,
            QUEUE_PREFIX: prefix,
            PORT: '0',
            REPORTS_DIR: reportsDir,
            PARTICIPANT_DATABASE_URL: databases.participantUrl,
            PROGRAM_DATABASE_URL: databases.programUrl,
            MONITORING_DATABASE_URL: databases.monitoringUrl,
            WORKER_CONCURRENCY: '1',
          },
          variant.execArgv,
        );
        const data: GenerateReportJobData = { reportId: `bench-${size.label}-${figures.length}-${municipalityId}`, scope: { kind: 'MUNICIPALITY', id: municipalityId }, municipalityId, academicYear: '2025/2026', requestedBy: 'bench' };
        const [result, jobSeconds] = await timed(async () => {
          const job = await queue.add(AnalyticsJob.GENERATE_REPORT, data, { jobId: data.reportId });
          return (await job.waitUntilFinished(events, 600_000)) as GenerateReportResult;
        });
        const { peakRss, ...memory } = await ask<{ peakRss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }>(worker, 'peak');
        console.log(`${size.label}, ${variant.label}: worker peak RSS ${(peakRss / MB).toFixed(0)} MB; largest ${Object.entries(memory).map(([k, v]) => `${k} ${(v / MB).toFixed(0)} MB`).join(', ')}`);
        worker.send('stop');

        const summaryColumns = 1 + 2 + 4 + 1 + 5 + 2 + 2 + 2 + 1 + result.rowCounts.parameters;
        const cells = result.rowCounts.groupRows * 23 + result.rowCounts.schools * summaryColumns + result.rowCounts.incomplete * 5;
        const bareFile = join(reportsDir, `bare-${size.label}.xlsx`);
        const [, writeSeconds] = await timed(() => bareWrite(bareFile, cells, true));
        const [, plainWriteSeconds] = await timed(() => bareWrite(bareFile, cells, false));
        figures.push({
          label: size.label,
          variant: variant.label,
          measurementRows: result.rowCounts.measurementRows,
          jobSeconds,
          rowsPerSecond: result.rowCounts.measurementRows / jobSeconds,
          peakRss,
          workbookBytes: (await stat(result.file)).size,
          cells,
          aggregateSeconds,
          writeSeconds,
          plainWriteSeconds,
        });
      }
      console.log(`${size.label}: done`);
    }
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await events.close();
    producer.disconnect();
    eventsConnection.disconnect();
    await monitoring.end();
    await program.end();
    await databases.drop();
    await rm(reportsDir, { recursive: true, force: true });
  }

  console.log('\n| run | rows | worker heap | job, s | rows/s | worker peak RSS, MB | workbook, MB | cells | bare SQL, s | bare write (formats / none), s | job / (SQL + write) (formats / none) |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const f of figures) {
    console.log(
      `| ${f.label} | ${f.measurementRows} | ${f.variant} | ${f.jobSeconds.toFixed(2)} | ${Math.round(f.rowsPerSecond)} | ${(f.peakRss / MB).toFixed(0)} | ${(f.workbookBytes / MB).toFixed(2)} | ${f.cells} | ${f.aggregateSeconds.toFixed(2)} | ${f.writeSeconds.toFixed(2)} / ${f.plainWriteSeconds.toFixed(2)} | ${(f.jobSeconds / (f.aggregateSeconds + f.writeSeconds)).toFixed(2)} / ${(f.jobSeconds / (f.aggregateSeconds + f.plainWriteSeconds)).toFixed(2)} |`,
    );
  }
  for (const variant of VARIANTS) {
    const small = figures.find((f) => f.variant === variant.label && f.label === '100k')!;
    const large = figures.find((f) => f.variant === variant.label && f.label === SIZES[SIZES.length - 1].label)!;
    const growth = (large.peakRss - small.peakRss) / small.peakRss;
    const ratio = large.jobSeconds / (large.aggregateSeconds + large.writeSeconds);
    const plainRatio = large.jobSeconds / (large.aggregateSeconds + large.plainWriteSeconds);
    console.log(
      `\n${variant.label}: at ${large.label} job/(SQL+write) ${ratio.toFixed(2)} with formats, ${plainRatio.toFixed(2)} against an unstyled write (target ≤ 2: ${ratio <= 2 ? 'met' : 'NOT met'} / ${plainRatio <= 2 ? 'met' : 'NOT met'}); ` +
        `peak RSS ${(large.peakRss / MB).toFixed(0)} MB (target < 300: ${large.peakRss < 300 * MB ? 'met' : 'NOT met'}); ` +
        `growth ${small.label} → ${large.label} ${(growth * 100).toFixed(0)} % (target ≤ 20 %: ${growth <= 0.2 ? 'met' : 'NOT met'})`,
    );
  }
  console.log(`total bench time ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
