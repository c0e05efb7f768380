import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  bearerToken,
  CLIENT_ADDRESS_HEADER,
  createLogger,
  DomainError,
  ErrorCode,
  readInteger,
  readMetricsToken,
  readQueryLimits,
  readServiceConfig,
  readUrl,
  requestLogPlugin,
  startGraphQLServer,
  verifyToken,
  type Caller,
  type HttpRoutes,
  type RunningServer,
} from '@nastavnik/platform';
import { clientAddress, readTrustedProxies } from './client-address';
import { developmentLandingPage } from './landing-page';
import { personalDataExport } from './personal-data-export';
import { queueDashboard } from './queue-dashboard';
import { rateLimited, RateLimiter, readRateLimitConfig } from './rate-limit';
import { reportDownloadProxy } from './report-downloads';
import { subgraphFetcher } from './subgraph-fetcher';
import { readCommittedSupergraph } from './supergraph';

type Env = Record<string, string | undefined>;

export interface GatewayContext {
  caller: Caller;
  token: string;
  requestId: string;
  /** The end client's address, passed to the subgraphs for their audit logs. */
  clientAddress: string | null;
}

/** Forwards the caller's token and request id, and proves to the subgraph that the gateway sent it. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
    fetcher: RemoteGraphQLDataSource['fetcher'],
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set('x-gateway-secret', this.gatewaySecret);
    if ('token' in context && context.token) headers.set('authorization', `Bearer ${context.token}`);
    if ('requestId' in context && context.requestId) headers.set('x-request-id', context.requestId);
    // Always set (or cleared), so a value sent by the client never reaches a subgraph.
    headers.set(CLIENT_ADDRESS_HEADER, ('clientAddress' in context && context.clientAddress) || '');
  }
}

export function subgraphUrls(env: Env): Record<string, string> {
  return {
    participant: readUrl(env, 'PARTICIPANT_URL', 'http://127.0.0.1:4001/graphql'),
    program: readUrl(env, 'PROGRAM_URL', 'http://127.0.0.1:4002/graphql'),
    monitoring: readUrl(env, 'MONITORING_URL', 'http://127.0.0.1:4003/graphql'),
  };
}

/** The gateway serves the committed supergraph and checks every caller before planning a query. */
export async function startGateway(env: Env = process.env, supergraphSdl?: string): Promise<RunningServer> {
  const config = readServiceConfig(env, 4000);
  const limits = readQueryLimits(env);
  // The gateway's port is the public one, so its /metrics needs the scraper's token in production.
  const metricsToken = readMetricsToken(env, config.production);
  // One budget per caller (token subject), refilled continuously; refused before the query is planned.
  const rateLimiter = new RateLimiter(readRateLimitConfig(env));
  const trustedProxies = readTrustedProxies(env);
  const log = createLogger('gateway');
  const urls = subgraphUrls(env);
  const fetcher = subgraphFetcher({
    maxSockets: readInteger(env, 'SUBGRAPH_MAX_SOCKETS', 64, 1, 10_000),
    timeoutMs: readInteger(env, 'SUBGRAPH_TIMEOUT_MS', 30_000, 100, 600_000),
  });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl ?? (await readCommittedSupergraph()),
    buildService: ({ name }) => {
      const url = urls[name];
      if (!url) throw new Error(`The supergraph names an unknown subgraph "${name}"`);
      return new SubgraphDataSource(url, config.auth.gatewaySecret, fetcher.fetch);
    },
  });
  const reportDownloads = reportDownloadProxy(urls.monitoring!, config.auth, log);
  const dashboard = queueDashboard(env, config.auth, log);
  // The export runs its query through this very gateway, whose address is known once it listens.
  let ownUrl = '';
  const personalData = personalDataExport(() => ownUrl, config.auth, log);
  const routes: HttpRoutes = async (...route) => (await dashboard?.routes(...route)) || (await reportDownloads(...route)) || personalData(...route);
  const server = await startGraphQLServer<GatewayContext>({
    name: 'gateway',
    routes,
    // One log line per operation with its request id (the subgraphs log theirs with the same id).
    plugins: [requestLogPlugin(log)],
    gateway,
    limits,
    metricsToken,
    host: config.host,
    port: config.port,
    production: config.production,
    log,
    landingPage: developmentLandingPage(),
    context: async ({ headers, requestId, peerAddress }) => {
      const token = bearerToken(headers.authorization);
      if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'An access token is required: send "Authorization: Bearer <token>"');
      const caller = await verifyToken(token, config.auth);
      const decision = rateLimiter.take(caller.userId);
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
      return { caller, token, requestId, clientAddress: clientAddress(peerAddress, headers['x-forwarded-for'], trustedProxies) };
    },
    ready: async () => {
      const answers = await Promise.all(
        Object.values(urls).map((url) =>
          fetch(new URL('/health', url))
            .then((response) => response.ok)
            .catch(() => false),
        ),
      );
      return answers.every(Boolean);
    },
  });
  ownUrl = server.url;
  return {
    ...server,
    close: async () => {
      await server.close();
      fetcher.close();
      await dashboard?.close();
    },
  };
}
