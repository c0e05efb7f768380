import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerOptionsWithGateway, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { formatError } from './errors';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './limits';
import type { Logger } from './logger';
import { createGraphQLMetrics, METRICS_CONTENT_TYPE, metricsText, refuseMetricsScrape } from './metrics';
import type { Registry } from 'prom-client';

export const MAX_BODY_BYTES = 1_000_000;

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  name: string;
  schema?: GraphQLSchema;
  gateway?: ApolloServerOptionsWithGateway<TContext>['gateway'];
  host: string;
  port: number;
  production: boolean;
  log: Logger;
  /**
   * Builds the request context; throwing a GraphQLError with extensions.http.status refuses the request.
   * `peerAddress` is the address of the TCP peer (the client, a proxy, or for a subgraph the gateway).
   */
  context: (request: { headers: IncomingMessage['headers']; requestId: string; peerAddress: string | null }) => Promise<TContext>;
  /** Answers whether the service's dependencies (database, Redis) are reachable. */
  ready: () => Promise<boolean>;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Replaces the landing page in development (the gateway's explains how to pass a token). */
  landingPage?: ApolloServerPlugin<TContext>;
  /** Routes besides /graphql, /health and /ready (e.g. report downloads); answers false when not its path. */
  routes?: HttpRoutes;
  /** Depth, alias and cost limits of an operation (./limits), checked before it runs; defaults when omitted. */
  limits?: QueryLimits;
  /** Registers service metrics (e.g. the database pool's) beside the GraphQL ones, served at /metrics. */
  metrics?: (registry: Registry) => void;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>` (see readMetricsToken). */
  metricsToken?: string;
}

/** Handles a request outside GraphQL; resolves false when the path is not one of its own. */
export type HttpRoutes = (request: IncomingMessage, response: ServerResponse, url: URL, requestId: string) => Promise<boolean>;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

/**
 * Reads a body of at most MAX_BODY_BYTES. A larger one is drained unread rather than cut off, so the
 * 413 reaches the client whole; the connection is then closed (see the 413 below).
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off('data', onData).off('end', onEnd).resume();
      reject(new BodyTooLargeError());
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    request.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * The one HTTP server of every service: `/graphql` through Apollo Server, `/health` (alive) and
 * `/ready` (dependencies answer). Plain node:http keeps the per-request work small.
 */
export async function startGraphQLServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
): Promise<RunningServer> {
  const { log } = options;
  const plugins = [...(options.plugins ?? [])];
  const metrics = createGraphQLMetrics();
  options.metrics?.(metrics.registry);
  plugins.push(metrics.plugin as ApolloServerPlugin<TContext>);
  // Subgraphs never send traces to the gateway: they would carry timings and errors out of the service.
  if (options.schema) plugins.push(ApolloServerPluginInlineTraceDisabled());
  if (options.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  else if (options.landingPage) plugins.push(options.landingPage);
  const apollo = new ApolloServer<TContext>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: options.schema! }),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    csrfPrevention: true,
    // A JSON array of operations is refused with 400 (Apollo Server's default, stated: batches would multiply every limit).
    allowBatchedHttpRequests: false,
    validationRules: queryLimitRules(options.limits ?? DEFAULT_QUERY_LIMITS, { introspectionAllowed: !options.production }),
    formatError,
    plugins,
    // Apollo's own SIGTERM handler stops it and re-raises the signal, killing the process before the
    // HTTP server has answered the requests in flight; closeOnSignals shuts down in order instead.
    stopOnTerminationSignals: false,
  } as ApolloServerOptionsWithGateway<TContext>);
  await apollo.start();

  let closing = false;
  const handleGraphQL = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
    let body: unknown;
    if (request.method === 'POST') {
      const text = await readBody(request);
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendJson(response, 400, { errors: [{ message: 'The request body is not JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context({ headers: request.headers, requestId, peerAddress: request.socket.remoteAddress ?? null }),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.setHeader('x-request-id', requestId);
    if (closing) response.setHeader('connection', 'close');
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  const server: Server = createServer((request, response) => {
    // While closing, each answer ends its connection, so no client reuses a socket that is about to go.
    if (closing) response.setHeader('connection', 'close');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok', service: options.name });
      if (url.pathname === '/metrics') {
        if (refuseMetricsScrape(request, response, options.metricsToken)) return;
        const text = await metricsText(metrics.registry);
        return void response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text);
      }
      if (url.pathname === '/ready') {
        const ready = await options.ready().catch(() => false);
        return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', service: options.name });
      }
      if (url.pathname === '/graphql') return handleGraphQL(request, response, url);
      const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
      if (options.routes && (await options.routes(request, response, url, requestId))) return;
      sendJson(response, 404, { error: 'not found' });
    };
    route().catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        response.setHeader('connection', 'close');
        return sendJson(response, 413, { errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      log.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else response.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url }, `${options.name} listening`);
  return {
    url,
    port,
    close: async () => {
      // Stop accepting, let in-flight requests finish, then stop Apollo (and a gateway's polling).
      closing = true;
      await new Promise<void>((resolve) => {
        // A keep-alive connection whose request finishes while closing turns idle: close those too,
        // or the server would wait for the client (or the gateway's agent) to drop them.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
