import { readAuthConfig, readUrl } from './config';
import type { RequestContext } from './context';
import { DomainError, ErrorCode } from './errors';

/** What other services need to know about a person, as the participant subgraph answers it. */
export interface PersonFacts {
  id: string;
  municipalityId: string;
  schoolId: string;
  archivedAt: string | null;
  mentorProfile: { status: string; capacity: number } | null;
  menteeProfile: { status: string } | null;
}

const PERSON_FACTS = `
  query PersonFacts($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person { id municipalityId schoolId archivedAt mentorProfile { status capacity } menteeProfile { status } }
    }
  }`;

/**
 * Asks the participant subgraph about people, on the caller's behalf: the same token and the same
 * school scope apply, so a service can never learn of a person its caller may not see. A person
 * outside the caller's scope comes back as null, exactly like an unknown id.
 */
export class ParticipantDirectory {
  static fromEnv(env: Record<string, string | undefined>): ParticipantDirectory {
    return new ParticipantDirectory(readUrl(env, 'PARTICIPANT_URL', 'http://127.0.0.1:4001/graphql'), readAuthConfig(env).gatewaySecret);
  }

  constructor(
    private readonly participantUrl: string,
    private readonly gatewaySecret: string,
  ) {}

  async people(context: RequestContext, ids: readonly string[]): Promise<Map<string, PersonFacts>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const response = await fetch(this.participantUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${context.token}`,
        'x-gateway-secret': this.gatewaySecret,
        'x-request-id': context.requestId,
      },
      body: JSON.stringify({ query: PERSON_FACTS, variables: { representations: unique.map((id) => ({ __typename: 'Person', id })) } }),
    }).catch((error: unknown) => {
      context.log.error({ err: error }, 'participant service unreachable');
      throw new DomainError(ErrorCode.INTERNAL, 'The participant service is unavailable');
    });
    const body = (await response.json()) as { data?: { _entities: (PersonFacts | null)[] }; errors?: unknown[] };
    if (!body.data) {
      context.log.error({ errors: body.errors, status: response.status }, 'participant service refused a lookup');
      throw new DomainError(ErrorCode.INTERNAL, 'The participant service did not answer');
    }
    return new Map(body.data._entities.filter((person): person is PersonFacts => person !== null).map((person) => [person.id, person]));
  }
}
