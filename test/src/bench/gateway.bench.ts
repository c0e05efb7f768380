/**
 * `npm run bench:gateway`: three dashboard queries through the gateway and straight at the
 * subgraph(s), each service in a process of its own (as deployed). Prints throughput and p50/p99
 * latency of each, the gateway/direct ratios, the SQL statements per request at page sizes 10 and
 * 50, and response sizes with and without gzip. GraphQL `errors` count as failures.
 * Needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL) and Redis (BENCH_REDIS_URL or
 * TEST_REDIS_URL). BENCH_SECONDS (default 8) and BENCH_CONCURRENCY (default 16) tune the load.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dropDatabases, ensureDatabases, freePort, loadDemoData, provisionMunicipality, requestGraphQL } from '@nastavnik/infra';
import { readAuthConfig, Role, signToken } from '@nastavnik/platform';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PAGE = 20;
const ROUNDS = 4;
const AUTH = readAuthConfig({});
const SUBGRAPH_NAMES = ['participant', 'program', 'monitoring'] as const;
type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const QUERIES = {
  people: `query DashboardPeople($first: Int!) { people(page: { first: $first }) { totalCount nodes { id fullName position subjects schoolId } } }`,
  pairs: `query DashboardPairs($first: Int!) { pairs(page: { first: $first }) { totalCount nodes { id status startedOn mentor { id fullName position } } } }`,
  pairsMeasured: `query DashboardPairsMeasured($first: Int!) { pairs(page: { first: $first }) { totalCount nodes { id status startedOn mentor { id fullName position } measurements { parameterKey stage value } } } }`,
};

/** The requests the gateway sends for the pair queries (root, then entities), sent by hand. */
const SUBGRAPH_QUERIES = {
  pairsRoot: `query($first: Int!) { pairs(page: { first: $first }) { totalCount nodes { id status startedOn mentor { __typename id } } } }`,
  pairsMeasuredRoot: `query($first: Int!) { pairs(page: { first: $first }) { totalCount nodes { __typename id status startedOn mentor { __typename id } } } }`,
  mentors: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { fullName position } } }`,
  measurements: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Pair { measurements { parameterKey stage value } } } }`,
};

interface Answer {
  status: number;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: unknown[];
}

/** Posts one operation; throws on a non-200 answer or any GraphQL error (a failure of the iteration). */
async function graphql(url: string, query: string | undefined, variables: Record<string, unknown>, headers: Record<string, string>, extensions?: unknown): Promise<GraphQLBody> {
  const answer = await post(url, JSON.stringify({ query, variables, extensions }), headers);
  const body = JSON.parse(answer.text) as GraphQLBody;
  if (answer.status !== 200 || body.errors?.length || !body.data) throw new Error(`${answer.status} ${answer.text.slice(0, 300)}`);
  return body;
}

interface Figures {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
  firstError?: string;
  /** Milliseconds of CPU per request, by service. */
  cpuPerRequest: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

interface Sample {
  latencies: number[];
  failures: number;
  seconds: number;
  firstError?: string;
  /** CPU time (user + system) of each service process while the sample ran, in milliseconds. */
  cpu: Record<string, number>;
}

/** Runs `iteration` from CONCURRENCY loops for `seconds`, recording the services' CPU time meanwhile. */
async function sample(iteration: () => Promise<unknown>, seconds: number, cpu: () => Promise<Record<string, number>>): Promise<Sample> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  const cpuBefore = await cpu();
  const started = process.hrtime.bigint();
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < until) {
      const start = process.hrtime.bigint();
      try {
        await iteration();
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      } catch (error) {
        failures += 1;
        firstError ??= (error as Error).message;
      }
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = await cpu();
  return { latencies, failures, seconds: elapsed, firstError, cpu: Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, cpuAfter[name]! - cpuBefore[name]!])) };
}

function summarise(samples: Sample[]): Figures {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const cpu: Record<string, number> = {};
  for (const s of samples) for (const [name, ms] of Object.entries(s.cpu)) cpu[name] = (cpu[name] ?? 0) + ms;
  return {
    requests: latencies.length,
    failures: samples.reduce((sum, s) => sum + s.failures, 0),
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    firstError: samples.find((s) => s.firstError)?.firstError,
    cpuPerRequest: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, latencies.length ? ms / latencies.length : NaN])),
  };
}

function startService(name: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  // Services log one line per operation, as in production; the lines go nowhere here.
  const child = fork(join(__dirname, 'bench-service.js'), [name], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: process.env.BENCH_SERVICE_ARGS?.split(' ').filter(Boolean).map((arg) => arg.replace('{name}', name)) ?? [] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });
}

/** More pairs than the demo's 24, so a page of 50 is full: two mentors of capacity 10 and ten mentees per school. */
async function seedMorePairs(gatewayUrl: string, office: string): Promise<void> {
  const call = <T>(query: string, variables: Record<string, unknown>) => requestGraphQL<T>(gatewayUrl, query, variables, office);
  const { programs } = await call<{ programs: { nodes: { id: string; schoolId: string }[] } }>('{ programs(page: { first: 50 }) { nodes { id schoolId } } }', {});
  let n = 0;
  const person = async (schoolId: string, experienceYears: number) => {
    n += 1;
    const { createPerson } = await call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
      input: {
        schoolId,
        fullName: `Нагрузочная Анна Сергеевна ${n}`,
        position: 'Учитель',
        subjects: ['Математика'],
        pedagogicalExperienceSince: `${2025 - experienceYears}-09-01`,
        hiredOn: `${2025 - Math.min(experienceYears, 5)}-09-01`,
        qualificationCategory: 'NONE',
        birthYear: 2000 - experienceYears,
        email: `bench${n}.${schoolId.slice(0, 8)}@school.example`,
      },
    });
    // Taking part in the programme and being measured need the person's consents.
    for (const scope of ['PERSONAL_DATA', 'MONITORING', 'PSYCHOLOGICAL_DIAGNOSTICS']) {
      await call('mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', { input: { personId: createPerson.id, scope, givenOn: '2025-08-20' } });
    }
    return createPerson.id;
  };
  for (const program of programs.nodes) {
    const mentors: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const personId = await person(program.schoolId, 20);
      const { openMentorProfile } = await call<{ openMentorProfile: { id: string } }>('mutation($input: OpenMentorProfileInput!) { openMentorProfile(input: $input) { id } }', {
        input: { personId, kind: 'EXPERIENCED_TEACHER', subjects: ['Математика'], competences: ['Методическое сопровождение'], capacity: 10, interviewOn: '2025-08-27', interviewResult: 'PASSED', trainingCompletedOn: '2025-09-05', openedOn: '2025-08-25' },
      });
      await call('mutation($input: ChangeMentorStatusInput!) { changeMentorStatus(input: $input) { id } }', { input: { profileId: openMentorProfile.id, status: 'ACTIVE', changedOn: '2025-09-05' } });
      mentors.push(personId);
    }
    for (let i = 0; i < 10; i += 1) {
      const personId = await person(program.schoolId, 1);
      await call('mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { id } }', { input: { personId, categories: [], requests: ['Помощь в подготовке к урокам'], deficits: ['Классное руководство'], openedOn: '2025-09-01' } });
      const { formPair } = await call<{ formPair: { id: string } }>('mutation($input: FormPairInput!) { formPair(input: $input) { id } }', {
        input: { programId: program.id, mentorId: mentors[i % 2], menteeIds: [personId], subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', orderNumber: '120-од', orderDate: '2025-09-10' },
      });
      await call('mutation($id: ID!, $on: String) { startPair(id: $id, startedOn: $on) { id } }', { id: formPair.id, on: '2025-09-15' });
      await call('mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }', {
        input: { personId, programId: program.id, parameterKey: 'adaptation', stage: 'BEFORE', value: 2, measuredOn: '2025-09-12', source: 'DIRECT_ENTRY' },
      });
    }
  }
}

const format = (value: number, digits = 1) => value.toFixed(digits);

async function main(): Promise<void> {
  const run = `nastavnik_gb${process.pid}_${randomBytes(3).toString('hex')}`;
  const names: Record<SubgraphName, string> = { participant: `${run}_participant`, program: `${run}_program`, monitoring: `${run}_monitoring` };
  const urls = await ensureDatabases(DATABASE_URL, Object.values(names));
  const ports = { participant: await freePort(), program: await freePort(), monitoring: await freePort(), gateway: await freePort() };
  const peers = {
    HOST: '127.0.0.1',
    PARTICIPANT_URL: `http://127.0.0.1:${ports.participant}/graphql`,
    PROGRAM_URL: `http://127.0.0.1:${ports.program}/graphql`,
    MONITORING_URL: `http://127.0.0.1:${ports.monitoring}/graphql`,
    // The benchmark measures speed, not the per-caller budget.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const reportsDir = join(tmpdir(), run);
  const services: Partial<Record<SubgraphName | 'gateway', { child: ChildProcess; url: string }>> = {};
  try {
    for (const name of SUBGRAPH_NAMES) {
      const extra: Record<string, string> = name === 'monitoring' ? { REDIS_URL, QUEUE_PREFIX: `nastavnik-${run}`, REPORTS_DIR: reportsDir } : {};
      services[name] = await startService(name, { ...peers, ...extra, PORT: String(ports[name]), DATABASE_URL: urls[names[name]]! });
    }
    services.gateway = await startService('gateway', { ...peers, PORT: String(ports.gateway) });
    const gatewayUrl = services.gateway.url;

    const municipalityId = randomUUID();
    await provisionMunicipality(urls[names.participant]!, { id: municipalityId, name: 'Нагрузочный муниципалитет' });
    const office = await signToken({ userId: 'bench-office', role: Role.MUNICIPAL_ADMIN, municipalityId, schoolId: null, personId: null }, AUTH);
    console.log('Seeding the demo municipality through the gateway ...');
    await loadDemoData(gatewayUrl, office);
    await seedMorePairs(gatewayUrl, office);

    const clientHeaders = { authorization: `Bearer ${office}` };
    const subgraphHeaders = { authorization: `Bearer ${office}`, 'x-gateway-secret': AUTH.gatewaySecret };
    const subgraphUrl = (name: SubgraphName) => services[name]!.url;
    const viaGateway = (query: string, first = PAGE) => () => graphql(gatewayUrl, query, { first }, clientHeaders);

    const direct = {
      people: (first = PAGE) => () => graphql(subgraphUrl('participant'), QUERIES.people, { first }, subgraphHeaders),
      pairs: (first = PAGE) => async () => {
        const root = await graphql(subgraphUrl('program'), SUBGRAPH_QUERIES.pairsRoot, { first }, subgraphHeaders);
        const mentors = uniqueRefs(root.data!.pairs.nodes.map((pair: { mentor: unknown }) => pair.mentor));
        await graphql(subgraphUrl('participant'), SUBGRAPH_QUERIES.mentors, { representations: mentors }, subgraphHeaders);
      },
      pairsMeasured: (first = PAGE) => async () => {
        const root = await graphql(subgraphUrl('program'), SUBGRAPH_QUERIES.pairsMeasuredRoot, { first }, subgraphHeaders);
        const nodes = root.data!.pairs.nodes as { __typename: string; id: string; mentor: unknown }[];
        await graphql(subgraphUrl('participant'), SUBGRAPH_QUERIES.mentors, { representations: uniqueRefs(nodes.map((pair) => pair.mentor)) }, subgraphHeaders);
        await graphql(subgraphUrl('monitoring'), SUBGRAPH_QUERIES.measurements, { representations: nodes.map(({ __typename, id }) => ({ __typename, id })) }, subgraphHeaders);
      },
    };

    // Every form answers before any load: a broken query is a failure, not a fast benchmark.
    // The first request of an operation is planned, parsed and validated; later ones reuse the cached plan and document.
    const firstRequests: string[] = [];
    for (const [name, query] of Object.entries(QUERIES)) {
      const times: number[] = [];
      for (let i = 0; i < 2; i += 1) {
        const start = process.hrtime.bigint();
        await viaGateway(query)();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      firstRequests.push(`${name} ${format(times[0]!)} ms, then ${format(times[1]!)} ms`);
    }
    for (const iteration of Object.values(direct)) await iteration()();

    const apqHash = createHash('sha256').update(QUERIES.people).digest('hex');
    const apq = { persistedQuery: { version: 1, sha256Hash: apqHash } };
    const notFound = await post(gatewayUrl, JSON.stringify({ variables: { first: PAGE }, extensions: apq }), clientHeaders);
    const registered = await graphql(gatewayUrl, QUERIES.people, { first: PAGE }, clientHeaders, apq);
    const apqState = `hash alone before registration: ${JSON.parse(notFound.text).errors?.[0]?.extensions?.code}; after: ${registered.data ? 'data' : 'error'}`;

    const cpu = async () => {
      const usage: Record<string, number> = {};
      for (const [name, service] of Object.entries(services)) {
        const { cpu: used } = await ask<{ cpu: NodeJS.CpuUsage }>(service!.child, 'cpu');
        usage[name] = (used.user + used.system) / 1000;
      }
      return usage;
    };
    const rows: { label: string; gateway: Figures; direct: Figures }[] = [];
    // Gateway and direct runs alternate in short rounds, so a neighbour's load on the machine falls on both.
    const measure = async (label: string, gateway: () => Promise<unknown>, straight: () => Promise<unknown>) => {
      const samples = { gateway: [] as Sample[], direct: [] as Sample[] };
      for (let round = 0; round < ROUNDS; round += 1) {
        samples.direct.push(await sample(straight, SECONDS / ROUNDS, cpu));
        samples.gateway.push(await sample(gateway, SECONDS / ROUNDS, cpu));
      }
      rows.push({ label, gateway: summarise(samples.gateway), direct: summarise(samples.direct) });
      console.log(`  measured ${label}`);
    };
    // JIT warm-up of every path on every process before anything is counted.
    for (const iteration of [viaGateway(QUERIES.people), viaGateway(QUERIES.pairs), viaGateway(QUERIES.pairsMeasured), direct.people(), direct.pairs(), direct.pairsMeasured()]) {
      await sample(iteration, 2, cpu);
    }
    console.log(`Load: ${CONCURRENCY} concurrent clients, ${SECONDS} s per measurement, page of ${PAGE}`);
    await measure('one subgraph (people)', viaGateway(QUERIES.people), direct.people());
    await measure('two subgraphs (pairs + mentor)', viaGateway(QUERIES.pairs), direct.pairs());
    await measure('three subgraphs (+ measurements)', viaGateway(QUERIES.pairsMeasured), direct.pairsMeasured());
    await measure(
      'one subgraph, APQ hash only',
      () => graphql(gatewayUrl, undefined, { first: PAGE }, clientHeaders, apq),
      direct.people(),
    );

    console.log('\nquery                               | gateway req/s  p50 ms  p99 ms | direct req/s  p50 ms  p99 ms | ratio');
    for (const { label, gateway, direct: straight } of rows) {
      console.log(
        `${label.padEnd(36)}| ${format(gateway.perSecond).padStart(12)} ${format(gateway.p50).padStart(7)} ${format(gateway.p99).padStart(7)} | ${format(straight.perSecond).padStart(12)} ${format(straight.p50).padStart(7)} ${format(straight.p99).padStart(7)} | ${format(gateway.perSecond / straight.perSecond, 2)}`,
      );
      const subgraphCpu = (figures: Figures) => SUBGRAPH_NAMES.reduce((sum, name) => sum + (figures.cpuPerRequest[name] ?? 0), 0);
      console.log(
        `${''.padEnd(36)}  CPU per request: gateway ${format(gateway.cpuPerRequest.gateway ?? NaN, 2)} ms + subgraphs ${format(subgraphCpu(gateway), 2)} ms; direct: subgraphs ${format(subgraphCpu(straight), 2)} ms`,
      );
      for (const [side, figures] of [['gateway', gateway], ['direct', straight]] as const) {
        if (figures.failures) console.log(`  ${side}: ${figures.failures} failed, first: ${figures.firstError}`);
      }
    }
    console.log(`APQ: ${apqState}`);
    console.log(`First request of each operation through the gateway, then the second: ${firstRequests.join('; ')}`);

    console.log('\nSQL statements per request (all subgraphs) and answer sizes through the gateway');
    const statements = async () => {
      let total = 0;
      for (const name of SUBGRAPH_NAMES) total += (await ask<{ statements: number }>(services[name]!.child, 'statements')).statements;
      return total;
    };
    for (const [name, query] of Object.entries(QUERIES)) {
      const line: string[] = [];
      for (const first of [10, 50]) {
        const before = await statements();
        const answer = await post(gatewayUrl, JSON.stringify({ query, variables: { first } }), clientHeaders);
        const count = (await statements()) - before;
        const raw = Buffer.from(answer.text);
        const start = process.hrtime.bigint();
        const gzipped = gzipSync(raw);
        const gzipMs = Number(process.hrtime.bigint() - start) / 1e6;
        const nodes = (JSON.parse(answer.text) as GraphQLBody).data?.[name === 'people' ? 'people' : 'pairs']?.nodes?.length;
        line.push(`page ${first} (${nodes} rows): ${count} statements, ${raw.length} B, gzip ${gzipped.length} B in ${format(gzipMs, 2)} ms`);
      }
      console.log(`  ${name.padEnd(14)} ${line.join('; ')}`);
    }
  } finally {
    for (const service of Object.values(services).reverse()) {
      service.child.send('stop');
      await new Promise((resolve) => service.child.once('exit', resolve));
    }
    agent.destroy();
    await dropDatabases(DATABASE_URL, Object.values(names));
    await rm(reportsDir, { recursive: true, force: true });
  }
}

function uniqueRefs(refs: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const ref of refs) seen.set(JSON.stringify(ref), ref);
  return [...seen.values()];
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
