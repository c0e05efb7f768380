import 'reflect-metadata';
import type { SubgraphDefinition } from '@nastavnik/platform';
import { ProgramInitial1764100000000 } from './migrations/1764100000000-ProgramInitial';
import { Pair, PairMentee } from './pairs/pair.entity';
import { MentoringProgram } from './programs/program.entity';
import { buildProgramSchema } from './schema';

export const programSubgraph: SubgraphDefinition = {
  name: 'program',
  defaultPort: 4002,
  entities: [MentoringProgram, Pair, PairMentee],
  migrations: [ProgramInitial1764100000000],
  buildSchema: buildProgramSchema,
};
