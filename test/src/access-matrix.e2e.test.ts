import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ACCESS_MATRIX_PATH, renderAccessMatrix, SUBGRAPHS, subgraphSdl } from '@nastavnik/gateway';
import { postGraphQL } from '@nastavnik/infra';
import { permissionOf, Role, type SubgraphDefinition } from '@nastavnik/platform';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { AUTH, startSystem, type TestSystem } from './harness';
import { createSchool } from './fixtures';

/**
 * One test per refused cell of the access matrix: the operation, called by that role with
 * well-formed arguments, is refused with FORBIDDEN — straight at the subgraph and through the gateway.
 * The arguments point at nothing, so a refusal can only come from the matrix, never from a lookup.
 */

/** A value of the input type that GraphQL accepts; only required input fields are filled. */
function sampleValue(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sampleValue(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  switch (nullable.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return '2025-09-01';
  }
}

interface Cell {
  subgraph: SubgraphDefinition;
  operation: 'Query' | 'Mutation';
  name: string;
  role: Role;
}

/** Every refused cell, read from the matrices themselves (a subgraph refuses to start if they miss an operation). */
const REFUSED: Cell[] = SUBGRAPHS.flatMap((subgraph) =>
  (['Query', 'Mutation'] as const).flatMap((operation) =>
    Object.entries(subgraph.access[operation]).flatMap(([name, rule]) =>
      Object.values(Role)
        .filter((role) => permissionOf(rule, role) === 'deny')
        .map((role) => ({ subgraph, operation, name, role })),
    ),
  ),
);

function callOf(cell: Cell, field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const argumentList = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned) || isAbstractType(returned) ? ' { __typename }' : '';
  return {
    query: `${cell.operation.toLowerCase()} Matrix_${cell.name}${declarations ? `(${declarations})` : ''} { ${cell.name}${argumentList ? `(${argumentList})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

describe('the access matrix', () => {
  let system: TestSystem;
  let schoolId: string;
  const tokens = new Map<Role, string>();
  const schemas = new Map<string, GraphQLSchema>();

  beforeAll(async () => {
    system = await startSystem({ gatewayEnv: { RATE_LIMIT_PER_MINUTE: '100000' } });
    schoolId = await createSchool(system, await system.token(Role.MUNICIPAL_ADMIN), 'Школа матрицы');
    for (const role of Object.values(Role)) {
      tokens.set(role, await system.token(role, role === Role.MUNICIPAL_ADMIN ? null : schoolId, randomUUID()));
    }
    for (const subgraph of SUBGRAPHS) schemas.set(subgraph.name, buildASTSchema(parse(await subgraphSdl(subgraph)), { assumeValidSDL: true }));
  });
  afterAll(() => system?.stop());

  it('is committed as printed from the rules the subgraphs enforce', async () => {
    expect(await readFile(ACCESS_MATRIX_PATH, 'utf8')).toBe(renderAccessMatrix(SUBGRAPHS));
  });

  it('refuses something to every role', () => {
    expect(new Set(REFUSED.map((cell) => cell.role))).toEqual(new Set(Object.values(Role)));
    expect(new Set(REFUSED.map((cell) => cell.subgraph.name))).toEqual(new Set(SUBGRAPHS.map((subgraph) => subgraph.name)));
  });

  it.each(REFUSED.map((cell) => [`${cell.subgraph.name} ${cell.operation}.${cell.name}`, cell.role, cell] as const))(
    '%s refuses %s with FORBIDDEN, at the subgraph and through the gateway',
    async (_operation, role, cell) => {
      const field = schemas.get(cell.subgraph.name)![cell.operation === 'Query' ? 'getQueryType' : 'getMutationType']()!.getFields()[cell.name];
      const { query, variables } = callOf(cell, field);
      const token = tokens.get(role)!;
      const running = system[cell.subgraph.name as 'participant' | 'program' | 'monitoring'];
      const direct = await postGraphQL(running.url, query, variables, token, { 'x-gateway-secret': AUTH.gatewaySecret });
      const viaGateway = await system.post(query, variables, token);
      for (const answer of [direct.body, viaGateway.body]) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((answer.data as Record<string, unknown> | null | undefined)?.[cell.name] ?? null).toBeNull();
      }
    },
  );
});
