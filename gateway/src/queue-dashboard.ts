import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import {
  ANALYTICS_QUEUE,
  bearerToken,
  ERASURE_FOLLOWERS,
  erasureQueueName,
  PERSONAL_DATA_QUEUE,
  queuePrefix,
  REPORT_TRIGGERS_QUEUE,
  Role,
  sendJson,
  verifyToken,
  type AuthConfig,
  type HttpRoutes,
  type Logger,
} from '@nastavnik/platform';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const REALM = 'Basic realm="Nastavnik queues", charset="UTF-8"';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The JWT of a request: `Authorization: Bearer <jwt>`, or HTTP Basic with the JWT as the password (for a browser). */
export function dashboardToken(authorization: string | undefined): string | undefined {
  const bearer = bearerToken(authorization);
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!basic) return undefined;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && decoded.length > colon + 1 ? decoded.slice(colon + 1) : undefined;
}

/** A state-changing request sent by another site's page (the browser adds Basic credentials by itself). */
function crossSite(request: IncomingMessage): boolean {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return false;
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

function refuse(response: ServerResponse, status: 401 | 403, message: string): void {
  if (status === 401) response.setHeader('www-authenticate', REALM);
  sendJson(response, status, { errors: [{ message, extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } }] });
}

export interface QueueDashboard {
  routes: HttpRoutes;
  close(): Promise<void>;
}

/**
 * bull-board over the system's queues at /admin/queues, for the municipal office only. Null when
 * REDIS_URL is not set: the gateway then runs without it.
 */
export function queueDashboard(env: Record<string, string | undefined>, auth: AuthConfig, log: Logger): QueueDashboard | null {
  if (!env.REDIS_URL) {
    log.info('queue dashboard not mounted: REDIS_URL is not set');
    return null;
  }
  // Fail fast while Redis is down: the dashboard answers an error instead of hanging.
  const connection = { url: env.REDIS_URL, maxRetriesPerRequest: 1, connectTimeout: 2000 };
  const prefix = queuePrefix(env);
  // Every queue of the system; personal-data jobs carry ids only, never a name or a contact.
  const names = [ANALYTICS_QUEUE, REPORT_TRIGGERS_QUEUE, PERSONAL_DATA_QUEUE, ...ERASURE_FOLLOWERS.map(erasureQueueName)];
  const queues = names.map((name) => new Queue(name, { connection, prefix }));
  for (const queue of queues) queue.on('error', (error) => log.warn({ err: error, queue: queue.name }, 'redis (queue dashboard) unavailable'));
  const adapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: adapter });
  const app = adapter.getRouter() as (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

  const routes: HttpRoutes = async (request, response, url) => {
    if (url.pathname !== QUEUE_DASHBOARD_PATH && !url.pathname.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) return false;
    const token = dashboardToken(request.headers.authorization);
    if (!token) {
      refuse(response, 401, 'Sign in with an access token of the municipal office (as the password)');
      return true;
    }
    const caller = await verifyToken(token, auth).catch(() => null);
    if (!caller) {
      refuse(response, 401, 'The access token is invalid or expired');
      return true;
    }
    if (caller.role !== Role.MUNICIPAL_ADMIN) {
      refuse(response, 403, 'The queue dashboard is for the municipal office');
      return true;
    }
    if (crossSite(request)) {
      refuse(response, 403, 'A change to the queues must come from the dashboard itself');
      return true;
    }
    // bull-board's routes are relative to where it is mounted.
    request.url = request.url!.slice(QUEUE_DASHBOARD_PATH.length) || '/';
    await new Promise<void>((resolve, reject) => {
      response.once('finish', resolve);
      response.once('close', resolve);
      app(request, response, (error?: unknown) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        sendJson(response, 404, { error: 'not found' });
      });
    });
    return true;
  };
  return { routes, close: async () => void (await Promise.all(queues.map((queue) => queue.close()))) };
}
