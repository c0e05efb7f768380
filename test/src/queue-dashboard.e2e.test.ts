import { ANALYTICS_QUEUE, ERASURE_FOLLOWERS, erasureQueueName, PERSONAL_DATA_QUEUE, REPORT_TRIGGERS_QUEUE } from '@nastavnik/platform';
import { Queue } from 'bullmq';
import { Role, startSystem, TEST_REDIS_URL, type TestSystem } from './harness';

let system: TestSystem;
let office: string;
let dashboard: string;

beforeAll(async () => {
  system = await startSystem({ queueDashboard: true });
  office = await system.token(Role.MUNICIPAL_ADMIN);
  dashboard = new URL('/admin/queues', system.gatewayUrl).href;
});

afterAll(async () => {
  const queue = new Queue(ANALYTICS_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: system.workerEnv.QUEUE_PREFIX });
  await queue.obliterate({ force: true });
  await queue.close();
  await system?.stop();
});

const basic = (password: string) => `Basic ${Buffer.from(`office:${password}`).toString('base64')}`;

describe('the queue dashboard at /admin/queues', () => {
  it('asks a caller without credentials to sign in with Basic', async () => {
    for (const path of ['', '/api/queues']) {
      const response = await fetch(`${dashboard}${path}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"/);
    }
  });

  it('refuses an invalid token with 401 and any role but the municipal office with 403', async () => {
    expect((await fetch(`${dashboard}/api/queues`, { headers: { authorization: basic('not-a-token') } })).status).toBe(401);
    const curator = await system.token(Role.CURATOR, crypto.randomUUID());
    for (const authorization of [`Bearer ${curator}`, basic(curator)]) {
      const response = await fetch(`${dashboard}/api/queues`, { headers: { authorization } });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('shows the office every queue, with a job a report request queued, by Basic or Bearer', async () => {
    const { requestReport } = await system.request<{ requestReport: { id: string } }>(
      'mutation($input: RequestReportInput!) { requestReport(input: $input) { id } }',
      { input: { scope: { kind: 'MUNICIPALITY', id: system.municipalityId }, academicYear: '2025/2026' } },
      office,
    );
    expect(requestReport.id).toBeTruthy();
    const response = await fetch(`${dashboard}/api/queues?activeQueue=${ANALYTICS_QUEUE}&status=waiting`, { headers: { authorization: basic(office) } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual([ANALYTICS_QUEUE, REPORT_TRIGGERS_QUEUE, PERSONAL_DATA_QUEUE, ...ERASURE_FOLLOWERS.map(erasureQueueName)].sort());
    expect(body.queues.find((queue) => queue.name === ANALYTICS_QUEUE)!.counts.waiting).toBeGreaterThanOrEqual(1);

    const page = await fetch(dashboard, { headers: { authorization: `Bearer ${office}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses a change to a queue sent from another site, and makes it from the dashboard', async () => {
    const pause = `${dashboard}/api/queues/${REPORT_TRIGGERS_QUEUE}/pause`;
    const foreign = await fetch(pause, { method: 'PUT', headers: { authorization: basic(office), origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const queue = new Queue(REPORT_TRIGGERS_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: system.workerEnv.QUEUE_PREFIX });
    try {
      expect(await queue.isPaused()).toBe(false);
      const own = await fetch(pause, { method: 'PUT', headers: { authorization: basic(office), origin: new URL(system.gatewayUrl).origin } });
      expect(own.status).toBe(200);
      expect(await queue.isPaused()).toBe(true);
      await queue.resume();
    } finally {
      await queue.close();
    }
  });
});
