import pino from 'pino';

export type Logger = pino.Logger;

/** One structured JSON logger per process; child loggers carry the request id. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
