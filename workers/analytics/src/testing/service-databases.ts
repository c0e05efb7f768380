/**
 * Fresh participant, program and monitoring databases, migrated by the services' own migrations,
 * for the report tests and the benchmark. (infra's ensureDatabases does the same, but infra depends
 * on this package, so importing it here would make the TypeScript project references circular.)
 */
import { randomBytes } from 'node:crypto';
import { monitoringSubgraph } from '@nastavnik/monitoring';
import { participantSubgraph } from '@nastavnik/participant';
import { openDatabase, type SubgraphDefinition } from '@nastavnik/platform';
import { programSubgraph } from '@nastavnik/program';
import { Client } from 'pg';

export interface ServiceDatabases {
  participantUrl: string;
  programUrl: string;
  monitoringUrl: string;
  drop(): Promise<void>;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(serverUrl: string, statements: string[]): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createServiceDatabases(serverUrl: string, label = 'report'): Promise<ServiceDatabases> {
  const run = `nastavnik_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = { participant: `${run}_participant`, program: `${run}_program`, monitoring: `${run}_monitoring` };
  await onServer(serverUrl, Object.values(names).map((name) => `CREATE DATABASE "${name}"`));
  const definitions: Record<keyof typeof names, SubgraphDefinition> = { participant: participantSubgraph, program: programSubgraph, monitoring: monitoringSubgraph };
  for (const [service, name] of Object.entries(names) as [keyof typeof names, string][]) {
    const dataSource = await openDatabase({ url: databaseUrl(serverUrl, name), entities: definitions[service].entities, migrations: definitions[service].migrations });
    await dataSource.destroy();
  }
  return {
    participantUrl: databaseUrl(serverUrl, names.participant),
    programUrl: databaseUrl(serverUrl, names.program),
    monitoringUrl: databaseUrl(serverUrl, names.monitoring),
    drop: () => onServer(serverUrl, Object.values(names).map((name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
