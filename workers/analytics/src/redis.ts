import { Redis } from 'ioredis';

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
