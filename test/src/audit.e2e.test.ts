import { randomUUID } from 'node:crypto';
import { postGraphQL } from '@nastavnik/infra';
import { signToken, type RunningSubgraph } from '@nastavnik/platform';
import {
  answersFor,
  createActiveMentor,
  createCampaign,
  createMentee,
  createPerson,
  createProgramAt,
  createSchool,
  QUESTION_FIELDS,
  shippedQuestionnaireVersion,
  startedPair,
  type QuestionShape,
} from './fixtures';
import { AUTH, Role, startSystem, type TestSystem } from './harness';

/**
 * The audit log of personal data (152-ФЗ, art. 19) through the gateway: every change and every read
 * of a sensitive field is recorded with who, when, what and from where, in the transaction of the
 * change; the database refuses to alter the log; only the school's administration and the office
 * query it, each within its own scope.
 */

let system: TestSystem;
let office: string;
let otherOffice: string;
let schoolA: string;
let schoolB: string;
let curatorA: string;
let curatorPersonA: string;
let adminA: string;
let psychologistA: string;
let mentor: string;
let mentee: string;
let personB: string;
let programId: string;
let pairId: string;

interface AuditRow {
  occurred_at: Date;
  municipality_id: string;
  school_id: string;
  actor_user_id: string;
  actor_role: string;
  actor_person_id: string | null;
  action: string;
  entity_type: string;
  entity_ids: string[];
  person_ids: string[];
  fields: string[];
  client_address: string | null;
  request_id: string;
}

/** Posts through the gateway with a request id of the test's choosing, so its audit entries can be found. */
async function postAs<T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const requestId = randomUUID();
  const answer = await postGraphQL<T>(system.gatewayUrl, query, variables, token, { 'x-request-id': requestId, ...headers });
  return { requestId, ...answer };
}

function entriesOf(subgraph: RunningSubgraph, requestId: string): Promise<AuditRow[]> {
  return subgraph.dataSource.query('SELECT * FROM audit_entry WHERE request_id = $1 ORDER BY occurred_at', [requestId]);
}

async function allEntriesOf(requestId: string): Promise<AuditRow[]> {
  return [
    ...(await entriesOf(system.participant, requestId)),
    ...(await entriesOf(system.program, requestId)),
    ...(await entriesOf(system.monitoring, requestId)),
  ];
}

const CREATE_PERSON = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }';
const RECORD_MEASUREMENT = 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа аудита А');
  schoolB = await createSchool(system, office, 'Школа аудита Б');
  const bootstrapA = await system.token(Role.CURATOR, schoolA);
  curatorPersonA = await createPerson(system, bootstrapA, schoolA, { position: 'Куратор' });
  curatorA = await system.token(Role.CURATOR, schoolA, curatorPersonA);
  adminA = await system.token(Role.SCHOOL_ADMIN, schoolA);
  psychologistA = await system.token(Role.PSYCHOLOGIST, schoolA);
  mentor = await createActiveMentor(system, curatorA, schoolA);
  mentee = await createMentee(system, curatorA, schoolA, 1);
  programId = await createProgramAt(system, curatorA, schoolA, 'PAIRING');
  pairId = await startedPair(system, curatorA, programId, mentor, [mentee]);
  personB = await createPerson(system, await system.token(Role.CURATOR, schoolB), schoolB, { email: 'b.teacher@audit.example' });

  // A second municipality on the same system, with a school and a teacher of its own.
  const otherMunicipality = randomUUID();
  await system.participant.dataSource.query('INSERT INTO municipality (id, name) VALUES ($1, $2)', [otherMunicipality, 'Другой муниципалитет']);
  otherOffice = await signToken({ userId: 'test-other-office', role: Role.MUNICIPAL_ADMIN, municipalityId: otherMunicipality, schoolId: null, personId: null }, AUTH);
  const otherSchool = await createSchool(system, otherOffice, 'Школа другого муниципалитета');
  await createPerson(system, otherOffice, otherSchool);
});

afterAll(() => system?.stop());

describe('a change of personal data', () => {
  it('writes exactly one entry: who, when, what and from where, without the values', async () => {
    const before = Date.now();
    const { requestId, body } = await postAs<{ createPerson: { id: string } }>(curatorA, CREATE_PERSON, {
      input: {
        schoolId: schoolA,
        fullName: 'Секретова Вера',
        position: 'Учитель',
        subjects: ['Химия'],
        pedagogicalExperienceYears: 4,
        qualificationCategory: 'FIRST',
        email: 'vera.secret@audit.example',
        phone: '+7 912 345-67-89',
      },
    });
    const personId = body.data!.createPerson.id;
    const entries = await allEntriesOf(requestId);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      municipality_id: system.municipalityId,
      school_id: schoolA,
      actor_user_id: `test-curator-${schoolA}`,
      actor_role: 'CURATOR',
      actor_person_id: curatorPersonA,
      action: 'CREATE',
      entity_type: 'Person',
      entity_ids: [personId],
      person_ids: [personId],
      client_address: '127.0.0.1',
      request_id: requestId,
    });
    expect(entry!.fields).toEqual(expect.arrayContaining(['fullName', 'email', 'phone', 'pedagogicalExperienceSince']));
    expect(entry!.occurred_at.getTime()).toBeGreaterThanOrEqual(before - 2000);
    expect(entry!.occurred_at.getTime()).toBeLessThanOrEqual(Date.now() + 2000);
    expect(JSON.stringify(entry)).not.toMatch(/vera\.secret|345-67-89|Секретова|Химия/);
  });

  it('records the address the gateway saw, not one the client claims', async () => {
    const { requestId, body } = await postAs(
      curatorA,
      'mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }',
      { id: mentor, input: { expectedVersion: 1, position: 'Методист' } },
      { 'x-client-address': '203.0.113.66', 'x-forwarded-for': '203.0.113.66' },
    );
    expect(body.errors).toBeUndefined();
    const entries = await entriesOf(system.participant, requestId);
    expect(entries).toEqual([expect.objectContaining({ action: 'UPDATE', entity_ids: [mentor], fields: ['position'], client_address: '127.0.0.1' })]);
  });

  it('writes nothing for a refused change', async () => {
    const invalid = await postAs(curatorA, CREATE_PERSON, {
      input: { schoolId: schoolA, fullName: 'Отказова Анна', position: 'Учитель', subjects: [], pedagogicalExperienceYears: 4, qualificationCategory: 'FIRST', email: 'не-адрес' },
    });
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const stale = await postAs(curatorA, 'mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }', {
      id: mentee,
      input: { expectedVersion: 99, position: 'Методист' },
    });
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    const twice = await postAs(curatorA, RECORD_MEASUREMENT, { input: { personId: mentee, programId, parameterKey: 'motivation', stage: 'AFTER', value: 9, measuredOn: '2026-05-12' } });
    expect(twice.body.errors?.[0]?.extensions?.code).toBe('VALUE_OUT_OF_SCALE');
    for (const { requestId } of [invalid, stale, twice]) expect(await allEntriesOf(requestId)).toEqual([]);
  });

  it('rolls the entries back with the rows: a file refused as a whole leaves none, a committed one one per change', async () => {
    const csv = [
      'ФИО;Должность;Педагогический стаж, лет;Email;Табельный номер;База;Согласия',
      'Импортова Анна;Учитель;2;importova@audit.example;A-1;наставляемый;персональные данные',
      'Безключева Ольга;Учитель;5;;;;',
    ].join('\r\n');
    const input = { schoolId: schoolA, fileBase64: Buffer.from(csv, 'utf8').toString('base64'), format: 'CSV' };
    const IMPORT = 'mutation($input: StaffImportInput!) { importStaff(input: $input) { created committed } }';
    const refused = await postAs<{ importStaff: { created: number; committed: boolean } }>(curatorA, IMPORT, { input: { ...input, mode: 'ALL_OR_NOTHING' } });
    expect(refused.body.data?.importStaff.committed).toBe(false);
    expect(await allEntriesOf(refused.requestId)).toEqual([]);

    const committed = await postAs<{ importStaff: { created: number; committed: boolean } }>(curatorA, IMPORT, { input });
    expect(committed.body.data?.importStaff).toEqual({ created: 1, committed: true });
    const entries = await entriesOf(system.participant, committed.requestId);
    expect(entries.map((entry) => [entry.action, entry.entity_type]).sort()).toEqual([
      ['CREATE', 'Consent'],
      ['CREATE', 'MenteeProfile'],
      ['CREATE', 'Person'],
    ]);
    expect(new Set(entries.map((entry) => entry.person_ids[0])).size).toBe(1);
  });

  it('records changes in the service that owns the data', async () => {
    const measured = await postAs<{ recordMeasurement: { id: string } }>(psychologistA, RECORD_MEASUREMENT, {
      input: { personId: mentee, programId, parameterKey: 'motivation', stage: 'BEFORE', value: 3, measuredOn: '2025-09-12' },
    });
    expect(await entriesOf(system.monitoring, measured.requestId)).toEqual([
      expect.objectContaining({ action: 'CREATE', entity_type: 'Measurement', entity_ids: [measured.body.data!.recordMeasurement.id], person_ids: [mentee], actor_role: 'PSYCHOLOGIST' }),
    ]);
    const paused = await postAs(curatorA, 'mutation($id: ID!) { pausePair(id: $id, pausedOn: "2025-10-01") { id } }', { id: pairId });
    expect(paused.body.errors).toBeUndefined();
    const [entry] = await entriesOf(system.program, paused.requestId);
    expect(entry).toMatchObject({ action: 'UPDATE', entity_type: 'Pair', entity_ids: [pairId], school_id: schoolA });
    expect(entry!.person_ids.sort()).toEqual([mentor, mentee].sort());
    expect(entry!.fields).toEqual(['pausedOn', 'status']);
    await system.request('mutation($id: ID!) { resumePair(id: $id) { id } }', { id: pairId }, curatorA);
  });
});

describe('a read of a sensitive field', () => {
  it('writes one READ entry per request and entity type, with every id read', async () => {
    await system.request(RECORD_MEASUREMENT, { input: { personId: mentee, programId, parameterKey: 'anxiety', stage: 'BEFORE', value: 2, measuredOn: '2025-09-12' } }, psychologistA);
    const { requestId, body } = await postAs<{ person: { measurements: { id: string; value: number }[] } }>(
      curatorA,
      'query($id: ID!) { person(id: $id) { measurements { id value } } }',
      { id: mentee },
    );
    const ids = body.data!.person.measurements.map((measurement) => measurement.id).sort();
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(await entriesOf(system.monitoring, requestId)).toEqual([
      expect.objectContaining({ action: 'READ', entity_type: 'Measurement', entity_ids: ids, person_ids: [mentee], fields: ['value'], school_id: schoolA, actor_role: 'CURATOR' }),
    ]);
  });

  it('records reads of questionnaire answers', async () => {
    const version = await shippedQuestionnaireVersion(system, curatorA, 'stage1_mentee', 'STAGE1_PROCESS');
    const questions = (
      await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: version }, curatorA)
    ).questionnaireVersion.questions;
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: version });
    const submitted = await postAs<{ submitResponse: { id: string } }>(
      await system.token(Role.MENTEE, schoolA, mentee),
      'mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id } }',
      { input: { campaignId, answers: answersFor(questions) } },
    );
    const responseId = submitted.body.data!.submitResponse.id;
    const [change] = await entriesOf(system.monitoring, submitted.requestId);
    expect(change).toMatchObject({ action: 'CREATE', entity_type: 'QuestionnaireResponse', person_ids: [mentee], actor_role: 'MENTEE' });
    expect(change!.fields.every((field) => field.startsWith('answers.'))).toBe(true);

    const read = await postAs(psychologistA, 'query($id: ID!) { response(id: $id) { answers { questionKey rating text } } }', { id: responseId });
    expect(read.body.errors).toBeUndefined();
    expect(await entriesOf(system.monitoring, read.requestId)).toEqual([
      expect.objectContaining({ action: 'READ', entity_type: 'QuestionnaireResponse', entity_ids: [responseId], person_ids: [mentee], fields: ['answers'] }),
    ]);
  });

  it('withholds the data when its read cannot be recorded', async () => {
    await system.request(RECORD_MEASUREMENT, { input: { personId: mentee, programId, parameterKey: 'fatigue', stage: 'BEFORE', value: 2, measuredOn: '2025-09-12' } }, psychologistA);
    const db = system.monitoring.dataSource;
    await db.query(`ALTER TABLE audit_entry ADD CONSTRAINT test_refuses_reads CHECK (action <> 'READ') NOT VALID`);
    try {
      const { requestId, body } = await postAs(curatorA, 'query($id: ID!) { person(id: $id) { fullName measurements { value } } }', { id: mentee });
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/"value"/);
      expect(await entriesOf(system.monitoring, requestId)).toEqual([]);
    } finally {
      await db.query('ALTER TABLE audit_entry DROP CONSTRAINT test_refuses_reads');
    }
  });

  it('records reads of psychological results', async () => {
    await system.request(
      'mutation($input: RecordCompatibilityInput!) { recordCompatibilityResult(input: $input) { id } }',
      { input: { mentorId: mentor, menteeId: mentee, score: 71, testedOn: '2025-09-05', conclusion: 'Совместимы' } },
      psychologistA,
    );
    const { requestId, body } = await postAs<{ compatibilityResults: { id: string }[] }>(psychologistA, 'query($id: ID!) { compatibilityResults(menteeId: $id) { id score conclusion } }', {
      id: mentee,
    });
    expect(await entriesOf(system.monitoring, requestId)).toEqual([
      expect.objectContaining({
        action: 'READ',
        entity_type: 'CompatibilityResult',
        entity_ids: body.data!.compatibilityResults.map((result) => result.id).sort(),
        person_ids: [mentee, mentor].sort(),
        fields: ['conclusion', 'score'],
      }),
    ]);
  });

  it('records reads of mentee categories, which tell burnout', async () => {
    const { requestId, body } = await postAs<{ person: { menteeProfile: { id: string } } }>(curatorA, 'query($id: ID!) { person(id: $id) { menteeCategories menteeProfile { id categories } } }', {
      id: mentee,
    });
    expect(await entriesOf(system.participant, requestId)).toEqual([
      expect.objectContaining({ action: 'READ', entity_type: 'MenteeProfile', entity_ids: [body.data!.person.menteeProfile.id], person_ids: [mentee], fields: ['categories'] }),
    ]);
  });

  it('records reads of contact data, and nothing for a query without sensitive fields', async () => {
    const contacts = await postAs<{ people: { nodes: { id: string }[] } }>(adminA, '{ people(page: { first: 200 }) { nodes { id email } } }');
    const [entry] = await entriesOf(system.participant, contacts.requestId);
    expect(entry).toMatchObject({ action: 'READ', entity_type: 'Person', fields: ['email'], school_id: schoolA, actor_role: 'SCHOOL_ADMIN' });
    expect(entry!.entity_ids).toEqual(contacts.body.data!.people.nodes.map((node) => node.id).sort());

    const plain = await postAs(adminA, '{ people(page: { first: 200 }) { nodes { id fullName } } }');
    expect(plain.body.errors).toBeUndefined();
    expect(await allEntriesOf(plain.requestId)).toEqual([]);
  });
});

describe('values computed from a stage-2 campaign', () => {
  it('are recorded as created by the one who closed the campaign, one entry per value', async () => {
    const version = await shippedQuestionnaireVersion(system, curatorA, 'stage2_young_specialist', 'STAGE2_BEFORE');
    const questions = (
      await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: version }, curatorA)
    ).questionnaireVersion.questions;
    const campaignId = await createCampaign(system, curatorA, { programId, questionnaireVersionId: version });
    await system.request('mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id } }', { input: { campaignId, answers: answersFor(questions, 2) } }, await system.token(Role.MENTEE, schoolA, mentee));
    const closed = await postAs(curatorA, 'mutation($id: ID!) { closeCampaign(id: $id) { id } }', { id: campaignId });
    expect(closed.body.errors).toBeUndefined();
    const entries = await entriesOf(system.monitoring, closed.requestId);
    const computed: { id: string }[] = await system.monitoring.dataSource.query(`SELECT m.id FROM measurement m JOIN response r ON r.id = m.response_id WHERE r.campaign_id = $1`, [campaignId]);
    expect(computed.length).toBeGreaterThan(0);
    expect(entries.map((entry) => entry.entity_ids[0]).sort()).toEqual(computed.map((row) => row.id).sort());
    expect(entries.every((entry) => entry.action === 'CREATE' && entry.entity_type === 'Measurement' && entry.person_ids[0] === mentee && entry.actor_role === 'CURATOR')).toBe(true);
  });
});

describe('the log itself', () => {
  it.each(['participant', 'program', 'monitoring'] as const)('cannot be changed in the %s database', async (name) => {
    const db = system[name].dataSource;
    const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM audit_entry')) as { count: number }[];
    expect(count).toBeGreaterThan(0);
    await expect(db.query(`UPDATE audit_entry SET actor_user_id = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    expect(await db.query('SELECT count(*)::int AS count FROM audit_entry')).toEqual([{ count }]);
  });

  it('has no mutation in the API', async () => {
    const { body } = await postAs<{ __schema: { mutationType: { fields: { name: string }[] } } }>(office, '{ __schema { mutationType { fields { name } } } }');
    expect(body.data!.__schema.mutationType.fields.filter((field) => /audit/i.test(field.name))).toEqual([]);
  });
});

describe('querying the log', () => {
  const SERVICES = ['participant', 'program', 'monitoring'] as const;
  const entries = (service: string) =>
    `${service}AuditLog(filter: $filter, page: { first: 200 }) { totalCount nodes { id schoolId action entityType personIds actorUserId actorRole clientAddress requestId occurredAt } }`;
  const AUDIT_LOG = `query($filter: AuditFilter) { ${SERVICES.map(entries).join(' ')} }`;
  type Page = { totalCount: number; nodes: { id: string; schoolId: string; action: string; entityType: string; personIds: string[]; actorUserId: string; occurredAt: string }[] };
  type Log = Record<`${(typeof SERVICES)[number]}AuditLog`, Page>;
  const all = (log: Log) => [...log.participantAuditLog.nodes, ...log.programAuditLog.nodes, ...log.monitoringAuditLog.nodes];

  it('is refused to everybody but the school administration and the office', async () => {
    const tokens = [
      curatorA,
      psychologistA,
      await system.token(Role.MENTOR, schoolA, mentor),
      await system.token(Role.MENTEE, schoolA, mentee),
    ];
    for (const token of tokens) {
      const { body } = await system.post(AUDIT_LOG, { filter: {} }, token);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('is refused by each subgraph itself, even to a request carrying the gateway secret', async () => {
    for (const service of SERVICES) {
      const { body } = await postGraphQL(system[service].url, `{ ${service}AuditLog { totalCount } }`, {}, curatorA, { 'x-gateway-secret': AUTH.gatewaySecret });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows a school administrator only the entries of their school, from every service', async () => {
    const data = await system.request<Log>(AUDIT_LOG, { filter: {} }, adminA);
    for (const service of SERVICES) expect(data[`${service}AuditLog`].totalCount).toBeGreaterThan(0);
    expect(new Set(all(data).map((entry) => entry.schoolId))).toEqual(new Set([schoolA]));
    const aboutB = await system.request<Log>(AUDIT_LOG, { filter: { personId: personB } }, adminA);
    expect(all(aboutB)).toEqual([]);
  });

  it('shows the office every school of its municipality and nothing of another', async () => {
    const data = await system.request<Log>(AUDIT_LOG, { filter: {} }, office);
    expect(new Set(all(data).map((entry) => entry.schoolId))).toEqual(new Set([schoolA, schoolB]));
    const aboutB = await system.request<Log>(AUDIT_LOG, { filter: { personId: personB } }, office);
    // The person and the three consents the fixture records for them.
    expect(aboutB.participantAuditLog.nodes.map((entry) => `${entry.action} ${entry.entityType}`).sort()).toEqual(['CREATE Consent', 'CREATE Consent', 'CREATE Consent', 'CREATE Person']);

    const theirs = await system.request<Log>(AUDIT_LOG, { filter: {} }, otherOffice);
    expect(theirs.participantAuditLog.totalCount).toBeGreaterThan(0);
    expect(all(theirs).some((entry) => [schoolA, schoolB].includes(entry.schoolId))).toBe(false);
    const ours = new Set(all(data).map((entry) => entry.id));
    expect(all(theirs).filter((entry) => ours.has(entry.id))).toEqual([]);
  });

  it('filters by person, actor, action, entity type and period, newest first', async () => {
    const reads = await system.request<Log>(AUDIT_LOG, { filter: { personId: mentee, action: 'READ', entityType: 'Measurement' } }, adminA);
    expect(reads.monitoringAuditLog.totalCount).toBeGreaterThan(0);
    expect(all(reads).every((entry) => entry.action === 'READ' && entry.entityType === 'Measurement' && entry.personIds.includes(mentee))).toBe(true);

    const byPsychologist = await system.request<Log>(AUDIT_LOG, { filter: { actorUserId: `test-psychologist-${schoolA}` } }, adminA);
    expect(all(byPsychologist).length).toBeGreaterThan(0);
    expect(all(byPsychologist).every((entry) => entry.actorUserId === `test-psychologist-${schoolA}`)).toBe(true);
    expect(byPsychologist.monitoringAuditLog.nodes.map((entry) => entry.entityType)).toContain('CompatibilityResult');

    const future = await system.request<Log>(AUDIT_LOG, { filter: { from: new Date(Date.now() + 3_600_000).toISOString() } }, adminA);
    expect(all(future)).toEqual([]);
    const past = await system.request<Log>(AUDIT_LOG, { filter: { to: new Date(Date.now() - 3_600_000).toISOString() } }, adminA);
    expect(all(past)).toEqual([]);

    const times = (await system.request<Log>(AUDIT_LOG, { filter: {} }, adminA)).participantAuditLog.nodes.map((entry) => entry.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('pages by keyset without repeating or skipping an entry', async () => {
    const PAGE = 'query($after: String) { participantAuditLog(page: { first: 3, after: $after }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    type Paged = { participantAuditLog: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Paged = await system.request<Paged>(PAGE, { after }, adminA);
      total = page.participantAuditLog.totalCount;
      seen.push(...page.participantAuditLog.nodes.map((node) => node.id));
      after = page.participantAuditLog.pageInfo.hasNextPage ? page.participantAuditLog.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
