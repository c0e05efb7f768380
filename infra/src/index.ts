export * from './databases';
export { DEMO_MUNICIPALITY, loadDemoData, type DemoSummary } from './demo-data';
export * from './graphql-client';
export { freePort, waitForOk } from './ports';
export { ensureRedis, type LocalRedis } from './redis-server';
export { migrate, migrationTargets, type MigrationRun } from './migrate';
