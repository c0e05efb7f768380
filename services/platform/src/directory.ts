import { readAuthConfig, readUrl } from './config';
import { CLIENT_ADDRESS_HEADER } from './audit';
import type { RequestContext } from './context';
import { DomainError, ErrorCode } from './errors';

type Env = Record<string, string | undefined>;

/**
 * How one service asks another, on the caller's behalf: the caller's own token and the gateway
 * secret, so the same school scope applies and a service can never learn what its caller may not
 * see. Used for the few facts a service needs from another service's data at write time.
 */
export class SubgraphClient {
  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly gatewaySecret: string,
  ) {}

  /** `PARTICIPANT_URL` etc.; defaults to the local development port of the service. */
  static fromEnv(env: Env, name: 'participant' | 'program' | 'monitoring'): SubgraphClient {
    const defaults = { participant: 4001, program: 4002, monitoring: 4003 };
    const url = readUrl(env, `${name.toUpperCase()}_URL`, `http://127.0.0.1:${defaults[name]}/graphql`);
    return new SubgraphClient(name, url, readAuthConfig(env).gatewaySecret);
  }

  async query<T>(context: RequestContext, query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${context.token}`,
        'x-gateway-secret': this.gatewaySecret,
        'x-request-id': context.requestId,
        ...(context.clientAddress ? { [CLIENT_ADDRESS_HEADER]: context.clientAddress } : {}),
      },
      body: JSON.stringify({ query, variables }),
    }).catch((error: unknown) => {
      context.log.error({ err: error, service: this.name }, 'service unreachable');
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${this.name} service is unavailable; try again shortly`);
    });
    const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: { message?: string; extensions?: { code?: string } }[] };
    if (!body.data || body.errors?.length) {
      context.log.error({ errors: body.errors, status: response.status, service: this.name }, 'service refused a request');
      // A refusal of the caller (not found, forbidden, a rule) keeps its code; a failure of the service does not.
      const refusal = body.errors?.[0];
      const code = refusal?.extensions?.code;
      if (code && response.status < 500 && code in ErrorCode && code !== ErrorCode.UNAUTHENTICATED) {
        throw new DomainError(code as ErrorCode, refusal.message ?? `The ${this.name} service refused the request`);
      }
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${this.name} service did not answer`);
    }
    return body.data;
  }

  /** Resolves entity references through `_entities`; invisible or unknown ones come back as null. */
  async entities<T extends { id: string }>(context: RequestContext, typeName: string, ids: readonly string[], selection: string): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const data = await this.query<{ _entities: (T | null)[] }>(
      context,
      `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { id ${selection} } } }`,
      { representations: unique.map((id) => ({ __typename: typeName, id })) },
    );
    return new Map(data._entities.filter((entity): entity is T => entity !== null).map((entity) => [entity.id, entity]));
  }
}

/** What other services need to know about a person, as the participant subgraph answers it. */
export interface PersonFacts {
  id: string;
  municipalityId: string;
  schoolId: string;
  archivedAt: string | null;
  subjects: string[];
  mentorProfile: { status: string; capacity: number; kind: string; subjects: string[] } | null;
  menteeProfile: { status: string; categories: string[] } | null;
  /** Scopes of the person's consents given and not withdrawn, as of this request (never cached across requests). */
  activeConsentScopes: string[];
}

/** The GraphQL selection of a Person that answers its PersonFacts (without the id). */
export const PERSON_FACTS_SELECTION =
  'municipalityId schoolId archivedAt subjects mentorProfile { status capacity kind subjects } menteeProfile { status categories } activeConsentScopes';

/** The participant subgraph, asked about people on the caller's behalf. */
export class ParticipantDirectory {
  constructor(private readonly client: SubgraphClient) {}

  static fromEnv(env: Env): ParticipantDirectory {
    return new ParticipantDirectory(SubgraphClient.fromEnv(env, 'participant'));
  }

  /** Schools the caller may see, by id; an id outside the caller's scope is simply absent. */
  schools(context: RequestContext, ids: readonly string[]): Promise<Map<string, { id: string; municipalityId: string }>> {
    return this.client.entities(context, 'School', ids, 'municipalityId');
  }

  /** People the caller may see, by id; an id outside the caller's scope is simply absent. */
  people(context: RequestContext, ids: readonly string[]): Promise<Map<string, PersonFacts>> {
    return this.client.entities<PersonFacts>(
      context,
      'Person',
      ids,
      PERSON_FACTS_SELECTION,
    );
  }
}
