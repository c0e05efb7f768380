import 'reflect-metadata';
import { monitoringSubgraph } from '@nastavnik/monitoring';
import { participantSubgraph } from '@nastavnik/participant';
import { ConfigError, createDataSource, type SubgraphDefinition } from '@nastavnik/platform';
import { programSubgraph } from '@nastavnik/program';
import { databaseUrl, ensureDatabases, SERVICE_DATABASES, type ServiceName } from './databases';

type Env = Record<string, string | undefined>;

const DEFINITIONS: Record<ServiceName, SubgraphDefinition> = {
  participant: participantSubgraph,
  program: programSubgraph,
  monitoring: monitoringSubgraph,
};

const urlVariable = (service: ServiceName) => `${service.toUpperCase()}_DATABASE_URL`;

/**
 * Each subgraph's database: `<SERVICE>_DATABASE_URL`, or the database `nastavnik_<service>` on the
 * server of `DATABASE_URL` (as `npm start` uses). One sentence names what is missing.
 */
export function migrationTargets(env: Env): Record<ServiceName, string> {
  const targets = {} as Record<ServiceName, string>;
  for (const service of SERVICE_DATABASES) {
    const own = env[urlVariable(service)]?.trim();
    const server = env.DATABASE_URL?.trim();
    if (!own && !server) throw new ConfigError(`No database URL for the ${service} service: set ${urlVariable(service)} or DATABASE_URL (a server URL).`);
    const url = own || databaseUrl(server!, `nastavnik_${service}`);
    try {
      new URL(url);
    } catch {
      throw new ConfigError(`${own ? urlVariable(service) : 'DATABASE_URL'} must be a URL, got "${own || server}".`);
    }
    targets[service] = url;
  }
  return targets;
}

export interface MigrationRun {
  service: ServiceName;
  /** Names of the migrations applied now, in order; empty when the database was up to date. */
  ran: string[];
}

/** Applies each subgraph's pending migrations (one transaction per database) and answers what ran. */
export async function migrate(targets: Record<ServiceName, string>, say: (line: string) => void = () => undefined): Promise<MigrationRun[]> {
  const runs: MigrationRun[] = [];
  for (const service of SERVICE_DATABASES) {
    const definition = DEFINITIONS[service];
    const dataSource = createDataSource({ url: targets[service], entities: definition.entities, migrations: definition.migrations, poolSize: 1 });
    await dataSource.initialize();
    try {
      const ran = (await dataSource.runMigrations({ transaction: 'all' })).map((migration) => migration.name);
      say(ran.length ? `${service}: ran ${ran.length} migration(s): ${ran.join(', ')}` : `${service}: up to date`);
      runs.push({ service, ran });
    } finally {
      await dataSource.destroy();
    }
  }
  return runs;
}

/** `npm run migrate`: the databases named by the environment, created on DATABASE_URL's server when missing. */
async function main(env: Env = process.env): Promise<void> {
  const targets = migrationTargets(env);
  const onServer = SERVICE_DATABASES.filter((service) => !env[urlVariable(service)]?.trim());
  if (onServer.length) await ensureDatabases(env.DATABASE_URL!, onServer.map((service) => `nastavnik_${service}`));
  await migrate(targets, (line) => console.log(line));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
