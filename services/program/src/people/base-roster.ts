import { PERSON_FACTS_SELECTION, type PersonFacts, type RequestContext, type SubgraphClient } from '@nastavnik/platform';

const PERSON_FACTS = `id ${PERSON_FACTS_SELECTION}`;
const PAGE_SIZE = 200;

/**
 * The two bases of a school as the participant subgraph keeps them, asked on the caller's behalf:
 * counts for the programme's stage checks, and the active members for matching.
 */
export class BaseRoster {
  constructor(private readonly participant: SubgraphClient) {}

  async counts(context: RequestContext, schoolId: string): Promise<{ activeMentees: number; activeMentors: number }> {
    const data = await this.participant.query<{ mentees: { totalCount: number }; mentors: { totalCount: number } }>(
      context,
      `query($schoolId: ID!) {
        mentees: people(filter: { schoolId: $schoolId, base: MENTEE, menteeStatus: ACTIVE }, page: { first: 1 }) { totalCount }
        mentors: people(filter: { schoolId: $schoolId, base: MENTOR, mentorStatus: ACTIVE }, page: { first: 1 }) { totalCount }
      }`,
      { schoolId },
    );
    return { activeMentees: data.mentees.totalCount, activeMentors: data.mentors.totalCount };
  }

  /** Active members of one base; `schoolId` null means every school the caller may see. */
  async active(context: RequestContext, base: 'MENTOR' | 'MENTEE', schoolId: string | null): Promise<PersonFacts[]> {
    const filter = { ...(schoolId ? { schoolId } : {}), base, ...(base === 'MENTOR' ? { mentorStatus: 'ACTIVE' } : { menteeStatus: 'ACTIVE' }) };
    const people: PersonFacts[] = [];
    let after: string | null = null;
    do {
      const data: { people: { nodes: PersonFacts[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await this.participant.query(
        context,
        `query($filter: PersonFilter, $page: PageInput) { people(filter: $filter, page: $page) {
          pageInfo { hasNextPage endCursor } nodes { ${PERSON_FACTS} } } }`,
        { filter, page: { first: PAGE_SIZE, after } },
      );
      people.push(...data.people.nodes);
      after = data.people.pageInfo.hasNextPage ? data.people.pageInfo.endCursor : null;
    } while (after);
    return people;
  }
}
