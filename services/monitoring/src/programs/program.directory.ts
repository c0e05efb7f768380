import { notFound, SubgraphClient, type RequestContext } from '@nastavnik/platform';
import type { PairFacts } from '../campaigns/campaign.rules';

type Env = Record<string, string | undefined>;

/** What monitoring needs to know about a programme, as the program subgraph answers it. */
export interface ProgramFacts {
  id: string;
  schoolId: string;
  academicYear: string;
  pairs: (PairFacts & { subForm: string })[];
}

export interface PairSummary {
  id: string;
  programId: string;
  schoolId: string;
  status: string;
  mentor: { id: string };
  mentees: { id: string }[];
}

/**
 * The program subgraph, asked on the caller's behalf. Entity references answer null for a
 * programme or pair the caller may not see, so "not yours" and "does not exist" look the same
 * (NOT_FOUND) and nothing leaks. The municipality of a visible programme is the caller's own.
 */
export class ProgramDirectory {
  constructor(private readonly client: SubgraphClient) {}

  static fromEnv(env: Env): ProgramDirectory {
    return new ProgramDirectory(SubgraphClient.fromEnv(env, 'program'));
  }

  programs(context: RequestContext, ids: readonly string[]): Promise<Map<string, ProgramFacts>> {
    return this.client.entities<ProgramFacts>(context, 'MentoringProgram', ids, 'schoolId academicYear pairs { id status subForm mentor { id } mentees { id } }');
  }

  pairs(context: RequestContext, ids: readonly string[]): Promise<Map<string, PairSummary>> {
    return this.client.entities<PairSummary>(context, 'Pair', ids, 'programId schoolId status mentor { id } mentees { id }');
  }

  async program(context: RequestContext, id: string, field: string): Promise<ProgramFacts & { municipalityId: string }> {
    const program = (await this.programs(context, [id])).get(id);
    if (!program) throw notFound('Mentoring programme', field);
    return { ...program, municipalityId: context.caller.municipalityId };
  }

  async pair(context: RequestContext, id: string, field: string): Promise<PairSummary & { municipalityId: string }> {
    const pair = (await this.pairs(context, [id])).get(id);
    if (!pair) throw notFound('Pair', field);
    return { ...pair, municipalityId: context.caller.municipalityId };
  }
}
