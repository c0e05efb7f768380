import { buildSchema, GraphQLError, parse, validate, type GraphQLFormattedError } from 'graphql';
import { ConfigError } from './config';
import { formatError } from './errors';
import { DEFAULT_QUERY_LIMITS, maxAliasesRule, maxCostRule, maxDepthRule, queryLimitRules, readQueryLimits } from './limits';

const schema = buildSchema(`
  input PageInput { first: Int! = 20 after: String }
  type PageInfo { endCursor: String hasNextPage: Boolean! }
  type Person { id: ID! fullName: String! subjects: [String!]! mentorIn: [Pair!]! school: School! }
  type PersonConnection { nodes: [Person!]! totalCount: Int! pageInfo: PageInfo! }
  type Pair { id: ID! mentor: Person! mentees: [Person!]! }
  type Program { id: ID! pairs: [Pair!]! }
  type School { id: ID! name: String! programs: [Program!]! head: Person staff(first: Int): [Person!]! }
  type Query {
    schools: [School!]!
    school(id: ID!): School
    people(page: PageInput): PersonConnection!
  }
`);

function errorsOf(query: string, rules = queryLimitRules(DEFAULT_QUERY_LIMITS)) {
  return validate(schema, parse(query), rules);
}

/** `levels` fields deep: `{ school(id: "1") { head { school { head { … id } } } } }`. */
function nested(levels: number): string {
  const fields = Array.from({ length: levels - 1 }, (_, index) => (index === 0 ? 'school(id: "1")' : index % 2 === 1 ? 'head' : 'school'));
  return `{ ${fields.reduceRight((inner, field) => `${field} { ${inner} }`, 'id')} }`;
}

describe('max depth', () => {
  it.each([
    ['one root field', '{ schools { id } }', 2],
    ['a scalar at the root', '{ __typename }', 1],
    ['12 levels', nested(12), 12],
    ['13 levels', nested(13), 13],
    ['fragments followed', 'query { school(id: "1") { ...S } } fragment S on School { head { ...P } } fragment P on Person { school { id } }', 4],
    ['inline fragments do not add a level', '{ school(id: "1") { ... on School { head { id } } } }', 3],
  ])('%s is %i deep', (_case, query, depth) => {
    const refused = errorsOf(query, [maxDepthRule(depth - 1)]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: depth - 1, actual: depth });
    expect(errorsOf(query, [maxDepthRule(depth)])).toEqual([]);
  });

  it('refuses 13 levels under the default and lets 12 pass', () => {
    expect(errorsOf(nested(12))).toEqual([]);
    expect(errorsOf(nested(13)).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  const deepIntrospection = '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }';
  it('does not count __schema when introspection is allowed, and counts it when it is not', () => {
    expect(errorsOf(deepIntrospection, [maxDepthRule(3, { introspectionAllowed: true })])).toEqual([]);
    expect(errorsOf(deepIntrospection, [maxDepthRule(3, { introspectionAllowed: false })]).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
  });
});

describe('max aliases', () => {
  const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: schools { id }`).join(' ')} }`;
  it.each([
    ['no alias', '{ schools { id name } }', 0],
    ['30 aliases', aliases(30), 30],
    ['31 aliases', aliases(31), 31],
    ['nested aliases', '{ s: schools { n: name p: programs { i: id } } }', 4],
    ['a fragment counted at every spread', '{ a: school(id: "1") { ...F } b: school(id: "2") { ...F } } fragment F on School { x: id y: name }', 6],
  ])('%s: %i', (_case, query, count) => {
    expect(errorsOf(query, [maxAliasesRule(count)])).toEqual([]);
    if (count === 0) return;
    const refused = errorsOf(query, [maxAliasesRule(count - 1)]);
    expect(refused.map((error) => error.extensions)).toEqual([{ code: 'TOO_MANY_ALIASES', limit: count - 1, actual: count }]);
  });

  it('refuses 31 aliases under the default', () => {
    expect(errorsOf(aliases(30))).toEqual([]);
    expect(errorsOf(aliases(31)).map((error) => error.extensions.code)).toEqual(['TOO_MANY_ALIASES']);
  });
});

describe('max cost', () => {
  /** The cost the rule found, read from its refusal under a limit of 0. */
  const costOf = (query: string) => {
    const [error] = errorsOf(query, [maxCostRule(0, 20)]);
    return error?.extensions.actual;
  };
  it.each([
    ['a scalar', '{ __typename }', undefined],
    ['one object, two fields', '{ school(id: "1") { id name } }', 3],
    ['a list field multiplies its selections by 20', '{ schools { id name } }', 1 + 20 * 2],
    ['a scalar list costs 1', '{ school(id: "1") { head { subjects } } }', 3],
    ['nested lists multiply', '{ schools { programs { id } } }', 1 + 20 * (1 + 20 * 1)],
    ['first: N multiplies by N', '{ school(id: "1") { staff(first: 3) { id fullName } } }', 1 + (1 + 3 * 2)],
    ['page: { first: N } multiplies by N, the nodes of the page once', '{ people(page: { first: 5 }) { totalCount nodes { id fullName } } }', 1 + 5 * (1 + (1 + 2))],
    ['a paged field without page counts 20', '{ people { nodes { id } } }', 1 + 20 * (1 + 1)],
    ['a variable with a default counts its default', 'query($n: Int = 4) { school(id: "1") { staff(first: $n) { id } } }', 1 + (1 + 4 * 1)],
    ['a variable without a default counts 20', 'query($n: Int) { school(id: "1") { staff(first: $n) { id } } }', 1 + (1 + 20 * 1)],
    ['fragments counted at every spread', '{ a: school(id: "1") { ...F } b: school(id: "2") { ...F } } fragment F on School { id name }', 2 * 3],
    ['__typename costs nothing', '{ school(id: "1") { __typename id } }', 2],
    [
      'the dashboard',
      '{ schools { name programs { pairs { mentor { fullName } mentees { fullName } } } } }',
      1 + 20 * (1 + (1 + 20 * (1 + 20 * (2 + (1 + 20 * 1))))),
    ],
  ])('%s', (_case, query, cost) => {
    expect(costOf(query)).toBe(cost);
  });

  it('refuses above the limit with the limit and the cost, and passes at the limit', () => {
    const query = '{ schools { programs { pairs { mentees { mentorIn { mentees { id } } } } } } }';
    const [refused] = errorsOf(query, [maxCostRule(1000)]);
    expect(refused!.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 1000, actual: expect.any(Number) });
    const actual = refused!.extensions.actual as number;
    expect(errorsOf(query, [maxCostRule(actual)])).toEqual([]);
    expect(errorsOf(query).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('lets the dashboard query pass under the defaults', () => {
    expect(errorsOf('{ schools { name programs { pairs { mentor { fullName } mentees { fullName } } } } }')).toEqual([]);
  });

  it('does not count introspection when it is allowed', () => {
    const query = '{ __schema { types { fields { args { name } } } } }';
    expect(errorsOf(query, [maxCostRule(10, 20, { introspectionAllowed: true })])).toEqual([]);
    expect(errorsOf(query, [maxCostRule(10, 20, { introspectionAllowed: false })]).map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COSTLY']);
  });
});

describe('configuration', () => {
  it('reads the limits from the environment, with defaults', () => {
    expect(readQueryLimits({})).toEqual(DEFAULT_QUERY_LIMITS);
    expect(readQueryLimits({ GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_ALIASES: '2', GRAPHQL_MAX_COST: '100' })).toEqual({
      ...DEFAULT_QUERY_LIMITS,
      maxDepth: 5,
      maxAliases: 2,
      maxCost: 100,
    });
  });

  it.each([['GRAPHQL_MAX_DEPTH', 'deep'], ['GRAPHQL_MAX_ALIASES', '-1'], ['GRAPHQL_MAX_COST', '0']])('refuses %s=%s naming it', (name, value) => {
    expect(() => readQueryLimits({ [name]: value })).toThrow(ConfigError);
    expect(() => readQueryLimits({ [name]: value })).toThrow(name);
  });
});

describe('the refusals keep their code through formatError', () => {
  it.each(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY'])('%s', (code) => {
    // Apollo Server wraps a validation error: code GRAPHQL_VALIDATION_FAILED, the rule's error as originalError.
    const rule = new GraphQLError('refused', { extensions: { code, limit: 1, actual: 2 } });
    const wrapped = new GraphQLError('refused', { originalError: rule, extensions: { ...rule.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted: GraphQLFormattedError = { message: 'refused', extensions: { ...wrapped.extensions, http: { status: 400 } } };
    expect(formatError(formatted, wrapped)).toEqual({ message: 'refused', extensions: { code, limit: 1, actual: 2 } });
  });

  it('RATE_LIMITED keeps retryAfterSeconds and drops http', () => {
    const error = new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3, http: { status: 429 } } });
    expect(formatError({ message: 'slow down', extensions: error.extensions }, error)).toEqual({ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } });
  });
});
