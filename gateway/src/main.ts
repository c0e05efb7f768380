import 'reflect-metadata';
import { closeOnSignals, createLogger } from '@nastavnik/platform';
import { startGateway } from './gateway';

startGateway().then(
  (server) => closeOnSignals(server.close, createLogger('gateway')),
  (error: unknown) => {
    console.error(`gateway failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
