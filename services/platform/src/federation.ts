import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { assertRole, type Role } from './auth';
import type { RequestContext } from './context';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

/** `__resolveReference` functions per entity type name, merged into the type-graphql resolvers. */
export type ReferenceResolvers = Record<
  string,
  (reference: { id: string }, context: RequestContext) => Promise<unknown> | unknown
>;

/** `@Authorized(Role.CURATOR, …)` on a field: the caller must have one of the roles. */
const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (roles.length > 0) assertRole(context.caller, roles);
  return true;
};

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: print the type-graphql schema
 * with its directives, prepend the federation link, and hand SDL plus resolvers to @apollo/subgraph.
 * Validation is switched on explicitly: type-graphql v2 leaves class-validator off by default.
 */
export async function buildFederatedSchema(options: {
  /** Resolver instances, constructed by the subgraph with the services they call. */
  resolvers: NonEmptyArray<object>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}): Promise<GraphQLSchema> {
  const instances = new Map<unknown, object>(options.resolvers.map((resolver) => [resolver.constructor, resolver]));
  const schema = await buildSchema({
    resolvers: options.resolvers.map((resolver) => resolver.constructor) as unknown as NonEmptyArray<Function>,
    container: { get: (resolverClass) => instances.get(resolverClass) },
    orphanedTypes: options.orphanedTypes,
    authChecker,
    validate: { forbidUnknownValues: false, skipMissingProperties: false },
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
}
