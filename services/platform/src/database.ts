import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { Logger } from './logger';

/** Counts the SQL statements a data source sends, so tests can prove that lookups are batched. */
export class SqlStatementCounter implements TypeOrmLogger {
  count = 0;
  constructor(private readonly logger?: Logger) {}
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger?.debug({ err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ time, query }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger?.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn(String(message));
  }
}

export interface DatabaseOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  log?: Logger;
  poolSize?: number;
}

/**
 * The one data-source factory: PostgreSQL through `pg`, schema only from migrations (never
 * synchronize), migrations applied by `openDatabase` before the service takes traffic.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // Extensions come from migrations; gen_random_uuid() is built into PostgreSQL 13+.
    installExtensions: false,
    migrationsRun: false,
    maxQueryExecutionTime: 1000,
    logger: new SqlStatementCounter(options.log),
    extra: { max: options.poolSize ?? 10, application_name: 'nastavnik' },
  });
}

export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  return dataSource;
}

export function statementCount(dataSource: DataSource): number {
  return (dataSource.logger as unknown as SqlStatementCounter).count;
}

export type { DataSource, EntityManager };
