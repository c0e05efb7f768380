import { startAnalyticsWorker, type RunningWorker } from '@nastavnik/analytics';
import { postGraphQL } from '@nastavnik/infra';
import ExcelJS from 'exceljs';
import { answersFor, createCampaign, createMentee, createMentorWith, createProgramAt, createSchool, QUESTION_FIELDS, shippedQuestionnaireVersion, startedPair, type QuestionShape } from './fixtures';
import { AUTH, Role, startSystem, type TestSystem } from './harness';
import { refusal } from './refusals';

/**
 * Who reads what of monitoring. Per-person answers, values and psychological results: the school's
 * curator and psychologist and the person themself, nobody else — through root queries, nested
 * fields and `_entities` straight at the subgraph. Aggregates: small groups (under 5 people)
 * suppressed for the office and a school's administration, shown to the curator; workbooks name
 * nobody and show «скрыто: меньше 5 человек».
 */

let system: TestSystem;
let worker: RunningWorker | undefined;
let office: string;
let schoolA: string;
let schoolB: string;
let curatorA: string;
let psychologistA: string;
let schoolAdminA: string;
let psychologistB: string;
let curatorB: string;
let programA: string;
let programB: string;
let mentorA: string;
const menteesA: string[] = [];
const menteesB: string[] = [];
const pairsA: string[] = [];
let campaignA: string;
let campaignB: string;
let responseOfFirst: string;
let mentorToken: string;
let otherMenteeToken: string;
let firstMenteeToken: string;

const HIDDEN = 'скрыто: меньше 5 человек';

async function school(name: string, mentees: number, into: string[], pairs: string[] = []) {
  const schoolId = await createSchool(system, office, name);
  const curator = await system.token(Role.CURATOR, schoolId);
  const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
  const mentor = await createMentorWith(system, curator, schoolId, { capacity: 6 });
  for (let index = 0; index < mentees; index += 1) {
    const mentee = await createMentee(system, curator, schoolId, 1);
    into.push(mentee);
    pairs.push(await startedPair(system, curator, programId, mentor, [mentee]));
    for (const [stage, value, on] of [['BEFORE', 2, '2025-09-12'], ['AFTER', 3 + (index % 2), '2026-05-20']] as const) {
      await system.request(
        'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
        { input: { personId: mentee, programId, parameterKey: 'motivation', stage, value, measuredOn: on } },
        curator,
      );
    }
  }
  return { schoolId, curator, programId, mentor };
}

async function answeredCampaign(curator: string, schoolId: string, programId: string, mentees: string[]): Promise<{ campaignId: string; firstResponse: string }> {
  const versionId = await shippedQuestionnaireVersion(system, curator, 'stage1_mentee', 'STAGE1_PROCESS');
  const { questionnaireVersion } = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: versionId }, curator);
  const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: versionId });
  let firstResponse = '';
  for (const mentee of mentees) {
    const submitted = await system.request<{ submitResponse: { id: string } }>(
      'mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id } }',
      { input: { campaignId, answers: answersFor(questionnaireVersion.questions) } },
      await system.token(Role.MENTEE, schoolId, mentee),
    );
    firstResponse ||= submitted.submitResponse.id;
  }
  return { campaignId, firstResponse };
}

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  const a = await school('Школа доступа А', 4, menteesA, pairsA);
  const b = await school('Школа доступа Б', 5, menteesB);
  ({ schoolId: schoolA, curator: curatorA, programId: programA, mentor: mentorA } = a);
  ({ schoolId: schoolB, curator: curatorB, programId: programB } = b);
  psychologistA = await system.token(Role.PSYCHOLOGIST, schoolA);
  schoolAdminA = await system.token(Role.SCHOOL_ADMIN, schoolA);
  psychologistB = await system.token(Role.PSYCHOLOGIST, schoolB);
  mentorToken = await system.token(Role.MENTOR, schoolA, mentorA);
  firstMenteeToken = await system.token(Role.MENTEE, schoolA, menteesA[0]!);
  otherMenteeToken = await system.token(Role.MENTEE, schoolA, menteesA[1]!);
  ({ campaignId: campaignA, firstResponse: responseOfFirst } = await answeredCampaign(curatorA, schoolA, programA, menteesA));
  ({ campaignId: campaignB } = await answeredCampaign(curatorB, schoolB, programB, menteesB));
  await system.request(
    'mutation($input: RecordCompatibilityInput!) { recordCompatibilityResult(input: $input) { id } }',
    { input: { mentorId: mentorA, menteeId: menteesA[0], score: 71, testedOn: '2025-09-05', conclusion: 'Совместимы' } },
    psychologistA,
  );
  await system.request(
    'mutation($input: RecordSatisfactionCheckInput!) { recordSatisfactionCheck(input: $input) { id } }',
    { input: { pairId: pairsA[0], personId: menteesA[0], satisfaction: 8, checkedOn: '2025-12-01' } },
    psychologistA,
  );
});

afterAll(async () => {
  await worker?.close();
  await system?.stop();
});

const NESTED = `query($program: ID!) { program(id: $program) {
  measurements { value }
  pairs { measurements { value } satisfactionChecks { satisfaction } mentees { id measurements { value } responses { id } } }
} }`;

interface Nested {
  program: {
    measurements: unknown[];
    pairs: { measurements: unknown[]; satisfactionChecks: unknown[]; mentees: { id: string; measurements: unknown[]; responses: unknown[] }[] }[];
  } | null;
}

/** Every per-person record of the first mentee of school A reachable through nested fields. */
async function nestedRecords(token: string): Promise<{ programValues: number; pairValues: number; checks: number; personValues: number; responses: number }> {
  const { body } = await system.post<Nested>(NESTED, { program: programA }, token);
  expect(body.errors).toBeUndefined();
  const program = body.data!.program!;
  // A mentor or mentee outside the pair does not see the pair at all (their own pairs only): nothing reachable.
  const pair = program.pairs.find((p) => p.mentees.some((m) => m.id === menteesA[0]));
  if (!pair) return { programValues: program.measurements.length, pairValues: 0, checks: 0, personValues: 0, responses: 0 };
  const mentee = pair.mentees.find((m) => m.id === menteesA[0])!;
  return { programValues: program.measurements.length, pairValues: pair.measurements.length, checks: pair.satisfactionChecks.length, personValues: mentee.measurements.length, responses: mentee.responses.length };
}

/** Straight at the monitoring subgraph, as the gateway would ask it. */
async function entities(token: string) {
  const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on Person { measurements { value } responses { id } }
    ... on Pair { measurements { value } satisfactionChecks { satisfaction } }
    ... on MentoringProgram { measurements { value } }
  } }`;
  const representations = [
    { __typename: 'Person', id: menteesA[0] },
    { __typename: 'Pair', id: pairsA[0] },
    { __typename: 'MentoringProgram', id: programA },
  ];
  const answer = await postGraphQL<{ _entities: Record<string, unknown[]>[] }>(system.monitoring.url, query, { reps: representations }, token, { 'x-gateway-secret': AUTH.gatewaySecret });
  expect(answer.body.errors).toBeUndefined();
  const [person, pair, program] = answer.body.data!._entities;
  return {
    personValues: person!.measurements!.length,
    responses: person!.responses!.length,
    pairValues: pair!.measurements!.length,
    checks: pair!.satisfactionChecks!.length,
    programValues: program!.measurements!.length,
  };
}

describe('per-person records', () => {
  const refused = () => [
    ['the office', office],
    ['the school administration', schoolAdminA],
    ['the mentor (not their own)', mentorToken],
    ['another mentee', otherMenteeToken],
  ] as const;

  it('the school’s curator and psychologist read everything of the first mentee, nested and through _entities', async () => {
    for (const token of [curatorA, psychologistA]) {
      expect(await nestedRecords(token)).toEqual({ programValues: 8, pairValues: 2, checks: 1, personValues: 2, responses: 1 });
      expect(await entities(token)).toEqual({ personValues: 2, responses: 1, pairValues: 2, checks: 1, programValues: 8 });
      const { response } = await system.request<{ response: { answers: unknown[] } }>('query($id: ID!) { response(id: $id) { answers { questionKey } } }', { id: responseOfFirst }, token);
      expect(response.answers.length).toBeGreaterThan(0);
      const { compatibilityResults } = await system.request<{ compatibilityResults: { score: number }[] }>('query($id: ID!) { compatibilityResults(menteeId: $id) { score } }', { id: menteesA[0] }, token);
      expect(compatibilityResults).toEqual([{ score: 71 }]);
    }
  });

  it('the mentee reads their own values, response with answers, compatibility and satisfaction', async () => {
    expect(await nestedRecords(firstMenteeToken)).toEqual({ programValues: 2, pairValues: 2, checks: 1, personValues: 2, responses: 1 });
    expect(await entities(firstMenteeToken)).toEqual({ personValues: 2, responses: 1, pairValues: 2, checks: 1, programValues: 2 });
    const { response } = await system.request<{ response: { answers: unknown[] } }>('query($id: ID!) { response(id: $id) { answers { questionKey } } }', { id: responseOfFirst }, firstMenteeToken);
    expect(response.answers.length).toBeGreaterThan(0);
    const { compatibilityResults } = await system.request<{ compatibilityResults: { score: number }[] }>('query($id: ID!) { compatibilityResults(menteeId: $id) { score } }', { id: menteesA[0] }, firstMenteeToken);
    expect(compatibilityResults).toEqual([{ score: 71 }]);
  });

  it('nested fields and _entities give the office, the administration, the mentor and another mentee none of the first mentee’s records', async () => {
    for (const [who, token] of refused()) {
      const nested = await nestedRecords(token);
      const direct = await entities(token);
      // A participant's own records are theirs; the first mentee's are nowhere.
      const own = token === otherMenteeToken ? 2 : 0;
      expect({ who, ...nested }).toEqual({ who, programValues: own, pairValues: 0, checks: 0, personValues: 0, responses: 0 });
      expect({ who, ...direct }).toEqual({ who, personValues: 0, responses: 0, pairValues: 0, checks: 0, programValues: own });
    }
  });

  it('root queries refuse them: FORBIDDEN for the office and the administration, nothing of another for participants', async () => {
    for (const [who, token] of refused()) {
      const admin = token === office || token === schoolAdminA;
      const byId = await refusal(system, 'query($id: ID!) { response(id: $id) { id answers { questionKey } } }', { id: responseOfFirst }, token);
      expect({ who, code: byId.code }).toEqual({ who, code: admin ? 'FORBIDDEN' : 'NOT_FOUND' });
      const compatibility = await refusal(system, 'query($id: ID!) { compatibilityResults(menteeId: $id) { score } }', { id: menteesA[0] }, token);
      expect({ who, code: compatibility.code }).toEqual({ who, code: 'FORBIDDEN' });
      const list = await system.post<{ responses: { nodes: { id: string }[] } }>('query($id: ID!) { responses(campaignId: $id) { nodes { id } } }', { id: campaignA }, token);
      if (admin) expect({ who, code: list.body.errors?.[0]?.extensions?.code }).toEqual({ who, code: 'FORBIDDEN' });
      else expect(list.body.data!.responses.nodes.map((node) => node.id)).not.toContain(responseOfFirst);
    }
  });

  it('the school administration entering a paper form gets the response back, not its answers', async () => {
    const versionId = await shippedQuestionnaireVersion(system, curatorA, 'stage1_mentee', 'STAGE1_PROCESS');
    const campaignId = await createCampaign(system, curatorA, { programId: programA, questionnaireVersionId: versionId });
    const { questionnaireVersion } = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: versionId }, curatorA);
    const input = { campaignId, respondentId: menteesA[2], answers: answersFor(questionnaireVersion.questions) };
    const entered = await system.post<{ submitResponse: { id: string } }>('mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id answers { questionKey } } }', { input }, schoolAdminA);
    expect(entered.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rows = await system.monitoring.dataSource.query('SELECT count(*)::int AS n FROM response WHERE campaign_id = $1 AND respondent_id = $2 AND revision > 0', [campaignId, menteesA[2]]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('a mentor reads their own values and answers, and their mentee does not', async () => {
    const schoolId = await createSchool(system, office, 'Школа наставника');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
    const mentor = await createMentorWith(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    await startedPair(system, curator, programId, mentor, [mentee]);
    await system.request(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      { input: { personId: mentor, programId, parameterKey: 'fatigue', stage: 'BEFORE', value: 4, measuredOn: '2025-09-12' } },
      curator,
    );
    const versionId = await shippedQuestionnaireVersion(system, curator, 'stage1_mentor', 'STAGE1_PROCESS');
    const { questionnaireVersion } = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: versionId }, curator);
    const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: versionId });
    const mentorSelf = await system.token(Role.MENTOR, schoolId, mentor);
    await system.request('mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id } }', { input: { campaignId, answers: answersFor(questionnaireVersion.questions) } }, mentorSelf);
    const OWN = 'query($id: ID!) { person(id: $id) { measurements { parameterKey value } responses { answers { questionKey } } } }';
    type Own = { person: { measurements: { parameterKey: string; value: number }[]; responses: { answers: unknown[] }[] } };
    const own = await system.request<Own>(OWN, { id: mentor }, mentorSelf);
    expect(own.person.measurements).toEqual([{ parameterKey: 'fatigue', value: 4 }]);
    expect(own.person.responses).toHaveLength(1);
    expect(own.person.responses[0]!.answers.length).toBeGreaterThan(0);
    const menteeToken = await system.token(Role.MENTEE, schoolId, mentee);
    // The mentee does not find the mentor's record directly, and through their pair reads none of the mentor's values.
    expect((await system.post(OWN, { id: mentor }, menteeToken)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const viaPair = await system.request<{ pairs: { nodes: { mentor: unknown }[] } }>('{ pairs { nodes { mentor { measurements { value } responses { id } } } } }', {}, menteeToken);
    expect(viaPair.pairs.nodes).toEqual([{ mentor: { measurements: [], responses: [] } }]);
  });

  it('who is asked a burnout instrument is seen by the curator and psychologist only', async () => {
    const schoolId = await createSchool(system, office, 'Школа выгорания');
    const curator = await system.token(Role.CURATOR, schoolId);
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
    const burnout = await createMentee(system, curator, schoolId, 12, ['BURNOUT']);
    await startedPair(system, curator, programId, await createMentorWith(system, curator, schoolId), [burnout]);
    const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: await shippedQuestionnaireVersion(system, curator, 'stage2_burnout', 'STAGE2_BEFORE') });
    const RESPONDENTS = 'query($id: ID!) { campaign(id: $id) { title respondents { person { id } } } }';
    for (const token of [curator, await system.token(Role.PSYCHOLOGIST, schoolId)]) {
      const { campaign } = await system.request<{ campaign: { respondents: { person: { id: string } }[] } }>(RESPONDENTS, { id: campaignId }, token);
      expect(campaign.respondents).toEqual([{ person: { id: burnout } }]);
    }
    for (const token of [office, await system.token(Role.SCHOOL_ADMIN, schoolId)]) {
      expect((await refusal(system, RESPONDENTS, { id: campaignId }, token)).code).toBe('FORBIDDEN');
      const { campaign } = await system.request<{ campaign: { title: string } }>('query($id: ID!) { campaign(id: $id) { title } }', { id: campaignId }, token);
      expect(campaign.title.length).toBeGreaterThan(0); // the campaign itself is organisational
    }
  });

  it('a psychologist of school B sees nothing of school A', async () => {
    expect(await entities(psychologistB)).toEqual({ personValues: 0, responses: 0, pairValues: 0, checks: 0, programValues: 0 });
    const { compatibilityResults } = await system.request<{ compatibilityResults: unknown[] }>('query($id: ID!) { compatibilityResults(menteeId: $id) { score } }', { id: menteesA[0] }, psychologistB);
    expect(compatibilityResults).toEqual([]);
    expect((await refusal(system, 'query($id: ID!) { response(id: $id) { id } }', { id: responseOfFirst }, psychologistB)).code).toBe('NOT_FOUND');
  });
});

describe('aggregates', () => {
  const RATES = 'query($school: ID!) { responseRates(filter: { schoolId: $school }) { schoolId role invited responded rate suppressed } }';
  const GAPS = `query($ids: [ID!]!) { measurementGaps(filter: { programIds: $ids }) {
    participants { personId } pairs { pairId } schools { schoolId participants participantsMissingBefore participantsMissingAfter suppressed } } }`;

  it('a response rate of 4 invited is suppressed for the office and the administration, shown to the curator; 5 invited are shown', async () => {
    for (const token of [office, schoolAdminA]) {
      const { responseRates } = await system.request<{ responseRates: Record<string, unknown>[] }>(RATES, { school: schoolA }, token);
      expect(responseRates).toEqual([{ schoolId: schoolA, role: 'MENTEE', invited: 8, responded: null, rate: null, suppressed: true }]);
      const { campaign } = await system.request<{ campaign: { responseRate: Record<string, unknown> } }>('query($id: ID!) { campaign(id: $id) { responseRate { invited responded suppressed } } }', { id: campaignA }, token);
      expect(campaign.responseRate).toEqual({ invited: 4, responded: null, suppressed: true });
    }
    const curator = await system.request<{ campaign: { responseRate: Record<string, unknown> } }>('query($id: ID!) { campaign(id: $id) { responseRate { invited responded suppressed } } }', { id: campaignA }, curatorA);
    expect(curator.campaign.responseRate).toEqual({ invited: 4, responded: 4, suppressed: false });
    const { responseRates } = await system.request<{ responseRates: Record<string, unknown>[] }>(RATES, { school: schoolB }, office);
    expect(responseRates).toEqual([{ schoolId: schoolB, role: 'MENTEE', invited: 5, responded: 5, rate: 1, suppressed: false }]);
  });

  it('measurement gaps give the office school counts only, a school of 5 participants shown and persons never', async () => {
    const office_ = await system.request<{ measurementGaps: { participants: unknown[]; pairs: unknown[]; schools: Record<string, unknown>[] } }>(GAPS, { ids: [programA, programB] }, office);
    expect(office_.measurementGaps.participants).toEqual([]);
    expect(office_.measurementGaps.pairs).toEqual([]);
    // A: a mentor and 4 mentees; B: a mentor and 5 mentees; each still lacks some instrument's values.
    expect(office_.measurementGaps.schools).toEqual(
      expect.arrayContaining([
        { schoolId: schoolA, participants: 5, participantsMissingBefore: 5, participantsMissingAfter: 5, suppressed: false },
        { schoolId: schoolB, participants: 6, participantsMissingBefore: 6, participantsMissingAfter: 6, suppressed: false },
      ]),
    );
    const curator = await system.request<{ measurementGaps: { participants: { personId: string }[]; schools: Record<string, unknown>[] } }>(GAPS, { ids: [programA] }, curatorA);
    expect(curator.measurementGaps.participants.map((p) => p.personId).sort()).toEqual([mentorA, ...menteesA].sort());
    expect(curator.measurementGaps.schools).toEqual([{ schoolId: schoolA, participants: 5, participantsMissingBefore: 5, participantsMissingAfter: 5, suppressed: false }]);
  });

  describe('dashboards and workbooks', () => {
    const DASHBOARD = `query($scope: ReportScopeInput!) { dashboard(scope: $scope, academicYear: "2025/2026") {
      latestReport { id } parameters { parameterKey n meanChange suppressed } schools { schoolId meanChanges { parameterKey meanChange suppressed } } } }`;
    const REQUEST = 'mutation($input: RequestReportInput!) { requestReport(input: $input) { id } }';
    const READ = 'query($id: ID!) { report(id: $id) { status downloadPath } }';
    type DashboardView = { dashboard: { latestReport: { id: string } | null; parameters: { parameterKey: string; n: number; meanChange: number | null; suppressed: boolean }[]; schools: { schoolId: string; meanChanges: { meanChange: number | null; suppressed: boolean }[] }[] } };

    async function completed(scope: { kind: string; id: string }, token = office): Promise<{ status: string; downloadPath: string | null }> {
      const { requestReport } = await system.request<{ requestReport: { id: string } }>(REQUEST, { input: { scope, academicYear: '2025/2026' } }, token);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { report } = await system.request<{ report: { status: string; downloadPath: string | null } }>(READ, { id: requestReport.id }, token);
        if (report.status === 'COMPLETED' || report.status === 'FAILED' || Date.now() > deadline) return report;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }

    beforeAll(async () => {
      worker = await startAnalyticsWorker(system.workerEnv);
    });

    it('a school of 4 measured is suppressed on the office’s dashboard and shown on the curator’s; a school of 5 is shown', async () => {
      expect((await completed({ kind: 'SCHOOL', id: schoolA })).status).toBe('COMPLETED');
      expect((await completed({ kind: 'SCHOOL', id: schoolB })).status).toBe('COMPLETED');
      for (const token of [office, schoolAdminA]) {
        const small = await system.request<DashboardView>(DASHBOARD, { scope: { kind: 'SCHOOL', id: schoolA } }, token);
        expect(small.dashboard.parameters).toEqual([{ parameterKey: 'motivation', n: 4, meanChange: null, suppressed: true }]);
        expect(small.dashboard.schools[0]!.meanChanges).toEqual([{ parameterKey: 'motivation', meanChange: null, suppressed: true }]);
      }
      // Changes of +1, +2, +1, +2 (and +1 in B).
      const curator = await system.request<DashboardView>(DASHBOARD, { scope: { kind: 'SCHOOL', id: schoolA } }, curatorA);
      expect(curator.dashboard.parameters).toEqual([{ parameterKey: 'motivation', n: 4, meanChange: expect.closeTo(1.5, 10), suppressed: false }]);
      expect(curator.dashboard.schools[0]!.meanChanges).toEqual([{ parameterKey: 'motivation', meanChange: expect.closeTo(1.5, 10), suppressed: false }]);
      const five = await system.request<DashboardView>(DASHBOARD, { scope: { kind: 'SCHOOL', id: schoolB } }, office);
      expect(five.dashboard.parameters).toEqual([{ parameterKey: 'motivation', n: 5, meanChange: expect.closeTo(1.4, 10), suppressed: false }]);
      expect(five.dashboard.schools[0]!.meanChanges).toEqual([{ parameterKey: 'motivation', meanChange: expect.closeTo(1.4, 10), suppressed: false }]);
    });

    it('the office’s municipality workbook shows «скрыто» for the school of 4 and names nobody', async () => {
      const report = await completed({ kind: 'MUNICIPALITY', id: system.municipalityId });
      expect(report.status).toBe('COMPLETED');
      const response = await fetch(new URL(report.downloadPath!, system.gatewayUrl), { headers: { authorization: `Bearer ${office}` } });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.find((s) => s.name.startsWith('01 '))!;
      const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
      const schoolRow = (name: string) => rows.find((row) => row[0] === 'Школа' && row[1] === name)!;
      expect(schoolRow('Школа доступа А')[2]).toBe(HIDDEN);
      expect(schoolRow('Школа доступа А')[5]).toBeUndefined();
      const summary = (workbook.getWorksheet('Сводка по школам')!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
      expect(summary.find((row) => row[0] === 'Школа доступа А')).toContain(HIDDEN);
      const names = await system.participant.dataSource.query('SELECT full_name FROM person WHERE id = ANY($1)', [[...menteesA, ...menteesB, mentorA]]);
      const text: string[] = [];
      workbook.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value)))));
      expect(names.length).toBe(10);
      for (const { full_name: name } of names as { full_name: string }[]) expect(text.join('\n')).not.toContain(name);
      expect(workbook.getWorksheet('Неполные замеры')!.getRow(1).values).not.toContain('ФИО');
    });
  });
});
