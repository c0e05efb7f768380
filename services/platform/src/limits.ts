import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { readInteger } from './config';

/**
 * Limits on the shape of one operation, checked at validation time (before any resolver runs) by the
 * gateway and by every subgraph. Each refusal is a GraphQLError with a stable code and the limit and
 * the value found: `{ code: 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COSTLY', limit, actual }`.
 */
export const QueryLimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
} as const;
export type QueryLimitCode = (typeof QueryLimitCode)[keyof typeof QueryLimitCode];

export interface QueryLimits {
  /** Deepest field nesting of an operation; a root field is depth 1. */
  maxDepth: number;
  /** Aliased fields in an operation, fragments counted at every spread. */
  maxAliases: number;
  /** Estimated cost of an operation, see {@link operationCost}. */
  maxCost: number;
  /** What a list field without a `first` is assumed to hold. */
  defaultListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  // Lists without `first` count 20 at every level, so the cost grows as 20^levels: the dashboard query
  // (4 list levels) costs 184 441 and the README's cross-subgraph example (5 levels) 10 120 841.
  // 20 million lets those through with room and refuses 6 levels of unbounded lists (20^6 = 64 million).
  maxCost: 20_000_000,
  defaultListSize: 20,
};

type Env = Record<string, string | undefined>;

/** `GRAPHQL_MAX_DEPTH`, `GRAPHQL_MAX_ALIASES`, `GRAPHQL_MAX_COST`, read like every other setting. */
export function readQueryLimits(env: Env): QueryLimits {
  return {
    maxDepth: readInteger(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 1000),
    maxAliases: readInteger(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 100_000),
    maxCost: readInteger(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1),
    defaultListSize: DEFAULT_QUERY_LIMITS.defaultListSize,
  };
}

export interface LimitRuleOptions {
  /** When introspection is allowed (development), `__schema`/`__type` subtrees are not counted for depth or cost. */
  introspectionAllowed?: boolean;
}

function limitError(code: QueryLimitCode, message: string, limit: number, actual: number, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code, limit, actual } });
}

function isIntrospectionRoot(node: FieldNode): boolean {
  return node.name.value === '__schema' || node.name.value === '__type';
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `Operation "${operation.name.value}"` : 'The operation';
}

/** Walks selections, following fragment spreads (a spread already on the path is not followed again). */
function fragmentOf(context: ValidationContext, name: string, path: ReadonlySet<string>): FragmentDefinitionNode | undefined {
  return path.has(name) ? undefined : (context.getFragment(name) ?? undefined);
}

function selectionDepth(context: ValidationContext, selectionSet: SelectionSetNode | undefined, options: LimitRuleOptions, path: ReadonlySet<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (options.introspectionAllowed && isIntrospectionRoot(selection)) continue;
      deepest = Math.max(deepest, 1 + selectionDepth(context, selection.selectionSet, options, path));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(context, selection.selectionSet, options, path));
    } else {
      const fragment = fragmentOf(context, selection.name.value, path);
      if (fragment) deepest = Math.max(deepest, selectionDepth(context, fragment.selectionSet, options, new Set([...path, fragment.name.value])));
    }
  }
  return deepest;
}

function aliasCount(context: ValidationContext, selectionSet: SelectionSetNode | undefined, path: ReadonlySet<string>): number {
  if (!selectionSet) return 0;
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += (selection.alias ? 1 : 0) + aliasCount(context, selection.selectionSet, path);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += aliasCount(context, selection.selectionSet, path);
    } else {
      const fragment = fragmentOf(context, selection.name.value, path);
      if (fragment) count += aliasCount(context, fragment.selectionSet, new Set([...path, fragment.name.value]));
    }
  }
  return count;
}

/** One rule per limit, run over each operation of the document once it is left. */
function operationRule(check: (context: ValidationContext, operation: OperationDefinitionNode) => GraphQLError | undefined): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition: {
      leave(operation) {
        const error = check(context, operation);
        if (error) context.reportError(error);
      },
    },
  });
}

export function maxDepthRule(maxDepth: number, options: LimitRuleOptions = {}): ValidationRule {
  return operationRule((context, operation) => {
    const depth = selectionDepth(context, operation.selectionSet, options, new Set());
    if (depth <= maxDepth) return undefined;
    return limitError(QueryLimitCode.QUERY_TOO_DEEP, `${operationLabel(operation)} is ${depth} levels deep; at most ${maxDepth} are allowed`, maxDepth, depth, operation);
  });
}

export function maxAliasesRule(maxAliases: number): ValidationRule {
  return operationRule((context, operation) => {
    const aliases = aliasCount(context, operation.selectionSet, new Set());
    if (aliases <= maxAliases) return undefined;
    return limitError(QueryLimitCode.TOO_MANY_ALIASES, `${operationLabel(operation)} has ${aliases} aliases; at most ${maxAliases} are allowed`, maxAliases, aliases, operation);
  });
}

/** An Int argument's value: a literal, or a variable's default value; undefined when unknown here. */
function intValue(node: ValueNode | undefined, operation: OperationDefinitionNode): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const definition = operation.variableDefinitions?.find((variable) => variable.variable.name.value === node.name.value);
    return definition?.defaultValue?.kind === Kind.INT ? Number(definition.defaultValue.value) : undefined;
  }
  return undefined;
}

/** Whether a field pages its results: it takes `first`, or `page` of an input type with `first`. */
function isPaginated(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => {
    if (arg.name === 'first') return true;
    const type = getNamedType(arg.type);
    return arg.name === 'page' && isInputObjectType(type) && 'first' in type.getFields();
  });
}

/** The `first` the caller asked for: `first: N` or `page: { first: N }`, literal or a variable's default. */
function requestedFirst(node: FieldNode, operation: OperationDefinitionNode): number | undefined {
  for (const argument of node.arguments ?? []) {
    if (argument.name.value === 'first') return intValue(argument.value, operation);
    if (argument.name.value === 'page' && argument.value.kind === Kind.OBJECT) {
      const first = argument.value.fields.find((field) => field.name.value === 'first');
      return intValue(first?.value, operation);
    }
  }
  return undefined;
}

/**
 * The cost of an operation, an estimate of the objects it may resolve:
 * - every field costs 1 (`__typename` costs nothing);
 * - a list field — a field of a list type, or a paged field taking `first` or `page: { first }` —
 *   costs 1 plus N times the cost of its selections, where N is its `first` (a literal, also inside
 *   `page: { … }`, or the default value of the variable passed) or else `defaultListSize` (20);
 *   a variable without a default counts as `defaultListSize`, since validation does not see variables;
 * - a list directly inside a paged field (the `nodes` of a connection) is not multiplied again;
 * - fragments count at every spread; with introspection allowed, `__schema`/`__type` count nothing.
 * So `{ schools { name programs { pairs { mentor { fullName } mentees { fullName } } } } }` costs
 * 1 + 20 × (1 + (1 + 20 × (1 + 20 × (2 + (1 + 20 × 1))))) = 184 441.
 */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode, defaultListSize: number, options: LimitRuleOptions = {}): number {
  const schema: GraphQLSchema = context.getSchema();
  const costOf = (selectionSet: SelectionSetNode | undefined, parentType: GraphQLNamedType | undefined | null, insidePaged: boolean, path: ReadonlySet<string>): number => {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        if (options.introspectionAllowed && isIntrospectionRoot(selection)) continue;
        const name = selection.name.value;
        const field =
          parentType === schema.getQueryType() && (name === '__schema' || name === '__type')
            ? name === '__schema'
              ? SchemaMetaFieldDef
              : TypeMetaFieldDef
            : parentType && (isObjectType(parentType) || isInterfaceType(parentType))
              ? parentType.getFields()[name]
              : undefined;
        let multiplier = 1;
        let paged = false;
        if (field && isPaginated(field)) {
          paged = true;
          multiplier = requestedFirst(selection, operation) ?? defaultListSize;
        } else if (field && isListType(getNullableType(field.type)) && !insidePaged) {
          multiplier = requestedFirst(selection, operation) ?? defaultListSize;
        }
        const childType = field ? getNamedType(field.type) : undefined;
        total += 1 + multiplier * costOf(selection.selectionSet, childType, paged, path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        total += costOf(selection.selectionSet, type, insidePaged, path);
      } else {
        const fragment = fragmentOf(context, selection.name.value, path);
        if (fragment) {
          total += costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), insidePaged, new Set([...path, fragment.name.value]));
        }
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, schema.getRootType(operation.operation), false, new Set());
}

export function maxCostRule(maxCost: number, defaultListSize = DEFAULT_QUERY_LIMITS.defaultListSize, options: LimitRuleOptions = {}): ValidationRule {
  return operationRule((context, operation) => {
    const cost = operationCost(context, operation, defaultListSize, options);
    if (cost <= maxCost) return undefined;
    return limitError(QueryLimitCode.QUERY_TOO_COSTLY, `${operationLabel(operation)} is estimated to cost ${cost}; at most ${maxCost} is allowed`, maxCost, cost, operation);
  });
}

/** The three rules for Apollo Server's `validationRules`. */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS, options: LimitRuleOptions = {}): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth, options), maxAliasesRule(limits.maxAliases), maxCostRule(limits.maxCost, limits.defaultListSize, options)];
}
