import { randomBytes } from 'node:crypto';
import { dropDatabases, ensureDatabases } from '@nastavnik/infra';
import { monitoringSubgraph } from '@nastavnik/monitoring';
import { participantSubgraph } from '@nastavnik/participant';
import { openDatabase, type SubgraphDefinition } from '@nastavnik/platform';
import { programSubgraph } from '@nastavnik/program';
import { TEST_DATABASE_URL } from './harness';

/**
 * Each service's schema comes only from its migrations. After they ran, TypeORM must find nothing
 * to change for the entities: a new table or column, or a changed type or nullability, without its
 * migration fails here. Indexes, checks, foreign keys and column defaults are written in the
 * migrations only (entities do not repeat them), so TypeORM's wish to drop those is not a drift.
 */
const DECLARED_IN_MIGRATIONS_ONLY = /DROP CONSTRAINT|DROP INDEX|ALTER COLUMN "\w+" DROP DEFAULT/;

describe.each([participantSubgraph, programSubgraph, monitoringSubgraph])('$name migrations', (definition: SubgraphDefinition) => {
  const database = `nastavnik_m${process.pid}_${randomBytes(3).toString('hex')}_${definition.name}`;

  afterAll(() => dropDatabases(TEST_DATABASE_URL, [database]));

  it('create the schema the entities describe, with nothing pending', async () => {
    const urls = await ensureDatabases(TEST_DATABASE_URL, [database]);
    const dataSource = await openDatabase({ url: urls[database]!, entities: definition.entities, migrations: definition.migrations });
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query).filter((query) => !DECLARED_IN_MIGRATIONS_ONLY.test(query))).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
