import type { RequestContext, SubgraphClient } from '@nastavnik/platform';

interface CompatibilityResult {
  mentorId: string;
  menteeId: string;
  score: number;
  testedOn: string;
}

/**
 * The psychologist's compatibility tests, kept by the monitoring subgraph and asked on the caller's
 * behalf (one request with an alias per mentee). Matching works without them: when monitoring
 * is down or does not answer this query, the scores simply have no compatibility reason.
 */
export class CompatibilityResults {
  constructor(private readonly monitoring: SubgraphClient) {}

  /** The latest score per mentee → mentor. */
  async of(context: RequestContext, menteeIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const unique = [...new Set(menteeIds)];
    const scores = new Map<string, Map<string, number>>(unique.map((id) => [id, new Map()]));
    if (unique.length === 0) return scores;
    const variables = Object.fromEntries(unique.map((id, index) => [`m${index}`, id]));
    const query = `query(${unique.map((_, index) => `$m${index}: ID!`).join(', ')}) { ${unique
      .map((_, index) => `r${index}: compatibilityResults(menteeId: $m${index}) { mentorId menteeId score testedOn }`)
      .join(' ')} }`;
    let data: Record<string, CompatibilityResult[]>;
    try {
      data = await this.monitoring.query<Record<string, CompatibilityResult[]>>(context, query, variables);
    } catch (error) {
      context.log.warn({ err: error }, 'compatibility results unavailable; matching goes on without them');
      return scores;
    }
    for (const results of Object.values(data)) {
      const sorted = [...(results ?? [])].sort((a, b) => a.testedOn.localeCompare(b.testedOn));
      for (const result of sorted) scores.get(result.menteeId)?.set(result.mentorId, result.score);
    }
    return scores;
  }
}
