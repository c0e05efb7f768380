/**
 * The analytics queue's contract, imported by producers (subgraphs) and by the worker alike, so the
 * queue name and the job data are declared once.
 */
export const ANALYTICS_QUEUE = 'analytics';

export const AnalyticsJob = {
  /** A trivial job that proves the worker is alive and connected: answers with its input. */
  PING: 'ping',
} as const;
export type AnalyticsJobName = (typeof AnalyticsJob)[keyof typeof AnalyticsJob];

export interface PingJobData {
  message: string;
}

export interface PingJobResult {
  pong: string;
  worker: string;
}

/** Redis key prefix of the queue, so several deployments (or test runs) can share one Redis. */
export function queuePrefix(env: Record<string, string | undefined>): string {
  return env.QUEUE_PREFIX?.trim() || 'nastavnik';
}
