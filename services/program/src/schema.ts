import { buildFederatedSchema, ParticipantDirectory, type DataSource } from '@nastavnik/platform';
import type { GraphQLSchema } from 'graphql';
import { loadPair, PairResolver, PersonPairsResolver } from './pairs/pair.resolver';
import { PairService } from './pairs/pair.service';
import { loadProgram, ProgramResolver, SchoolProgramsResolver } from './programs/program.resolver';
import { ProgramService } from './programs/program.service';

/** Wires the program services into their resolvers and builds the subgraph schema. */
export function buildProgramSchema(db: DataSource, env: Record<string, string | undefined>): Promise<GraphQLSchema> {
  const programService = new ProgramService(db);
  const pairService = new PairService(db, programService, ParticipantDirectory.fromEnv(env));
  return buildFederatedSchema({
    resolvers: [
      new ProgramResolver(programService, pairService),
      new SchoolProgramsResolver(programService),
      new PairResolver(pairService, programService),
      new PersonPairsResolver(pairService),
    ],
    referenceResolvers: {
      MentoringProgram: (reference, context) => loadProgram(context, programService, reference.id),
      Pair: (reference, context) => loadPair(context, pairService, reference.id),
      // Person and School are the participant subgraph's; here they only carry their id.
      Person: (reference) => ({ id: reference.id }),
      School: (reference) => ({ id: reference.id }),
    },
  });
}
