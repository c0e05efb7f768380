/**
 * One service of the gateway benchmark, in a process of its own as in production: a subgraph
 * (`participant`, `program`, `monitoring`) or the gateway, configured by the environment.
 * Answers 'statements' with the SQL statements its database has been sent so far, 'stop' closes it.
 */
import 'reflect-metadata';
import { startGateway } from '@nastavnik/gateway';
import { monitoringSubgraph } from '@nastavnik/monitoring';
import { participantSubgraph } from '@nastavnik/participant';
import { startSubgraph, statementCount, type RunningServer, type RunningSubgraph } from '@nastavnik/platform';
import { programSubgraph } from '@nastavnik/program';

const SUBGRAPHS = { participant: participantSubgraph, program: programSubgraph, monitoring: monitoringSubgraph };

async function start(name: string): Promise<RunningServer | RunningSubgraph> {
  if (name === 'gateway') return startGateway(process.env);
  const definition = SUBGRAPHS[name as keyof typeof SUBGRAPHS];
  if (!definition) throw new Error(`Unknown service "${name}"`);
  return startSubgraph(definition, process.env);
}

start(process.argv[2] ?? '').then(
  (service) => {
    process.on('message', (message) => {
      if (message === 'statements') process.send?.({ statements: 'dataSource' in service ? statementCount(service.dataSource) : 0 });
      if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
      if (message === 'stop') void service.close().then(() => process.exit(0));
    });
    process.send?.({ ready: true, url: service.url });
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
