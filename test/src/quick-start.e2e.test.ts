import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@nastavnik/infra';

/**
 * The README's first command as a user runs it: `npm start` with no DATABASE_URL and no REDIS_URL
 * (embedded PGlite, a Redis it starts itself), demo data loaded, a municipality report built and
 * downloaded, and Ctrl-C stopping everything. PGlite serves one transaction at a time, so this is
 * where an overlap of reads that PostgreSQL tolerates would hang.
 */
jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');

describe('npm start', () => {
  let child: ChildProcess;
  let output = '';
  let folder: string;
  let gateway: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'nastavnik-quick-start-'));
    const ports = Object.fromEntries(
      await Promise.all(['GATEWAY_PORT', 'PARTICIPANT_PORT', 'PROGRAM_PORT', 'MONITORING_PORT', 'WORKER_PORT'].map(async (name) => [name, String(await freePort())])),
    );
    gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}`;
    const env: Record<string, string | undefined> = { ...process.env, ...ports, NASTAVNIK_DATA_DIR: join(folder, 'pglite'), REPORTS_DIR: join(folder, 'reports'), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    // Its own process group, so a failed test can take down the services and the Redis it started too.
    child = spawn(process.execPath, [join(ROOT, 'infra', 'dist', 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!output.includes('Press Ctrl-C')) {
      if (child.exitCode !== null || Date.now() - started > 180_000) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  afterAll(async () => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone: the test stopped it.
      }
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('loads the demo, builds and serves a municipality report, and stops on Ctrl-C', async () => {
    expect(output).toMatch(/demo data: 3 schools, 45 people, 24 pairs, 120 measurements/);
    const office = /Municipal office token \(12 h\):\s+(\S+)/.exec(output)![1]!;
    const municipalityId = JSON.parse(Buffer.from(office.split('.')[1]!, 'base64url').toString()).mun as string;
    const post = async <T>(query: string): Promise<T> => {
      const response = await fetch(`${gateway}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { data: T; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const { requestReport } = await post<{ requestReport: { id: string } }>(
      `mutation { requestReport(input: { scope: { kind: MUNICIPALITY, id: "${municipalityId}" }, academicYear: "2025/2026" }) { id } }`,
    );
    let report = { status: 'QUEUED', downloadPath: null as string | null };
    for (let attempt = 0; attempt < 120 && !['COMPLETED', 'FAILED'].includes(report.status); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      report = (await post<{ report: typeof report }>(`{ report(id: "${requestReport.id}") { status downloadPath } }`)).report;
    }
    expect(report.status).toBe('COMPLETED');
    const file = await fetch(`${gateway}${report.downloadPath}`, { headers: { authorization: `Bearer ${office}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
