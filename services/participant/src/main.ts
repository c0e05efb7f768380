import { closeOnSignals, createLogger, startSubgraph } from '@nastavnik/platform';
import { participantSubgraph } from './index';

startSubgraph(participantSubgraph).then(
  (server) => closeOnSignals(server.close, createLogger(participantSubgraph.name)),
  (error: unknown) => {
    console.error(`participant failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
