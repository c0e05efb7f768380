import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { bearerToken, secretsEqual } from './auth';
import type { Logger } from './logger';

// Re-exported so other workspaces define metrics on the same prom-client without depending on it.
export { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics. One registry per process carries the default process metrics (CPU, memory,
 * event loop, GC); each server keeps its own metrics in a registry of its own (a test process runs
 * the gateway and three subgraphs at once), and `/metrics` answers both together.
 */
let processRegistry: Registry | undefined;

export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** The text exposition of the process metrics plus the given service registries. */
export async function metricsText(...registries: Registry[]): Promise<string> {
  const parts = await Promise.all([processMetricsRegistry(), ...registries].map((registry) => registry.metrics()));
  return parts.filter((part) => part.trim().length > 0).join('\n');
}

export const MAX_OPERATION_NAMES = 200;

/**
 * Keeps the `operation` label's cardinality bounded: the first `limit` distinct names are kept,
 * any later one is counted as 'other'; an unnamed operation is 'anonymous'.
 */
export class OperationNames {
  private readonly seen = new Set<string>();
  constructor(private readonly limit = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(name);
    return name;
  }
}

export interface GraphQLMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<BaseContext>;
}

function errorCode(error: { extensions?: Record<string, unknown> } | undefined): string {
  const code = error?.extensions?.code;
  return typeof code === 'string' && code ? code : 'INTERNAL_SERVER_ERROR';
}

/** Request counts, latency by operation and errors by `extensions.code` of one GraphQL server. */
export function createGraphQLMetrics(operationLimit = MAX_OPERATION_NAMES): GraphQLMetrics {
  const registry = new Registry();
  const operations = new OperationNames(operationLimit);
  const requests = new Counter({ name: 'graphql_requests_total', help: 'GraphQL operations answered, by operation name', labelNames: ['operation'], registers: [registry] });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({ name: 'graphql_errors_total', help: 'GraphQL errors answered, by extensions.code', labelNames: ['code'], registers: [registry] });
  const plugin: ApolloServerPlugin<BaseContext> = {
    async contextCreationDidFail({ error }) {
      errors.inc({ code: errorCode(error as { extensions?: Record<string, unknown> }) });
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, request, response }) {
          const operation = operations.label(operationName ?? request.operationName);
          requests.inc({ operation });
          duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          if (response.body.kind === 'single') for (const error of response.body.singleResult.errors ?? []) errors.inc({ code: errorCode(error) });
        },
      };
    },
  };
  return { registry, plugin };
}

/** The pg pool behind a TypeORM data source (`dataSource.driver.master`), read at scrape time. */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

export function registerPoolMetrics(registry: Registry, pool: () => PoolLike | undefined): void {
  const gauge = (name: string, help: string, read: (pool: PoolLike) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const current = pool();
        this.set(current ? read(current) : 0);
      },
    });
  gauge('db_pool_connections', 'PostgreSQL connections open in the pool', (p) => p.totalCount);
  gauge('db_pool_idle_connections', 'PostgreSQL connections idle in the pool', (p) => p.idleCount);
  gauge('db_pool_waiting_clients', 'Queries waiting for a free pooled connection', (p) => p.waitingCount);
}

/**
 * Logs one info line per GraphQL operation with its request id, operation name, duration and the
 * error codes it answered (the gateway and every subgraph).
 */
export function requestLogPlugin(log: Logger): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []).map(errorCode) : [];
          log.info(
            {
              requestId: (contextValue as { requestId?: string }).requestId,
              operationName: operationName ?? request.operationName ?? null,
              durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
              ...(errors.length ? { errors } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

/**
 * When METRICS_TOKEN is set, `/metrics` answers only a scraper that sends it; a refused scrape gets its
 * 401 here and the answer is true.
 */
export function refuseMetricsScrape(request: IncomingMessage, response: ServerResponse, metricsToken: string | undefined): boolean {
  if (!metricsToken || secretsEqual(bearerToken(request.headers.authorization), metricsToken)) return false;
  response
    .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="metrics"' })
    .end(JSON.stringify({ error: 'The metrics token is required: send "Authorization: Bearer <METRICS_TOKEN>"' }));
  return true;
}
