import { buildFederatedSchema, ParticipantDirectory, type DataSource } from '@nastavnik/platform';
import type { GraphQLSchema } from 'graphql';
import { MeasurementResolver, PersonMeasurementsResolver } from './measurements/measurement.resolver';
import { MeasurementService } from './measurements/measurement.service';

/** Wires the monitoring services into their resolvers and builds the subgraph schema. */
export function buildMonitoringSchema(db: DataSource, env: Record<string, string | undefined>): Promise<GraphQLSchema> {
  const measurementService = new MeasurementService(db, ParticipantDirectory.fromEnv(env));
  return buildFederatedSchema({
    resolvers: [new MeasurementResolver(measurementService), new PersonMeasurementsResolver(measurementService)],
    referenceResolvers: {
      // Person is the participant subgraph's; here it only carries its id.
      Person: (reference) => ({ id: reference.id }),
    },
  });
}
