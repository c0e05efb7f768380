import { closeOnSignals, createLogger, startSubgraph } from '@nastavnik/platform';
import { programSubgraph } from './index';

startSubgraph(programSubgraph).then(
  (server) => closeOnSignals(server.close, createLogger(programSubgraph.name)),
  (error: unknown) => {
    console.error(`program failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
