import { AnalyticsJob, Counter, Gauge, Histogram, Registry } from '@nastavnik/platform';
import type { Queue } from 'bullmq';

/** Job states whose counts `/metrics` reports, read from the queue at scrape time. */
export const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'] as const;

export interface WorkerMetrics {
  registry: Registry;
  /** Times a job; the name label is one of the known job names (others: 'other'). */
  observeJob(name: string, seconds: number): void;
  reportSize(bytes: number): void;
  deliveryFailed(): void;
}

const KNOWN_JOBS = new Set<string>(Object.values(AnalyticsJob));

export function createWorkerMetrics(queue: Queue): WorkerMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'analytics_jobs',
    help: 'Jobs of the analytics queue by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  const duration = new Histogram({
    name: 'analytics_job_duration_seconds',
    help: 'Time to process an analytics job, by job name (failed attempts included)',
    labelNames: ['name'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const size = new Histogram({
    name: 'analytics_report_size_bytes',
    help: 'Size of the stored report workbooks',
    buckets: [10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000, 10_000_000, 50_000_000],
    registers: [registry],
  });
  const failures = new Counter({ name: 'analytics_delivery_failures_total', help: 'Failed attempts to e-mail a report', registers: [registry] });
  return {
    registry,
    observeJob: (name, seconds) => duration.observe({ name: KNOWN_JOBS.has(name) ? name : 'other' }, seconds),
    reportSize: (bytes) => size.observe(bytes),
    deliveryFailed: () => failures.inc(),
  };
}
