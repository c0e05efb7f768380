import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import pino from 'pino';
import { Role, signToken } from './auth';
import { readAuthConfig } from './config';
import { createGraphQLMetrics, MAX_OPERATION_NAMES, OperationNames, registerPoolMetrics, Registry, requestLogPlugin } from './metrics';
import { subgraphContext } from './subgraph';

describe('operation names as a metric label', () => {
  it('keeps the first names, counts unnamed operations as anonymous and later new names as other', () => {
    const names = new OperationNames(3);
    expect(names.label(undefined)).toBe('anonymous');
    expect(names.label(null)).toBe('anonymous');
    expect(names.label('')).toBe('anonymous');
    expect(['A', 'B', 'C'].map((name) => names.label(name))).toEqual(['A', 'B', 'C']);
    expect(names.label('D')).toBe('other');
    // Names seen before the cap stay themselves.
    expect(names.label('A')).toBe('A');
    expect(names.label('C')).toBe('C');
    expect(names.label('E')).toBe('other');
  });

  it('caps at 200 distinct names by default', () => {
    const names = new OperationNames();
    const labels = Array.from({ length: MAX_OPERATION_NAMES + 50 }, (_, index) => names.label(`Op${index}`));
    expect(new Set(labels).size).toBe(MAX_OPERATION_NAMES + 1);
    expect(labels.slice(MAX_OPERATION_NAMES).every((label) => label === 'other')).toBe(true);
  });
});

describe('database pool gauges', () => {
  it('read the pool at scrape time', async () => {
    const registry = new Registry();
    const pool = { totalCount: 3, idleCount: 2, waitingCount: 0 };
    registerPoolMetrics(registry, () => pool);
    pool.waitingCount = 4;
    const text = await registry.metrics();
    expect(text).toMatch(/^db_pool_connections 3$/m);
    expect(text).toMatch(/^db_pool_idle_connections 2$/m);
    expect(text).toMatch(/^db_pool_waiting_clients 4$/m);
  });
});

describe('subgraph request context', () => {
  it('carries the request id the gateway forwarded, also on its log lines', async () => {
    const auth = readAuthConfig({});
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const token = await signToken({ userId: 'u-1', role: Role.MUNICIPAL_ADMIN, municipalityId: '11111111-1111-4111-8111-111111111111', schoolId: null, personId: null }, auth);
    const context = await subgraphContext({ 'x-gateway-secret': auth.gatewaySecret, authorization: `Bearer ${token}`, 'x-request-id': 'req-42' }, 'req-42', auth, log);
    expect(context.requestId).toBe('req-42');
    context.log.info('resolving');
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: 'req-42', userId: 'u-1', msg: 'resolving' });
  });
});

describe('GraphQL plugins', () => {
  it('count and time operations, count errors by code and log one line per operation with its request id', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const metrics = createGraphQLMetrics(1);
    const server = new ApolloServer<{ requestId: string }>({
      schema: buildSchema('type Query { ok: Boolean, refused: Boolean }'),
      rootValue: { ok: () => true, refused: () => { throw new GraphQLError('no', { extensions: { code: 'NOT_FOUND' } }); } },
      plugins: [metrics.plugin, requestLogPlugin(log)],
    });
    await server.start();
    try {
      await server.executeOperation({ query: 'query First { ok }' }, { contextValue: { requestId: 'r-1' } });
      await server.executeOperation({ query: 'query Second { refused }' }, { contextValue: { requestId: 'r-2' } });
      await server.executeOperation({ query: '{ ok }' }, { contextValue: { requestId: 'r-3' } });
    } finally {
      await server.stop();
    }
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^graphql_requests_total\{operation="First"\} 1$/m);
    expect(text).toMatch(/^graphql_requests_total\{operation="other"\} 1$/m);
    expect(text).toMatch(/^graphql_requests_total\{operation="anonymous"\} 1$/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="First"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="NOT_FOUND"\} 1$/m);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map(({ requestId, operationName, errors }) => ({ requestId, operationName, errors }))).toEqual([
      { requestId: 'r-1', operationName: 'First', errors: undefined },
      { requestId: 'r-2', operationName: 'Second', errors: ['NOT_FOUND'] },
      { requestId: 'r-3', operationName: null, errors: undefined },
    ]);
    expect(logged.every((line) => typeof line.durationMs === 'number' && line.msg === 'graphql operation')).toBe(true);
  });
});
