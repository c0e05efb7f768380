import type { TestSystem } from './harness';

/** Small builders over the public API, so tests read as the curator's steps. */
export async function createSchool(system: TestSystem, officeToken: string, name: string): Promise<string> {
  const data = await system.request<{ createSchool: { id: string } }>(
    'mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }',
    { input: { name } },
    officeToken,
  );
  return data.createSchool.id;
}

let personNumber = 0;

/** Every consent scope: what a participant of the programme usually signs on entering it. */
export const ALL_CONSENTS: readonly string[] = ['PERSONAL_DATA', 'MONITORING', 'PSYCHOLOGICAL_DIAGNOSTICS'];

/** Records the person's consents of these scopes (signed on 2025-08-01), in one request; answers their ids by scope. */
export async function giveConsents(system: TestSystem, token: string, personId: string, scopes: readonly string[]): Promise<Record<string, string>> {
  if (scopes.length === 0) return {};
  const data = await system.request<Record<string, { id: string }>>(
    `mutation($personId: ID!) { ${scopes
      .map((scope) => `${scope}: giveConsent(input: { personId: $personId, scope: ${scope}, givenOn: "2025-08-01" }) { id }`)
      .join(' ')} }`,
    { personId },
    token,
  );
  return Object.fromEntries(scopes.map((scope) => [scope, data[scope]!.id]));
}

/** Withdraws a consent today; the very next processing that needs it is refused. */
export async function withdrawConsent(system: TestSystem, token: string, consentId: string): Promise<void> {
  await system.request('mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }', { input: { consentId } }, token);
}

/**
 * A staff member; by default with every consent recorded, so the programme may process their data
 * (pass `consents: []` for a person who has signed nothing).
 */
export async function createPerson(
  system: TestSystem,
  token: string,
  schoolId: string,
  overrides: Record<string, unknown> = {},
  consents: readonly string[] = ALL_CONSENTS,
): Promise<string> {
  personNumber += 1;
  const data = await system.request<{ createPerson: { id: string } }>(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
    {
      input: {
        schoolId,
        fullName: `Тестова Анна ${String(personNumber).padStart(3, '0')}`,
        position: 'Учитель',
        subjects: ['Математика'],
        pedagogicalExperienceYears: 10,
        qualificationCategory: 'FIRST',
        ...overrides,
      },
    },
    token,
  );
  await giveConsents(system, token, data.createPerson.id, consents);
  return data.createPerson.id;
}

/** A person in the mentor base, interviewed and active. */
export async function createActiveMentor(system: TestSystem, token: string, schoolId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const personId = await createPerson(system, token, schoolId, { pedagogicalExperienceYears: 20, ...overrides });
  const opened = await system.request<{ openMentorProfile: { id: string } }>(
    'mutation($input: OpenMentorProfileInput!) { openMentorProfile(input: $input) { id } }',
    { input: { personId, kind: 'EXPERIENCED_TEACHER', subjects: ['Математика'], capacity: 2, interviewResult: 'PASSED', openedOn: '2025-08-25' } },
    token,
  );
  await system.request(
    'mutation($input: ChangeMentorStatusInput!) { changeMentorStatus(input: $input) { id } }',
    { input: { profileId: opened.openMentorProfile.id, status: 'ACTIVE', changedOn: '2025-09-01' } },
    token,
  );
  return personId;
}

/** A person in the mentee base; young specialists need no category, it follows from experience. */
export async function createMentee(system: TestSystem, token: string, schoolId: string, experienceYears = 1, categories: string[] = []): Promise<string> {
  const personId = await createPerson(system, token, schoolId, { pedagogicalExperienceYears: experienceYears });
  await system.request(
    'mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { id } }',
    { input: { personId, categories, openedOn: '2025-09-01' } },
    token,
  );
  return personId;
}

export async function createProgram(system: TestSystem, token: string, schoolId: string, academicYear = '2025/2026'): Promise<string> {
  const data = await system.request<{ createProgram: { id: string } }>(
    'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    { input: { schoolId, academicYear, title: `Программа наставничества ${academicYear}` } },
    token,
  );
  return data.createProgram.id;
}

export async function formPair(system: TestSystem, token: string, programId: string, mentorId: string, menteeIds: string[]): Promise<string> {
  const data = await system.request<{ formPair: { id: string } }>(
    'mutation($input: FormPairInput!) { formPair(input: $input) { id } }',
    { input: { programId, mentorId, menteeIds, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST' } },
    token,
  );
  return data.formPair.id;
}

/** A programme entered at a stage of its cycle (the earlier stages recorded as passed). */
export async function createProgramAt(system: TestSystem, token: string, schoolId: string, stage: string, academicYear = '2025/2026'): Promise<string> {
  const data = await system.request<{ createProgram: { id: string } }>(
    'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    { input: { schoolId, academicYear, title: `Программа наставничества ${academicYear}`, stage } },
    token,
  );
  return data.createProgram.id;
}

/** A mentor of a given kind, subjects and capacity, interviewed and active. */
export async function createMentorWith(
  system: TestSystem,
  token: string,
  schoolId: string,
  profile: { kind?: string; subjects?: string[]; capacity?: number } = {},
): Promise<string> {
  const subjects = profile.subjects ?? ['Математика'];
  const personId = await createPerson(system, token, schoolId, { pedagogicalExperienceYears: 20, subjects });
  const opened = await system.request<{ openMentorProfile: { id: string } }>(
    'mutation($input: OpenMentorProfileInput!) { openMentorProfile(input: $input) { id } }',
    { input: { personId, kind: profile.kind ?? 'EXPERIENCED_TEACHER', subjects, capacity: profile.capacity ?? 2, interviewResult: 'PASSED', openedOn: '2025-08-25' } },
    token,
  );
  await system.request(
    'mutation($input: ChangeMentorStatusInput!) { changeMentorStatus(input: $input) { id } }',
    { input: { profileId: opened.openMentorProfile.id, status: 'ACTIVE', changedOn: '2025-09-01' } },
    token,
  );
  return personId;
}

/** A formed and started pair with its order, in a programme that allows starting. */
export async function startedPair(system: TestSystem, token: string, programId: string, mentorId: string, menteeIds: string[], startedOn = '2025-09-15'): Promise<string> {
  const data = await system.request<{ formPair: { id: string } }>(
    'mutation($input: FormPairInput!) { formPair(input: $input) { id } }',
    { input: { programId, mentorId, menteeIds, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', orderNumber: '112-од', orderDate: '2025-09-10' } },
    token,
  );
  await system.request('mutation($id: ID!, $on: String) { startPair(id: $id, startedOn: $on) { id } }', { id: data.formPair.id, on: startedOn }, token);
  return data.formPair.id;
}

export async function logMeeting(system: TestSystem, token: string, pairId: string, type: string, heldOn: string): Promise<string> {
  const data = await system.request<{ logMeeting: { id: string } }>(
    'mutation($input: LogMeetingInput!) { logMeeting(input: $input) { id } }',
    { input: { pairId, type, heldOn, durationMinutes: 45, topic: `Встреча ${type}` } },
    token,
  );
  return data.logMeeting.id;
}

/** The id of the published version of a shipped questionnaire, by key and stage. */
export async function shippedQuestionnaireVersion(system: TestSystem, token: string, key: string, stage: string): Promise<string> {
  const data = await system.request<{ questionnaires: { nodes: { key: string; currentVersion: { id: string } }[] } }>(
    'query($stage: MonitoringStage) { questionnaires(filter: { stage: $stage }, page: { first: 200 }) { nodes { key currentVersion { id } } } }',
    { stage },
    token,
  );
  const questionnaire = data.questionnaires.nodes.find((node) => node.key === key);
  if (!questionnaire) throw new Error(`no shipped questionnaire ${key} at ${stage}`);
  return questionnaire.currentVersion.id;
}

/** A questionnaire campaign over a programme; open from yesterday to a month ahead unless told. */
export async function createCampaign(
  system: TestSystem,
  token: string,
  input: { programId: string; questionnaireVersionId: string; opensOn?: string; closesOn?: string; curatorIds?: string[] },
): Promise<string> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const data = await system.request<{ createCampaign: { id: string } }>(
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
    { input: { opensOn: day(-1), closesOn: day(30), ...input } },
    token,
  );
  return data.createCampaign.id;
}

export interface QuestionShape {
  key: string;
  type: string;
  required: boolean;
  options: string[] | null;
  scale: { min: number; max: number } | null;
}

/** GraphQL selection of a version's questions, as `answersFor` needs them. */
export const QUESTION_FIELDS = 'questions { key type required options scale { min max } }';

/** A valid answer to every required question: first option, scale minimum + `ratingOffset`, a short text. */
export function answersFor(questions: QuestionShape[], ratingOffset = 1): Record<string, unknown>[] {
  return questions
    .filter((question) => question.required)
    .map((question) => {
      switch (question.type) {
        case 'SINGLE_CHOICE':
        case 'MULTIPLE_CHOICE':
          return { questionKey: question.key, choices: [question.options![0]] };
        case 'RATING':
          return { questionKey: question.key, rating: Math.min(question.scale!.max, question.scale!.min + ratingOffset) };
        default:
          return { questionKey: question.key, text: 'Ответ участника' };
      }
    });
}

/** A person in the mentee base with the given subjects and categories. */
export async function createMenteeWith(
  system: TestSystem,
  token: string,
  schoolId: string,
  profile: { experienceYears?: number; categories?: string[]; subjects?: string[] } = {},
): Promise<string> {
  const personId = await createPerson(system, token, schoolId, { pedagogicalExperienceYears: profile.experienceYears ?? 1, subjects: profile.subjects ?? ['Математика'] });
  await system.request(
    'mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { id } }',
    { input: { personId, categories: profile.categories ?? [], openedOn: '2025-09-01' } },
    token,
  );
  return personId;
}
