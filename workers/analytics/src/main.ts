import { closeOnSignals, createLogger } from '@nastavnik/platform';
import { startAnalyticsWorker } from './worker';

startAnalyticsWorker().then(
  (running) => closeOnSignals(running.close, createLogger('analytics-worker')),
  (error: unknown) => {
    console.error(`analytics worker failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
