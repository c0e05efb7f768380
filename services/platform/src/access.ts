import { getNullableType, isListType, isNonNullType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Role, type Caller } from './auth';
import type { RequestContext } from './context';
import { forbidden } from './errors';

/**
 * The access matrix of a subgraph: for every query and mutation, and for every sensitive field,
 * which roles may. It is both the written matrix (docs/access-matrix.md is printed from it) and
 * what the subgraph enforces, so the two cannot drift apart.
 *
 * A role listed in `allow` may within its scope (the office: its municipality; everybody else: their
 * school — the services narrow every query to it). A role listed in `own` may only for its own
 * records, and the service narrows further (a mentor's own pairs, a mentee's own answers). Any other
 * role is refused with FORBIDDEN before a resolver runs.
 */
export interface AccessRule {
  allow?: readonly Role[];
  own?: readonly Role[];
  /** What `own` means here, or why the rule is what it is; printed in the matrix. */
  note?: string;
}

/** A sensitive field: a refused read answers null, an empty list, or FORBIDDEN where neither fits the type. */
export interface FieldRule extends AccessRule {
  /** Whose record the parent object is, for the `own` roles. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ownerOf?: (source: any) => string | null | undefined;
  /** Refuse with FORBIDDEN even where null would fit: for reads that must not pass for "nothing there". */
  refuseWithError?: boolean;
}

export interface AccessMatrix {
  Query: Record<string, AccessRule>;
  Mutation: Record<string, AccessRule>;
  /** Keyed `Type.field`. */
  fields?: Record<string, FieldRule>;
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export type Permission = 'allow' | 'own' | 'deny';

export function permissionOf(rule: AccessRule, role: Role): Permission {
  if (rule.allow?.includes(role)) return 'allow';
  if (rule.own?.includes(role)) return 'own';
  return 'deny';
}

function assertPermitted(rule: AccessRule, caller: Caller, operation: string): void {
  if (permissionOf(rule, caller.role) === 'deny') throw forbidden(`The role ${caller.role} may not use ${operation}`);
}

type Resolvers = Record<string, Record<string, unknown>>;
type Resolver = GraphQLFieldResolver<unknown, RequestContext>;

function defaultResolver(fieldName: string): Resolver {
  return (source) => (source as Record<string, unknown> | null)?.[fieldName];
}

/**
 * Wraps the resolvers of a schema with the matrix. Fails at start-up when an operation of the schema
 * has no rule or a rule names something the schema does not have: a new query cannot ship unguarded.
 */
export function enforceAccessMatrix(schema: GraphQLSchema, resolvers: Resolvers, matrix: AccessMatrix, subgraph: string): void {
  const problems: string[] = [];
  for (const rootType of [schema.getQueryType(), schema.getMutationType()]) {
    if (!rootType) continue;
    const rules = matrix[rootType.name as 'Query' | 'Mutation'] ?? {};
    const fields = rootType.getFields();
    for (const name of Object.keys(fields)) {
      const rule = rules[name];
      if (!rule) {
        problems.push(`${rootType.name}.${name} has no access rule`);
        continue;
      }
      const resolve = (resolvers[rootType.name]?.[name] as Resolver | undefined) ?? defaultResolver(name);
      const operation = `${rootType.name}.${name}`;
      (resolvers[rootType.name] ??= {})[name] = ((source, args, context, info) => {
        assertPermitted(rule, context.caller, operation);
        return resolve(source, args, context, info);
      }) satisfies Resolver;
    }
    for (const name of Object.keys(rules)) if (!fields[name]) problems.push(`the rule for ${rootType.name}.${name} names no operation`);
  }
  for (const [key, rule] of Object.entries(matrix.fields ?? {})) {
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName) as GraphQLObjectType | undefined;
    const field = type?.getFields?.()[fieldName];
    if (!field) {
      problems.push(`the rule for ${key} names no field`);
      continue;
    }
    if (rule.own?.length && !rule.ownerOf) problems.push(`the rule for ${key} has own roles but no ownerOf`);
    const resolve = (resolvers[typeName]?.[fieldName] as Resolver | undefined) ?? defaultResolver(fieldName);
    const refuse = rule.refuseWithError
      ? (role: Role) => {
          throw forbidden(`The role ${role} may not read ${key}`);
        }
      : !isNonNullType(field.type)
      ? () => null
      : isListType(getNullableType(field.type))
        ? () => []
        : (role: Role) => {
            throw forbidden(`The role ${role} may not read ${key}`);
          };
    (resolvers[typeName] ??= {})[fieldName] = ((source, args, context, info) => {
      const permission = permissionOf(rule, context.caller.role);
      if (permission === 'allow') return resolve(source, args, context, info);
      if (permission === 'own' && context.caller.personId !== null && rule.ownerOf?.(source) === context.caller.personId) {
        return resolve(source, args, context, info);
      }
      return refuse(context.caller.role);
    }) satisfies Resolver;
  }
  if (problems.length > 0) throw new Error(`The ${subgraph} access matrix does not match its schema: ${problems.join('; ')}`);
}
