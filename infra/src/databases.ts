import { Client } from 'pg';

export const SERVICE_DATABASES = ['participant', 'program', 'monitoring'] as const;
export type ServiceName = (typeof SERVICE_DATABASES)[number];

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(serverUrl: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a plain database name`);
  return `"${name}"`;
}

/** Creates the databases that do not exist yet; returns the URL of each. */
export async function ensureDatabases(serverUrl: string, names: readonly string[]): Promise<Record<string, string>> {
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
    const existing = new Set(rows.map((row) => row.datname));
    for (const name of names) if (!existing.has(name)) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  });
  return Object.fromEntries(names.map((name) => [name, databaseUrl(serverUrl, name)]));
}

export async function dropDatabases(serverUrl: string, names: readonly string[]): Promise<void> {
  await withClient(serverUrl, async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  });
}

/**
 * A municipality is provisioned by the operator, not through the API: the office's tokens name it,
 * and everything else (schools, people, programmes) is then created by the office itself.
 */
export async function provisionMunicipality(participantUrl: string, municipality: { id: string; name: string }): Promise<boolean> {
  return withClient(participantUrl, async (client) => {
    const result = await client.query('INSERT INTO municipality (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [municipality.id, municipality.name]);
    return result.rowCount === 1;
  });
}
