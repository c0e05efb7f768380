/**
 * The services as deployed: each entry point in a process of its own. Start-up with a bad
 * configuration, request ids in the logs of the gateway and of a subgraph, and a graceful shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { dropDatabases, ensureDatabases, freePort, provisionMunicipality } from '@nastavnik/infra';
import { AUTH, Role, TEST_DATABASE_URL } from './harness';
import { signToken } from '@nastavnik/platform';

const ROOT = join(__dirname, '..', '..');
const ENTRY = {
  participant: join(ROOT, 'services/participant/dist/main.js'),
  gateway: join(ROOT, 'gateway/dist/main.js'),
  worker: join(ROOT, 'workers/analytics/dist/main.js'),
};

interface Running {
  child: ChildProcess;
  /** Standard output and error, as they arrived. */
  output: () => string;
  exited: Promise<number | null>;
}

function run(entry: string, env: Record<string, string>): Running {
  // Only what the test names: no configuration of the test process leaks into the service.
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('start-up with a bad configuration', () => {
  it.each([
    ['a subgraph with a port that is not a number', ENTRY.participant, { PORT: 'forty', DATABASE_URL: 'postgres://127.0.0.1:1/none' }, 'participant failed to start: PORT must be an integer between 0 and 65535, got "forty"'],
    ['the gateway in production without JWT_SECRET', ENTRY.gateway, { NODE_ENV: 'production', GATEWAY_SECRET: 'g'.repeat(32) }, 'gateway failed to start: JWT_SECRET is required but not set'],
    [
      'the gateway in production without METRICS_TOKEN',
      ENTRY.gateway,
      { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), GATEWAY_SECRET: 'g'.repeat(32) },
      'gateway failed to start: METRICS_TOKEN is required in production: the gateway serves /metrics on its public port',
    ],
    [
      'the worker with a concurrency of zero',
      ENTRY.worker,
      { REDIS_URL: 'redis://127.0.0.1:6379', WORKER_CONCURRENCY: '0', PARTICIPANT_DATABASE_URL: 'postgres://127.0.0.1:1/p', PROGRAM_DATABASE_URL: 'postgres://127.0.0.1:1/r', MONITORING_DATABASE_URL: 'postgres://127.0.0.1:1/m' }, 'analytics worker failed to start: WORKER_CONCURRENCY must be an integer between 1'],
  ])('%s stops with one sentence and a non-zero exit', async (_case, entry, env, message) => {
    const service = run(entry, env);
    expect(await service.exited).not.toBe(0);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });
});

describe('a gateway and a subgraph as processes', () => {
  const database = `nastavnik_pr${process.pid}_${randomBytes(3).toString('hex')}_participant`;
  let participant: Running;
  let gateway: Running;
  let gatewayUrl: string;
  let office: string;

  beforeAll(async () => {
    const urls = await ensureDatabases(TEST_DATABASE_URL, [database]);
    const ports = { participant: await freePort(), gateway: await freePort() };
    const peers = {
      HOST: '127.0.0.1',
      PARTICIPANT_URL: `http://127.0.0.1:${ports.participant}/graphql`,
      // Not started: these tests ask only the participant service.
      PROGRAM_URL: `http://127.0.0.1:${await freePort()}/graphql`,
      MONITORING_URL: `http://127.0.0.1:${await freePort()}/graphql`,
    };
    participant = run(ENTRY.participant, { ...peers, PORT: String(ports.participant), DATABASE_URL: urls[database]! });
    gateway = run(ENTRY.gateway, { ...peers, PORT: String(ports.gateway) });
    await until(() => participant.output().includes('participant listening'), 'the participant service');
    await until(() => gateway.output().includes('gateway listening'), 'the gateway');
    gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    const municipalityId = crypto.randomUUID();
    await provisionMunicipality(urls[database]!, { id: municipalityId, name: 'Муниципалитет процессов' });
    office = await signToken({ userId: 'office-processes', role: Role.MUNICIPAL_ADMIN, municipalityId, schoolId: null, personId: null }, AUTH);
  }, 60_000);

  afterAll(async () => {
    for (const service of [gateway, participant]) {
      if (service && service.child.exitCode === null) {
        service.child.kill('SIGTERM');
        await service.exited;
      }
    }
    await dropDatabases(TEST_DATABASE_URL, [database]);
  });

  it('log one operation under the same request id in the gateway and in the subgraph', async () => {
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: 'query LoggedSchools { schools { id } }' }),
    });
    expect(response.status).toBe(200);
    const mine = (output: string) => logLines(output).filter((line) => line.requestId === requestId);
    await until(() => mine(gateway.output()).length > 0 && mine(participant.output()).length > 0, 'the log lines of the request');
    expect(mine(gateway.output())).toEqual([expect.objectContaining({ service: 'gateway', operationName: 'LoggedSchools', msg: 'graphql operation' })]);
    expect(mine(participant.output())).toEqual([expect.objectContaining({ service: 'participant', operationName: expect.stringMatching(/^LoggedSchools__participant__\d+$/), msg: 'graphql operation' })]);
  });

  it('run without the queue dashboard when REDIS_URL is not set, and say so', async () => {
    expect(logLines(gateway.output())).toContainEqual(expect.objectContaining({ service: 'gateway', msg: 'queue dashboard not mounted: REDIS_URL is not set' }));
    const response = await fetch(new URL('/admin/queues/api/queues', gatewayUrl), { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(404);
  });

  it('shut down on SIGTERM after the request in flight is answered, refusing new connections meanwhile', async () => {
    const body = Buffer.from(JSON.stringify({ query: 'query InFlight { schools { id } }' }));
    const url = new URL(gatewayUrl);
    let answered: (value: { status: number; text: string; connection?: string }) => void;
    const answer = new Promise<{ status: number; text: string; connection?: string }>((resolve) => (answered = resolve));
    const inFlight = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${office}` } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => answered({ status: response.statusCode ?? 0, text, connection: response.headers.connection }));
      },
    );
    // Half the body now: the request has started and is still arriving when the signal comes.
    inFlight.write(body.subarray(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));
    gateway.child.kill('SIGTERM');
    await until(() => gateway.output().includes('shutting down'), 'the gateway to start shutting down');
    await expect(fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).rejects.toThrow();
    expect(gateway.child.exitCode).toBeNull();

    inFlight.end(body.subarray(10));
    const { status, text, connection } = await answer;
    expect(status).toBe(200);
    // The client is told not to reuse the connection of a server that is going away.
    expect(connection).toBe('close');
    expect(JSON.parse(text)).toEqual({ data: { schools: [] } });
    expect(await gateway.exited).toBe(0);
  });
});
