import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readAuthConfig, Role, signToken } from '@nastavnik/platform';
import { ensureDatabases, provisionMunicipality, SERVICE_DATABASES, type ServiceName } from './databases';
import { DEMO_MUNICIPALITY, loadDemoData } from './demo-data';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { requestGraphQL } from './graphql-client';
import { freePort, waitForOk } from './ports';
import { ensureRedis, RedisUnavailableError, type LocalRedis } from './redis-server';

const ROOT = join(__dirname, '..', '..');
const env = process.env;

interface Child {
  name: string;
  process: ChildProcess;
}

/** The worker's heap cap: keeps a report's peak memory flat as the municipality grows (see the benchmark). */
const WORKER_NODE_OPTIONS = ['--max-old-space-size=192'];

const children: Child[] = [];
const embedded: EmbeddedDatabase[] = [];
let redis: LocalRedis | undefined;

function say(message: string): void {
  console.log(`[nastavnik] ${message}`);
}

/** Each service gets its own database: on the given server, or in an embedded PostgreSQL each. */
async function prepareDatabases(): Promise<Record<ServiceName, string>> {
  if (env.DATABASE_URL) {
    const names = SERVICE_DATABASES.map((service) => `nastavnik_${service}`);
    const urls = await ensureDatabases(env.DATABASE_URL, names);
    say(`PostgreSQL: ${new URL(env.DATABASE_URL).host}, databases ${names.join(', ')}`);
    return Object.fromEntries(SERVICE_DATABASES.map((service) => [service, urls[`nastavnik_${service}`]!])) as Record<ServiceName, string>;
  }
  const dataDir = env.NASTAVNIK_DATA_DIR ?? join(ROOT, '.data', 'pglite');
  const urls = {} as Record<ServiceName, string>;
  for (const service of SERVICE_DATABASES) {
    const database = await startEmbeddedPostgres(join(dataDir, service), await freePort());
    embedded.push(database);
    urls[service] = database.url;
  }
  say(`no DATABASE_URL: embedded PostgreSQL (PGlite), data kept in ${dataDir}`);
  return urls;
}

function startService(name: string, entry: string, serviceEnv: Record<string, string>, nodeOptions: string[] = []): void {
  const child = spawn(process.execPath, [...nodeOptions, join(ROOT, entry)], { env: { ...env, ...serviceEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything`);
      void stopAll(1);
    }
  });
  children.push({ name, process: child });
}

let stopping = false;
async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await Promise.all(embedded.map((database) => database.stop().catch(() => undefined)));
  await redis?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  const auth = readAuthConfig(env);
  redis = await ensureRedis(env);
  const databases = await prepareDatabases();
  const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
  const ports = { gateway: port('GATEWAY_PORT', 4000), participant: port('PARTICIPANT_PORT', 4001), program: port('PROGRAM_PORT', 4002), monitoring: port('MONITORING_PORT', 4003), worker: port('WORKER_PORT', 4004) };
  const url = (service: keyof typeof ports) => `http://127.0.0.1:${ports[service]}`;
  const shared = { PARTICIPANT_URL: `${url('participant')}/graphql`, PROGRAM_URL: `${url('program')}/graphql`, MONITORING_URL: `${url('monitoring')}/graphql` };

  // Participant, program and monitoring share the personal-data queues (erasure, retention).
  const queues = { REDIS_URL: redis.url };
  startService('participant', 'services/participant/dist/main.js', { ...shared, ...queues, PORT: String(ports.participant), DATABASE_URL: databases.participant });
  await waitForOk(`${url('participant')}/ready`);
  startService('program', 'services/program/dist/main.js', { ...shared, ...queues, PORT: String(ports.program), DATABASE_URL: databases.program });
  const reports = { ...queues, REPORTS_DIR: env.REPORTS_DIR ?? join(ROOT, '.data', 'reports') };
  startService('monitoring', 'services/monitoring/dist/main.js', { ...shared, ...reports, PORT: String(ports.monitoring), DATABASE_URL: databases.monitoring });
  startService('analytics-worker', 'workers/analytics/dist/main.js', {
    ...reports,
    PORT: String(ports.worker),
    PARTICIPANT_DATABASE_URL: databases.participant,
    PROGRAM_DATABASE_URL: databases.program,
    MONITORING_DATABASE_URL: databases.monitoring,
  }, WORKER_NODE_OPTIONS);
  await Promise.all([waitForOk(`${url('program')}/ready`), waitForOk(`${url('monitoring')}/ready`), waitForOk(`${url('worker')}/ready`)]);
  startService('gateway', 'gateway/dist/main.js', { ...shared, REDIS_URL: redis.url, PORT: String(ports.gateway) });
  await waitForOk(`${url('gateway')}/ready`);

  const gatewayUrl = `${url('gateway')}/graphql`;
  const officeToken = await signToken(
    { userId: 'demo-office', role: Role.MUNICIPAL_ADMIN, municipalityId: DEMO_MUNICIPALITY.id, schoolId: null, personId: null },
    auth,
  );
  await provisionMunicipality(databases.participant, DEMO_MUNICIPALITY);
  const { schools } = await requestGraphQL<{ schools: { id: string; name: string }[] }>(gatewayUrl, '{ schools { id name } }', {}, officeToken);
  if (schools.length === 0) {
    say('empty database: loading the demo municipality…');
    const summary = await loadDemoData(gatewayUrl, officeToken);
    say(`demo data: ${summary.schools.length} schools, ${summary.people} people, ${summary.pairs} pairs, ${summary.measurements} measurements`);
    schools.push(...summary.schools);
  }
  const curatorToken = await signToken(
    { userId: 'demo-curator', role: Role.CURATOR, municipalityId: DEMO_MUNICIPALITY.id, schoolId: schools[0]!.id, personId: null },
    auth,
  );
  console.log(`
  Наставник is running.
  GraphQL gateway:  ${gatewayUrl}
  Queue dashboard:  ${url('gateway')}/admin/queues (any user name, the office token as the password)

  Municipal office token (12 h):
    ${officeToken}

  Curator of «${schools[0]!.name}»:
    ${curatorToken}

  Try (with the curator's token; the office sees no person's values, only aggregates):
    curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer <curator token>" \\
      -d '{"query":"{ schools { name programs { academicYear pairs { status mentor { fullName } mentees { fullName measurements { parameterKey stage value } } } } } }"}'

  More tokens: npm run token -- --role CURATOR --school <school id>
  Press Ctrl-C to stop everything.
`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof RedisUnavailableError ? error.message : `[nastavnik] start failed: ${(error as Error).stack ?? error}`);
  await stopAll(1);
});
