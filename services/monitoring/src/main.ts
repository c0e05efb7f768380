import { closeOnSignals, createLogger, startSubgraph } from '@nastavnik/platform';
import { monitoringSubgraph } from './index';

startSubgraph(monitoringSubgraph).then(
  (server) => closeOnSignals(server.close, createLogger(monitoringSubgraph.name)),
  (error: unknown) => {
    console.error(`monitoring failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
