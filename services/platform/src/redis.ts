import { Redis } from 'ioredis';
import type { Logger } from './logger';

/**
 * Workers block on Redis and must never give up a command (BullMQ needs maxRetriesPerRequest: null);
 * producers on a request path should fail fast instead, so a request does not hang while Redis is down.
 */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

export function producerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
}

/**
 * The two connections of a service that both enqueues (on a request path) and consumes jobs, each
 * logging its errors: ioredis would otherwise report an unhandled error whenever Redis is away.
 */
export function queueConnections(url: string, log: Logger, what: string): { producer: Redis; consumer: Redis } {
  const producer = producerConnection(url);
  const consumer = workerConnection(url);
  for (const connection of [producer, consumer]) connection.on('error', (error) => log.warn({ err: error }, `redis (${what}) unavailable`));
  return { producer, consumer };
}
