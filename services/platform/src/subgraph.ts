import type { IncomingMessage } from 'node:http';
import { isSchema, type GraphQLSchema } from 'graphql';
import type { DataSource, MixedList } from 'typeorm';
import { type AccessMatrix } from './access';
import { auditReadsPlugin, CLIENT_ADDRESS_HEADER } from './audit';
import { bearerToken, secretsEqual, verifyToken } from './auth';
import { readMetricsToken, readServiceConfig, readUrl, type AuthConfig } from './config';
import { RequestContext } from './context';
import { openDatabase } from './database';
import { DomainError, ErrorCode } from './errors';
import { readQueryLimits } from './limits';
import { createLogger, type Logger } from './logger';
import { registerPoolMetrics, requestLogPlugin, type PoolLike } from './metrics';
import { startGraphQLServer, type HttpRoutes, type RunningServer } from './server';

/** What makes a subgraph: its data and how its schema is built on top of a data source. */
export interface SubgraphDefinition {
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Who may call each operation and read each sensitive field (docs/access-matrix.md is printed from it). */
  access: AccessMatrix;
  /** `env` carries the service's configuration, e.g. where to reach the services it asks. */
  buildSchema(dataSource: DataSource, env: Record<string, string | undefined>): Promise<GraphQLSchema | SubgraphRuntime>;
}

/** A schema plus what a subgraph runs beside it: extra HTTP routes and resources to close on shutdown. */
export interface SubgraphRuntime {
  schema: GraphQLSchema;
  routes?: HttpRoutes;
  close?: () => Promise<void>;
}

export async function buildSubgraphRuntime(definition: SubgraphDefinition, dataSource: DataSource, env: Record<string, string | undefined>): Promise<SubgraphRuntime> {
  const built = await definition.buildSchema(dataSource, env);
  return isSchema(built) ? { schema: built } : built;
}

export interface RunningSubgraph extends RunningServer {
  dataSource: DataSource;
}

/**
 * A subgraph answers only what came through the gateway: the gateway's shared secret and a valid
 * caller token must both be present, so neither `_entities` nor any other field is open to a caller
 * who reaches the subgraph's port directly.
 */
export async function subgraphContext(
  headers: IncomingMessage['headers'],
  requestId: string,
  auth: AuthConfig,
  log: Logger,
): Promise<RequestContext> {
  if (!secretsEqual(headers['x-gateway-secret'] as string | undefined, auth.gatewaySecret)) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'This service answers only requests that come through the gateway');
  }
  const token = bearerToken(headers.authorization);
  if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'An access token is required');
  const caller = await verifyToken(token, auth);
  // Trusted because the gateway secret proved that the gateway set it.
  const clientAddress = (headers[CLIENT_ADDRESS_HEADER] as string | undefined)?.slice(0, 100) || null;
  return new RequestContext(caller, requestId, log.child({ requestId, userId: caller.userId }), token, clientAddress);
}

export async function startSubgraph(
  definition: SubgraphDefinition,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningSubgraph> {
  const config = readServiceConfig(env, definition.defaultPort);
  const limits = readQueryLimits(env);
  const metricsToken = readMetricsToken(env, false);
  const log = createLogger(definition.name);
  const dataSource = await openDatabase({
    url: readUrl(env, 'DATABASE_URL'),
    entities: definition.entities,
    migrations: definition.migrations,
    log,
  });
  try {
    const runtime = await buildSubgraphRuntime(definition, dataSource, env);
    const server = await startGraphQLServer({
      name: definition.name,
      schema: runtime.schema,
      routes: runtime.routes,
      limits,
      metricsToken,
      // Reads of sensitive fields are audited before the answer leaves; one log line per operation with the request id.
      plugins: [auditReadsPlugin(dataSource), requestLogPlugin(log)],
      // The pg pool behind TypeORM, read at scrape time.
      metrics: (registry) => registerPoolMetrics(registry, () => (dataSource.driver as unknown as { master?: PoolLike }).master),
      host: config.host,
      port: config.port,
      production: config.production,
      log,
      context: ({ headers, requestId }) => subgraphContext(headers, requestId, config.auth, log),
      ready: async () => (await dataSource.query('SELECT 1')).length === 1,
    });
    return {
      ...server,
      dataSource,
      close: async () => {
        await server.close();
        await runtime.close?.();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Runs a service until SIGINT/SIGTERM, then closes it gracefully (in-flight work finishes first). */
export function closeOnSignals(close: () => Promise<void>, log: Logger): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
