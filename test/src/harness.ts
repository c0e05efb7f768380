import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, startGateway } from '@nastavnik/gateway';
import { dropDatabases, ensureDatabases, freePort, postGraphQL, provisionMunicipality, type GraphQLResponseBody } from '@nastavnik/infra';
import { monitoringSubgraph } from '@nastavnik/monitoring';
import { participantSubgraph } from '@nastavnik/participant';
import { readAuthConfig, Role, signToken, startSubgraph, statementCount, type RunningServer, type RunningSubgraph } from '@nastavnik/platform';
import { programSubgraph } from '@nastavnik/program';

// Services log JSON to stdout; tests read their answers, not their logs.
process.env.LOG_LEVEL ??= 'silent';

/** The PostgreSQL server the tests use; each test file gets its own databases on it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const AUTH = readAuthConfig({});

export interface GraphQLAnswer<T> {
  status: number;
  body: GraphQLResponseBody<T>;
}

export interface TestSystem {
  gatewayUrl: string;
  /** What an analytics worker needs to serve this system: its databases, queue and report folder. */
  workerEnv: Record<string, string>;
  /** The Redis and key prefix of this run's queues. */
  queueEnv: { REDIS_URL: string; QUEUE_PREFIX: string };
  participant: RunningSubgraph;
  program: RunningSubgraph;
  monitoring: RunningSubgraph;
  gateway: RunningServer;
  municipalityId: string;
  /** A token for a caller of this test's municipality. */
  token(role: Role, schoolId?: string | null, personId?: string | null): Promise<string>;
  /** Posts to the gateway and answers status and body, errors included. */
  post<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<T>>;
  /** Posts to the gateway and answers the data; fails the test on any error. */
  request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string): Promise<T>;
  stop(): Promise<void>;
}

/** Databases named after the test run, so parallel test files never share data. */
function databaseNames(): Record<'participant' | 'program' | 'monitoring', string> {
  const run = `t${process.pid}_${randomBytes(3).toString('hex')}`;
  return { participant: `nastavnik_${run}_participant`, program: `nastavnik_${run}_program`, monitoring: `nastavnik_${run}_monitoring` };
}

/**
 * Starts the whole federated system on free ports against real PostgreSQL: the three subgraphs
 * with fresh databases (migrated at start-up), and the gateway over the supergraph composed from
 * their code. `stop()` closes everything and drops the databases.
 */
export interface SystemOptions {
  /** Extra settings of the gateway, e.g. `{ RATE_LIMIT_PER_MINUTE: '3' }`. */
  gatewayEnv?: Record<string, string>;
  /** Extra settings of the participant service, e.g. `{ RETENTION_DAYS: '30' }`. */
  participantEnv?: Record<string, string>;
  /** Gives the gateway this run's Redis and queue prefix, so it mounts the queue dashboard. */
  queueDashboard?: boolean;
}

export async function startSystem(options: SystemOptions = {}): Promise<TestSystem> {
  const names = databaseNames();
  const urls = await ensureDatabases(TEST_DATABASE_URL, Object.values(names));
  // Services ask each other at request time, so every one of them learns every address up front.
  const ports = { participant: await freePort(), program: await freePort(), monitoring: await freePort() };
  const peers = {
    HOST: '127.0.0.1',
    PARTICIPANT_URL: `http://127.0.0.1:${ports.participant}/graphql`,
    PROGRAM_URL: `http://127.0.0.1:${ports.program}/graphql`,
    MONITORING_URL: `http://127.0.0.1:${ports.monitoring}/graphql`,
  };
  const started: { close(): Promise<void> }[] = [];
  // The queues of this run (reports, personal data): its own key prefix on the shared Redis and its own report folder.
  const queues = { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `nastavnik-${names.participant}` };
  const reports = { ...queues, REPORTS_DIR: join(tmpdir(), names.participant) };
  try {
    const participant = await startSubgraph(participantSubgraph, { ...peers, ...queues, ...options.participantEnv, PORT: String(ports.participant), DATABASE_URL: urls[names.participant] });
    started.push(participant);
    const program = await startSubgraph(programSubgraph, { ...peers, ...queues, PORT: String(ports.program), DATABASE_URL: urls[names.program] });
    started.push(program);
    const monitoring = await startSubgraph(monitoringSubgraph, { ...peers, ...reports, PORT: String(ports.monitoring), DATABASE_URL: urls[names.monitoring] });
    started.push(monitoring);
    const dashboard = options.queueDashboard ? { REDIS_URL: reports.REDIS_URL, QUEUE_PREFIX: reports.QUEUE_PREFIX } : {};
    const gateway = await startGateway({ ...peers, ...dashboard, ...options.gatewayEnv, PORT: '0' }, await composeSupergraph());
    started.push(gateway);

    const municipalityId = crypto.randomUUID();
    await provisionMunicipality(urls[names.participant]!, { id: municipalityId, name: 'Тестовый муниципалитет' });
    const post = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => postGraphQL<T>(gateway.url, query, variables, token);
    return {
      gatewayUrl: gateway.url,
      queueEnv: queues,
      workerEnv: {
        ...reports,
        PORT: '0',
        PARTICIPANT_DATABASE_URL: urls[names.participant]!,
        PROGRAM_DATABASE_URL: urls[names.program]!,
        MONITORING_DATABASE_URL: urls[names.monitoring]!,
      },
      participant,
      program,
      monitoring,
      gateway,
      municipalityId,
      token: (role, schoolId = null, personId = null) =>
        signToken({ userId: `test-${role.toLowerCase()}-${schoolId ?? 'office'}`, role, municipalityId, schoolId: role === Role.MUNICIPAL_ADMIN ? null : schoolId, personId }, AUTH),
      post,
      request: async <T>(query: string, variables: Record<string, unknown>, token: string) => {
        const { body } = await post<T>(query, variables, token);
        if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
        return body.data;
      },
      stop: async () => {
        for (const service of started.reverse()) await service.close();
        await dropDatabases(TEST_DATABASE_URL, Object.values(names));
        await rm(reports.REPORTS_DIR, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const service of started.reverse()) await service.close().catch(() => undefined);
    await dropDatabases(TEST_DATABASE_URL, Object.values(names));
    throw error;
  }
}

/** SQL statements a subgraph sent while `action` ran. */
export async function countStatements(subgraph: RunningSubgraph, action: () => Promise<unknown>): Promise<number> {
  const before = statementCount(subgraph.dataSource);
  await action();
  return statementCount(subgraph.dataSource) - before;
}

export { Role };
