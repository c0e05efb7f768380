import {
  ALL_CONSENTS,
  answersFor,
  createActiveMentor,
  createCampaign,
  createMentee,
  createPerson,
  createProgramAt,
  createSchool,
  giveConsents,
  QUESTION_FIELDS,
  shippedQuestionnaireVersion,
  startedPair,
  withdrawConsent,
  type QuestionShape,
} from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * Consents (152-ФЗ) through the gateway: every processing beyond the staff record is refused with
 * CONSENT_REQUIRED while the person has no active consent of the scope it needs, and nothing is
 * written; a withdrawal refuses the very next write; giving the consent again allows it again.
 */

let system: TestSystem;
let schoolId: string;
let curator: string;
let psychologist: string;
let programId: string;

const OPEN_MENTEE = 'mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { id } }';
const OPEN_MENTOR = 'mutation($input: OpenMentorProfileInput!) { openMentorProfile(input: $input) { id } }';
const UPDATE_MENTEE = 'mutation($id: ID!, $input: UpdateMenteeProfileInput!) { updateMenteeProfile(id: $id, input: $input) { id requests } }';
const CHANGE_MENTEE = 'mutation($input: ChangeMenteeStatusInput!) { changeMenteeStatus(input: $input) { status } }';
const FORM_PAIR = 'mutation($input: FormPairInput!) { formPair(input: $input) { id } }';
const CREATE_PLAN = 'mutation($input: CreateDevelopmentPlanInput!) { createDevelopmentPlan(input: $input) { id } }';
const ADD_TASK = 'mutation($input: AddPlanTaskInput!) { addPlanTask(input: $input) { id } }';
const LOG_MEETING = 'mutation($input: LogMeetingInput!) { logMeeting(input: $input) { id } }';
const SUBMIT = 'mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id revision } }';
const RECORD_MEASUREMENT = 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }';
const RECORD_TEST = 'mutation($input: RecordCompatibilityInput!) { recordCompatibilityResult(input: $input) { id } }';
const RECORD_CHECK = 'mutation($input: RecordSatisfactionCheckInput!) { recordSatisfactionCheck(input: $input) { id } }';

const PERSON = `query($id: ID!) { person(id: $id) {
  activeConsentScopes consents { id scope active }
  mentorProfiles { id } menteeProfiles { id status requests }
  measurements { parameterKey stage source }
} }`;

interface PersonView {
  activeConsentScopes: string[];
  consents: { id: string; scope: string; active: boolean }[];
  mentorProfiles: { id: string }[];
  menteeProfiles: { id: string; status: string; requests: string[] }[];
  measurements: { parameterKey: string; stage: string; source: string }[];
}

async function readPerson(id: string): Promise<PersonView> {
  return (await system.request<{ person: PersonView }>(PERSON, { id }, curator)).person;
}

/** Posts a write that must be refused for a missing consent; answers the extensions and the message. */
async function consentRefusal(query: string, variables: Record<string, unknown>, token = curator): Promise<{ field?: string; message: string }> {
  const { body } = await system.post(query, variables, token);
  expect(body.errors).toHaveLength(1);
  expect(body.data ?? null).toBeNull();
  const error = body.errors![0]!;
  expect(error.extensions?.code).toBe('CONSENT_REQUIRED');
  return { field: error.extensions?.field as string | undefined, message: error.message };
}

/** The id of the person's active consent of a scope. */
async function activeConsent(personId: string, scope: string): Promise<string> {
  const consent = (await readPerson(personId)).consents.find((c) => c.scope === scope && c.active);
  if (!consent) throw new Error(`no active ${scope} consent`);
  return consent.id;
}

const withdraw = async (personId: string, scope: string) => withdrawConsent(system, curator, await activeConsent(personId, scope));
const give = (personId: string, scopes: string[]) => giveConsents(system, curator, personId, scopes);
const allBut = (scope: string) => ALL_CONSENTS.filter((other) => other !== scope);

async function pairIdsOf(): Promise<string[]> {
  const data = await system.request<{ program: { pairs: { id: string }[] } }>('query($id: ID!) { program(id: $id) { pairs { id } } }', { id: programId }, curator);
  return data.program.pairs.map((pair) => pair.id).sort();
}

beforeAll(async () => {
  system = await startSystem();
  const office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа согласий');
  curator = await system.token(Role.CURATOR, schoolId);
  psychologist = await system.token(Role.PSYCHOLOGIST, schoolId);
  programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
});

afterAll(() => system?.stop());

describe('the staff record', () => {
  it('needs no consent: a person is created and listed with no consent at all', async () => {
    const id = await createPerson(system, curator, schoolId, { fullName: 'Бессогласная Ольга' }, []);
    expect(await readPerson(id)).toMatchObject({ activeConsentScopes: [], consents: [] });
  });
});

describe('the mentor and mentee bases (PERSONAL_DATA)', () => {
  it('refuses entering a base without the consent, and writes nothing; another scope does not count', async () => {
    const id = await createPerson(system, curator, schoolId, { pedagogicalExperienceYears: 1 }, allBut('PERSONAL_DATA'));
    const mentee = await consentRefusal(OPEN_MENTEE, { input: { personId: id, categories: ['DIGITAL_SKILLS'] } });
    expect(mentee.field).toBe('input.personId');
    expect(mentee.message).toContain('PERSONAL_DATA');
    expect((await consentRefusal(OPEN_MENTOR, { input: { personId: id, kind: 'EXPERIENCED_TEACHER' } })).field).toBe('input.personId');
    expect(await readPerson(id)).toMatchObject({ mentorProfiles: [], menteeProfiles: [] });

    await give(id, ['PERSONAL_DATA']);
    await system.request(OPEN_MENTEE, { input: { personId: id, categories: ['DIGITAL_SKILLS'] } }, curator);
    expect((await readPerson(id)).menteeProfiles).toHaveLength(1);
  });

  it('needs the psychological consent as well for the burnout category', async () => {
    const id = await createPerson(system, curator, schoolId, {}, ['PERSONAL_DATA', 'MONITORING']);
    const refused = await consentRefusal(OPEN_MENTEE, { input: { personId: id, categories: ['BURNOUT'] } });
    expect(refused).toMatchObject({ field: 'input.personId' });
    expect(refused.message).toContain('PSYCHOLOGICAL_DIAGNOSTICS');
    expect(refused.message).not.toContain('PERSONAL_DATA (');
    expect((await readPerson(id)).menteeProfiles).toEqual([]);

    // Without burnout the same person may enter; adding burnout to the entry later is refused too.
    const entry = (await system.request<{ openMenteeProfile: { id: string } }>(OPEN_MENTEE, { input: { personId: id, categories: ['NEW_WORKPLACE'] } }, curator)).openMenteeProfile;
    expect((await consentRefusal(UPDATE_MENTEE, { id: entry.id, input: { categories: ['NEW_WORKPLACE', 'BURNOUT'] } })).field).toBe('id');
    await give(id, ['PSYCHOLOGICAL_DIAGNOSTICS']);
    await system.request(UPDATE_MENTEE, { id: entry.id, input: { categories: ['NEW_WORKPLACE', 'BURNOUT'] } }, curator);
  });

  it('refuses the very next change of the entry after a withdrawal, lets it be paused, and allows again after a new consent', async () => {
    const id = await createMentee(system, curator, schoolId, 1);
    const entryId = (await readPerson(id)).menteeProfiles[0]!.id;
    await system.request(UPDATE_MENTEE, { id: entryId, input: { requests: ['Первый запрос'] } }, curator);

    await withdraw(id, 'PERSONAL_DATA');
    expect((await consentRefusal(UPDATE_MENTEE, { id: entryId, input: { requests: ['Второй запрос'] } })).field).toBe('id');
    // Pausing stops the processing, so it stays possible; resuming is processing again.
    expect((await system.request<{ changeMenteeStatus: { status: string } }>(CHANGE_MENTEE, { input: { profileId: entryId, status: 'PAUSED' } }, curator)).changeMenteeStatus.status).toBe('PAUSED');
    expect((await consentRefusal(CHANGE_MENTEE, { input: { profileId: entryId, status: 'ACTIVE' } })).field).toBe('input.profileId');
    expect((await readPerson(id)).menteeProfiles[0]).toMatchObject({ status: 'PAUSED', requests: ['Первый запрос'] });

    await give(id, ['PERSONAL_DATA']);
    await system.request(CHANGE_MENTEE, { input: { profileId: entryId, status: 'ACTIVE' } }, curator);
    await system.request(UPDATE_MENTEE, { id: entryId, input: { requests: ['Второй запрос'] } }, curator);
    expect((await readPerson(id)).menteeProfiles[0]).toMatchObject({ status: 'ACTIVE', requests: ['Второй запрос'] });
  });
});

describe('pairs, plans and meetings (PERSONAL_DATA, asked of the participant subgraph on every write)', () => {
  it('refuses forming a pair with a mentee or mentor whose consent is withdrawn, and writes nothing', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const before = await pairIdsOf();
    await withdraw(mentee, 'PERSONAL_DATA');
    const input = { programId, mentorId: mentor, menteeIds: [mentee], subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST' };
    expect((await consentRefusal(FORM_PAIR, { input })).field).toBe('input.menteeIds');
    await give(mentee, ['PERSONAL_DATA']);
    await withdraw(mentor, 'PERSONAL_DATA');
    const refused = await consentRefusal(FORM_PAIR, { input });
    expect(refused.field).toBe('input.mentorId');
    expect(refused.message).toContain('mentor');
    expect(await pairIdsOf()).toEqual(before);

    await give(mentor, ['PERSONAL_DATA']);
    await system.request(FORM_PAIR, { input }, curator);
    expect(await pairIdsOf()).toHaveLength(before.length + 1);
  });

  it('stops the work of a running pair at once: plans, tasks and meetings are refused until the consent is given again', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    const plan = (await system.request<{ createDevelopmentPlan: { id: string } }>(CREATE_PLAN, { input: { pairId, menteeId: mentee, goals: ['Освоить ИКТ'] } }, curator)).createDevelopmentPlan;
    await system.request(ADD_TASK, { input: { planId: plan.id, title: 'Первая задача', deadline: '2025-12-01' } }, curator);

    await withdraw(mentee, 'PERSONAL_DATA');
    expect((await consentRefusal(ADD_TASK, { input: { planId: plan.id, title: 'Вторая задача', deadline: '2025-12-15' } })).field).toBe('input.planId');
    expect((await consentRefusal(LOG_MEETING, { input: { pairId, type: 'INTRO', heldOn: '2025-09-16', durationMinutes: 40, topic: 'Знакомство' } })).field).toBe('input.pairId');
    const stranger = await system.token(Role.MENTOR, schoolId, await createActiveMentor(system, curator, schoolId));
    const { body } = await system.post(LOG_MEETING, { input: { pairId, type: 'INTRO', heldOn: '2025-09-16', durationMinutes: 40, topic: 'Знакомство' } }, stranger);
    // Another mentor's pair is invisible to a mentor: not found, and nothing learnt about consents.
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const tasks = await system.request<{ pair: { plans: { tasks: { title: string }[] }[]; meetings: unknown[] } }>(
      'query($id: ID!) { pair(id: $id) { plans { tasks { title } } meetings { id } } }',
      { id: pairId },
      curator,
    );
    expect(tasks.pair.plans[0]!.tasks.map((task) => task.title)).toEqual(['Первая задача']);
    expect(tasks.pair.meetings).toEqual([]);
    // The pair may still be paused or dissolved: that ends the processing.
    await system.request('mutation($id: ID!) { pausePair(id: $id, pausedOn: "2025-10-01") { id } }', { id: pairId }, curator);
    expect((await consentRefusal('mutation($id: ID!) { resumePair(id: $id) { id } }', { id: pairId })).field).toBe('id');

    await give(mentee, ['PERSONAL_DATA']);
    await system.request('mutation($id: ID!) { resumePair(id: $id) { id } }', { id: pairId }, curator);
    await system.request(ADD_TASK, { input: { planId: plan.id, title: 'Вторая задача', deadline: '2025-12-15' } }, curator);
    await system.request(LOG_MEETING, { input: { pairId, type: 'INTRO', heldOn: '2025-09-16', durationMinutes: 40, topic: 'Знакомство' } }, curator);
  });

  it('refuses a new plan for a mentee without the consent', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    await withdraw(mentee, 'PERSONAL_DATA');
    expect((await consentRefusal(CREATE_PLAN, { input: { pairId, menteeId: mentee, goals: ['Цель'] } })).field).toBe('input.menteeId');
    const plans = await system.request<{ pair: { plans: unknown[] } }>('query($id: ID!) { pair(id: $id) { plans { id } } }', { id: pairId }, curator);
    expect(plans.pair.plans).toEqual([]);
  });
});

describe('matching', () => {
  const CANDIDATES = `query($programId: ID!, $menteeId: ID!) { mentorCandidates(programId: $programId, menteeId: $menteeId) { mentor { id } reasons { kind } } }`;
  const PROPOSAL = 'query($programId: ID!) { matchingProposal(programId: $programId) { unmatched { id } assignments { mentee { id } mentor { id } } } }';

  it('proposes only people with the consent, and counts a compatibility test only while both candidates consent to it', async () => {
    const matchingSchool = await createSchool(system, await system.token(Role.MUNICIPAL_ADMIN), 'Школа подбора с согласиями');
    const curator = await system.token(Role.CURATOR, matchingSchool);
    const programId = await createProgramAt(system, curator, matchingSchool, 'PAIRING');
    const mentor = await createActiveMentor(system, curator, matchingSchool);
    const withdrawnMentor = await createActiveMentor(system, curator, matchingSchool);
    const mentee = await createMentee(system, curator, matchingSchool, 1);
    const withdrawnMentee = await createMentee(system, curator, matchingSchool, 1);
    await system.request(RECORD_TEST, { input: { mentorId: mentor, menteeId: mentee, score: 90, testedOn: '2025-09-01' } }, await system.token(Role.PSYCHOLOGIST, matchingSchool));
    const asCurator = async (personId: string, scope: string) => {
      const data = await system.request<{ person: PersonView }>(PERSON, { id: personId }, curator);
      await withdrawConsent(system, curator, data.person.consents.find((c) => c.scope === scope && c.active)!.id);
    };
    await asCurator(withdrawnMentor, 'PERSONAL_DATA');
    await asCurator(withdrawnMentee, 'PERSONAL_DATA');

    const candidates = async () =>
      (await system.request<{ mentorCandidates: { mentor: { id: string }; reasons: { kind: string }[] }[] }>(CANDIDATES, { programId, menteeId: mentee }, curator)).mentorCandidates;
    const ranked = await candidates();
    expect(ranked.map((candidate) => candidate.mentor.id)).toEqual([mentor]);
    expect(ranked[0]!.reasons.map((reason) => reason.kind)).toContain('COMPATIBILITY');
    const proposal = (await system.request<{ matchingProposal: { unmatched: { id: string }[]; assignments: { mentee: { id: string } }[] } }>(PROPOSAL, { programId }, curator)).matchingProposal;
    expect([...proposal.assignments.map((a) => a.mentee.id), ...proposal.unmatched.map((u) => u.id)]).toEqual([mentee]);
    expect((await consentRefusal(CANDIDATES, { programId, menteeId: withdrawnMentee }, curator)).field).toBe('menteeId');

    await asCurator(mentee, 'PSYCHOLOGICAL_DIAGNOSTICS');
    expect((await candidates())[0]!.reasons.map((reason) => reason.kind)).not.toContain('COMPATIBILITY');
  });
});

describe('questionnaires and measurements (MONITORING)', () => {
  let version: string;
  let questions: QuestionShape[];

  beforeAll(async () => {
    version = await shippedQuestionnaireVersion(system, curator, 'stage1_mentee', 'STAGE1_PROCESS');
    const data = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: version }, curator);
    questions = data.questionnaireVersion.questions;
  });

  it('leaves out of a campaign the pair members without the consent, and refuses the next answer after a withdrawal', async () => {
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK', '2026/2027');
    const mentor = await createActiveMentor(system, curator, schoolId);
    const asked = await createMentee(system, curator, schoolId, 1);
    const notAsked = await createMentee(system, curator, schoolId, 1);
    await startedPair(system, curator, programId, mentor, [asked, notAsked]);
    await withdraw(notAsked, 'MONITORING');

    const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: version });
    const respondents = async () =>
      (
        await system.request<{ campaign: { respondents: { person: { id: string }; responded: boolean }[] } }>(
          'query($id: ID!) { campaign(id: $id) { respondents { person { id } responded } } }',
          { id: campaignId },
          curator,
        )
      ).campaign.respondents;
    expect((await respondents()).map((respondent) => respondent.person.id)).toEqual([asked]);

    const token = await system.token(Role.MENTEE, schoolId, asked);
    const first = (await system.request<{ submitResponse: { id: string; revision: number } }>(SUBMIT, { input: { campaignId, answers: answersFor(questions, 1) } }, token)).submitResponse;
    await withdraw(asked, 'MONITORING');
    const refused = await consentRefusal(SUBMIT, { input: { campaignId, answers: answersFor(questions, 3) } }, token);
    expect(refused.field).toBe('input.respondentId');
    expect(refused.message).toContain('MONITORING');
    // Nor may staff enter it on the respondent's behalf.
    expect((await consentRefusal(SUBMIT, { input: { campaignId, respondentId: asked, answers: answersFor(questions, 3) } })).field).toBe('input.respondentId');
    const kept = await system.request<{ response: { revision: number } }>('query($id: ID!) { response(id: $id) { revision } }', { id: first.id }, curator);
    expect(kept.response.revision).toBe(1);

    await give(asked, ['MONITORING']);
    const again = (await system.request<{ submitResponse: { revision: number } }>(SUBMIT, { input: { campaignId, answers: answersFor(questions, 3) } }, token)).submitResponse;
    expect(again.revision).toBe(2);
  });

  it('refuses a campaign with nobody left who consented', async () => {
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK', '2027/2028');
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    await startedPair(system, curator, programId, mentor, [mentee]);
    await withdraw(mentee, 'MONITORING');
    const { body } = await system.post(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
      { input: { programId, questionnaireVersionId: version, opensOn: '2025-09-01', closesOn: '2027-09-01' } },
      curator,
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'NO_RESPONDENTS', field: 'input.programId' });
  });

  it('refuses a measurement without the consent, and writes nothing; allows it with the consent', async () => {
    const mentee = await createPerson(system, curator, schoolId, { pedagogicalExperienceYears: 1 }, allBut('MONITORING'));
    const input = { personId: mentee, programId, parameterKey: 'motivation', stage: 'BEFORE', value: 3, measuredOn: '2025-09-12' };
    expect((await consentRefusal(RECORD_MEASUREMENT, { input }, psychologist)).field).toBe('input.personId');
    expect((await readPerson(mentee)).measurements).toEqual([]);

    await give(mentee, ['MONITORING']);
    await system.request(RECORD_MEASUREMENT, { input }, psychologist);
    expect((await readPerson(mentee)).measurements).toEqual([{ parameterKey: 'motivation', stage: 'BEFORE', source: 'DIRECT_ENTRY' }]);

    await withdraw(mentee, 'MONITORING');
    expect((await consentRefusal(RECORD_MEASUREMENT, { input: { ...input, stage: 'AFTER', measuredOn: '2026-05-12' } }, psychologist)).field).toBe('input.personId');
    expect((await readPerson(mentee)).measurements).toHaveLength(1);
  });

  it('measures nobody from a closing before-campaign who withdrew the consent after answering', async () => {
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK', '2028/2029');
    const mentor = await createActiveMentor(system, curator, schoolId);
    const stays = await createMentee(system, curator, schoolId, 1);
    const leaves = await createMentee(system, curator, schoolId, 1);
    await startedPair(system, curator, programId, mentor, [stays, leaves]);
    const before = await shippedQuestionnaireVersion(system, curator, 'stage2_young_specialist', 'STAGE2_BEFORE');
    const data = await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: before }, curator);
    const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: before });
    for (const person of [stays, leaves]) {
      await system.request(SUBMIT, { input: { campaignId, answers: answersFor(data.questionnaireVersion.questions, 2) } }, await system.token(Role.MENTEE, schoolId, person));
    }
    await withdraw(leaves, 'MONITORING');
    await system.request('mutation($id: ID!) { closeCampaign(id: $id) { id } }', { id: campaignId }, curator);
    expect((await readPerson(stays)).measurements.length).toBeGreaterThan(0);
    expect((await readPerson(leaves)).measurements).toEqual([]);
  });
});

describe('psychological diagnostics (PSYCHOLOGICAL_DIAGNOSTICS)', () => {
  const RESULTS = 'query($id: ID!) { compatibilityResults(menteeId: $id) { id } }';

  it('refuses a compatibility test of a candidate without the consent, and writes nothing; another scope does not count', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createPerson(system, curator, schoolId, { pedagogicalExperienceYears: 1 }, allBut('PSYCHOLOGICAL_DIAGNOSTICS'));
    const input = { mentorId: mentor, menteeId: mentee, score: 70, testedOn: '2025-09-01' };
    const refused = await consentRefusal(RECORD_TEST, { input }, psychologist);
    expect(refused.field).toBe('input.menteeId');
    expect(refused.message).toContain('PSYCHOLOGICAL_DIAGNOSTICS');
    expect((await system.request<{ compatibilityResults: unknown[] }>(RESULTS, { id: mentee }, psychologist)).compatibilityResults).toEqual([]);

    await give(mentee, ['PSYCHOLOGICAL_DIAGNOSTICS']);
    await withdraw(mentor, 'PSYCHOLOGICAL_DIAGNOSTICS');
    expect((await consentRefusal(RECORD_TEST, { input }, psychologist)).field).toBe('input.mentorId');

    await give(mentor, ['PSYCHOLOGICAL_DIAGNOSTICS']);
    await system.request(RECORD_TEST, { input }, psychologist);
    expect((await system.request<{ compatibilityResults: unknown[] }>(RESULTS, { id: mentee }, psychologist)).compatibilityResults).toHaveLength(1);
  });

  it('refuses a satisfaction check of a person, or of the whole pair, while someone in it has no consent', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    await system.request(RECORD_CHECK, { input: { pairId, personId: mentee, satisfaction: 8, checkedOn: '2025-10-01' } }, psychologist);

    await withdraw(mentee, 'PSYCHOLOGICAL_DIAGNOSTICS');
    expect((await consentRefusal(RECORD_CHECK, { input: { pairId, personId: mentee, satisfaction: 9, checkedOn: '2025-11-01' } }, psychologist)).field).toBe('input.personId');
    expect((await consentRefusal(RECORD_CHECK, { input: { pairId, satisfaction: 9, checkedOn: '2025-11-01' } }, psychologist)).field).toBe('input.pairId');
    // The mentor's own check needs only the mentor's consent.
    await system.request(RECORD_CHECK, { input: { pairId, personId: mentor, satisfaction: 7, checkedOn: '2025-11-01' } }, psychologist);
    const checks = await system.request<{ pair: { satisfactionChecks: { person: { id: string } | null }[] } }>(
      'query($id: ID!) { pair(id: $id) { satisfactionChecks { person { id } } } }',
      { id: pairId },
      psychologist,
    );
    expect(checks.pair.satisfactionChecks.map((check) => check.person?.id)).toEqual([mentee, mentor]);

    await give(mentee, ['PSYCHOLOGICAL_DIAGNOSTICS']);
    await system.request(RECORD_CHECK, { input: { pairId, satisfaction: 9, checkedOn: '2025-11-02' } }, psychologist);
  });
});
