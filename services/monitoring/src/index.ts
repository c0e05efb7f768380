import 'reflect-metadata';
import type { SubgraphDefinition } from '@nastavnik/platform';
import { Measurement } from './measurements/measurement.entity';
import { MonitoringInitial1764100000000 } from './migrations/1764100000000-MonitoringInitial';
import { buildMonitoringSchema } from './schema';

export const monitoringSubgraph: SubgraphDefinition = {
  name: 'monitoring',
  defaultPort: 4003,
  entities: [Measurement],
  migrations: [MonitoringInitial1764100000000],
  buildSchema: buildMonitoringSchema,
};
