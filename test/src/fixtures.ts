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

export async function createPerson(
  system: TestSystem,
  token: string,
  schoolId: string,
  overrides: Record<string, unknown> = {},
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
