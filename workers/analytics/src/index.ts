export * from './queue';
export { producerConnection, workerConnection } from './redis';
export { startAnalyticsWorker, type RunningWorker } from './worker';
