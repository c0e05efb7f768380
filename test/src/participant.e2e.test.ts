import { randomUUID } from 'node:crypto';
import { signToken } from '@nastavnik/platform';
import { createActiveMentor, createPerson, createSchool } from './fixtures';
import { AUTH, Role, startSystem, type TestSystem } from './harness';

/**
 * The participant subgraph through the gateway: people, the two bases the curator keeps, consents,
 * list filters and the school boundary. Every refusal is checked for its exact code (and field), and
 * for having written nothing, by reading back with the municipal office's token.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let schoolB: string;
let curatorA: string;
let curatorB: string;

const THIS_YEAR = new Date().getUTCFullYear();
/** A start date that is exactly `years` whole years ago on every day of this year. */
const startOfYearsAgo = (years: number) => `${THIS_YEAR - years}-01-01`;

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа участников А');
  schoolB = await createSchool(system, office, 'Школа участников Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
  curatorB = await system.token(Role.CURATOR, schoolB);
});

afterAll(() => system?.stop());

// ---------------------------------------------------------------------------------------------
// Operations and views

interface Membership {
  schoolId: string;
  position: string;
  fromDate: string;
  toDate: string | null;
}
interface StatusChange {
  status: string;
  changedOn: string;
  note: string | null;
}
interface MentorView {
  id: string;
  personId: string;
  schoolId: string;
  status: string;
  kind: string;
  capacity: number;
  interviewResult: string;
  interviewOn: string | null;
  openedOn: string;
  closedOn: string | null;
  history: StatusChange[];
}
interface MenteeView {
  id: string;
  status: string;
  categories: string[];
  requests: string[];
  openedOn: string;
  closedOn: string | null;
  history: StatusChange[];
}
interface ConsentView {
  id: string;
  scope: string;
  givenOn: string;
  withdrawnOn: string | null;
  active: boolean;
}
interface PersonView {
  id: string;
  schoolId: string;
  fullName: string;
  position: string;
  subjects: string[];
  pedagogicalExperienceSince: string;
  pedagogicalExperienceYears: number;
  isYoungSpecialist: boolean;
  hiredOn: string | null;
  archivedAt: string | null;
  version: number;
}
interface PersonDetails extends PersonView {
  schoolHistory: Membership[];
  mentorProfile: { id: string; status: string } | null;
  mentorProfiles: MentorView[];
  menteeProfile: { id: string } | null;
  menteeProfiles: MenteeView[];
  menteeCategories: string[];
  consents: ConsentView[];
}

const PERSON = 'id schoolId fullName position subjects pedagogicalExperienceSince pedagogicalExperienceYears isYoungSpecialist hiredOn archivedAt version';
const HISTORY = 'history { status changedOn note }';
const MENTOR = `id personId schoolId status kind capacity interviewResult interviewOn openedOn closedOn ${HISTORY}`;
const MENTEE = `id status categories requests openedOn closedOn ${HISTORY}`;
const CONSENT = 'id scope givenOn withdrawnOn active';

const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${PERSON} schoolHistory { schoolId position fromDate toDate } } }`;
const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { ${PERSON} } }`;
const ARCHIVE_PERSON = `mutation($id: ID!) { archivePerson(id: $id) { ${PERSON} } }`;
const MOVE_PERSON = `mutation($input: MovePersonInput!) { movePerson(input: $input) { ${PERSON} schoolHistory { schoolId position fromDate toDate } } }`;
const READ_PERSON = `query($id: ID!) { person(id: $id) { ${PERSON}
  schoolHistory { schoolId position fromDate toDate }
  mentorProfile { id status } mentorProfiles { ${MENTOR} }
  menteeProfile { id } menteeProfiles { ${MENTEE} } menteeCategories
  consents { ${CONSENT} } } }`;
const PEOPLE = 'query($filter: PersonFilter) { people(filter: $filter, page: { first: 200 }) { totalCount nodes { fullName } } }';

const OPEN_MENTOR = `mutation($input: OpenMentorProfileInput!) { openMentorProfile(input: $input) { ${MENTOR} } }`;
const UPDATE_MENTOR = `mutation($id: ID!, $input: UpdateMentorProfileInput!) { updateMentorProfile(id: $id, input: $input) { ${MENTOR} } }`;
const CHANGE_MENTOR = `mutation($input: ChangeMentorStatusInput!) { changeMentorStatus(input: $input) { ${MENTOR} } }`;
const READ_MENTOR = `query($id: ID!) { mentorProfile(id: $id) { ${MENTOR} } }`;

const OPEN_MENTEE = `mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { ${MENTEE} } }`;
const UPDATE_MENTEE = `mutation($id: ID!, $input: UpdateMenteeProfileInput!) { updateMenteeProfile(id: $id, input: $input) { ${MENTEE} } }`;
const CHANGE_MENTEE = `mutation($input: ChangeMenteeStatusInput!) { changeMenteeStatus(input: $input) { ${MENTEE} } }`;

const GIVE_CONSENT = `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { ${CONSENT} } }`;
const WITHDRAW_CONSENT = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { ${CONSENT} } }`;

function personInput(schoolId: string, fullName: string, overrides: Record<string, unknown> = {}) {
  return { schoolId, fullName, position: 'Учитель', subjects: ['Математика'], pedagogicalExperienceYears: 10, qualificationCategory: 'FIRST', ...overrides };
}

async function readPerson(id: string, token = office): Promise<PersonDetails> {
  return (await system.request<{ person: PersonDetails }>(READ_PERSON, { id }, token)).person;
}

async function names(filter: Record<string, unknown>, token: string): Promise<string[]> {
  const data = await system.request<{ people: { totalCount: number; nodes: { fullName: string }[] } }>(PEOPLE, { filter }, token);
  expect(data.people.totalCount).toBe(data.people.nodes.length);
  return data.people.nodes.map((node) => node.fullName).sort();
}

/** Posts an operation that must be refused: answers the extensions of its one error, and checks no data came back. */
async function refusal(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, unknown> | undefined> {
  const { body } = await system.post(query, variables, token);
  expect(body.errors).toHaveLength(1);
  expect(body.data ?? null).toBeNull();
  return body.errors![0]!.extensions;
}

async function openMentor(personId: string, token: string, overrides: Record<string, unknown> = {}): Promise<MentorView> {
  const input = { personId, kind: 'EXPERIENCED_TEACHER', subjects: ['Математика'], capacity: 2, openedOn: '2025-08-25', ...overrides };
  return (await system.request<{ openMentorProfile: MentorView }>(OPEN_MENTOR, { input }, token)).openMentorProfile;
}

async function changeMentor(profileId: string, status: string, changedOn: string, token: string): Promise<MentorView> {
  return (await system.request<{ changeMentorStatus: MentorView }>(CHANGE_MENTOR, { input: { profileId, status, changedOn } }, token)).changeMentorStatus;
}

async function openMentee(personId: string, categories: string[], token: string): Promise<MenteeView> {
  return (await system.request<{ openMenteeProfile: MenteeView }>(OPEN_MENTEE, { input: { personId, categories, openedOn: '2025-09-01' } }, token)).openMenteeProfile;
}

async function changeMentee(profileId: string, status: string, changedOn: string, token: string): Promise<MenteeView> {
  return (await system.request<{ changeMenteeStatus: MenteeView }>(CHANGE_MENTEE, { input: { profileId, status, changedOn } }, token)).changeMenteeStatus;
}

async function giveConsent(personId: string, scope: string, token: string, givenOn = '2025-09-01'): Promise<ConsentView> {
  return (await system.request<{ giveConsent: ConsentView }>(GIVE_CONSENT, { input: { personId, scope, givenOn } }, token)).giveConsent;
}

// ---------------------------------------------------------------------------------------------

describe('people', () => {
  it('creates a person with experience given in years, with one open membership at the school', async () => {
    const data = await system.request<{ createPerson: PersonView & { schoolHistory: Membership[] } }>(
      CREATE_PERSON,
      { input: personInput(schoolA, '  Годова Елена Петровна ', { pedagogicalExperienceYears: 5, hiredOn: '2021-09-01', subjects: ['Физика', 'Астрономия'] }) },
      curatorA,
    );
    const person = data.createPerson;
    expect(person).toMatchObject({
      schoolId: schoolA,
      fullName: 'Годова Елена Петровна',
      subjects: ['Физика', 'Астрономия'],
      pedagogicalExperienceYears: 5,
      isYoungSpecialist: false,
      archivedAt: null,
      version: 1,
    });
    expect(person.pedagogicalExperienceSince.slice(0, 4)).toBe(String(THIS_YEAR - 5));
    expect(person.schoolHistory).toEqual([{ schoolId: schoolA, position: 'Учитель', fromDate: '2021-09-01', toDate: null }]);
    expect((await readPerson(person.id)).fullName).toBe('Годова Елена Петровна');
  });

  it('creates a person with experience given as the start date, and accepts both when they agree', async () => {
    const byDate = await system.request<{ createPerson: PersonView }>(
      CREATE_PERSON,
      { input: personInput(schoolA, 'Датова Ирина', { pedagogicalExperienceYears: null, pedagogicalExperienceSince: startOfYearsAgo(7) }) },
      curatorA,
    );
    expect(byDate.createPerson).toMatchObject({ pedagogicalExperienceSince: startOfYearsAgo(7), pedagogicalExperienceYears: 7, isYoungSpecialist: false });

    const both = await system.request<{ createPerson: PersonView }>(
      CREATE_PERSON,
      { input: personInput(schoolA, 'Обоева Ирина', { pedagogicalExperienceYears: 2, pedagogicalExperienceSince: startOfYearsAgo(2) }) },
      curatorA,
    );
    expect(both.createPerson).toMatchObject({ pedagogicalExperienceSince: startOfYearsAgo(2), pedagogicalExperienceYears: 2, isYoungSpecialist: true });
  });

  it('refuses experience given both ways when they disagree, on the field, and writes nothing', async () => {
    const extensions = await refusal(
      CREATE_PERSON,
      { input: personInput(schoolA, 'Несходова Вера', { pedagogicalExperienceYears: 3, pedagogicalExperienceSince: startOfYearsAgo(7) }) },
      curatorA,
    );
    expect(extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.pedagogicalExperienceYears' });
    expect(await names({ search: 'Несходова', includeArchived: true }, office)).toEqual([]);
  });

  it('refuses a person without any experience given, and writes nothing', async () => {
    const extensions = await refusal(CREATE_PERSON, { input: personInput(schoolA, 'Безстажева Вера', { pedagogicalExperienceYears: null }) }, curatorA);
    expect(extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.pedagogicalExperienceSince' });
    expect(await names({ search: 'Безстажева', includeArchived: true }, office)).toEqual([]);
  });

  it('updates with optimistic locking: a stale expectedVersion is refused and the first change is kept', async () => {
    const id = await createPerson(system, curatorA, schoolA, { fullName: 'Версиева Анна', position: 'Учитель' });

    const first = await system.request<{ updatePerson: PersonView }>(UPDATE_PERSON, { id, input: { expectedVersion: 1, fullName: 'Версиева-Смирнова Анна' } }, curatorA);
    expect(first.updatePerson).toMatchObject({ fullName: 'Версиева-Смирнова Анна', position: 'Учитель', version: 2 });

    // A second curator read version 1 too and now saves a different change.
    const extensions = await refusal(UPDATE_PERSON, { id, input: { expectedVersion: 1, position: 'Завуч', fullName: 'Версиева Анна Ивановна' } }, curatorA);
    expect(extensions).toEqual({ code: 'VERSION_CONFLICT', field: 'input.expectedVersion' });
    expect(await readPerson(id)).toMatchObject({ fullName: 'Версиева-Смирнова Анна', position: 'Учитель', version: 2 });

    // With the fresh version the change goes through.
    const second = await system.request<{ updatePerson: PersonView }>(UPDATE_PERSON, { id, input: { expectedVersion: 2, position: 'Завуч' } }, curatorA);
    expect(second.updatePerson).toMatchObject({ fullName: 'Версиева-Смирнова Анна', position: 'Завуч', version: 3 });
  });

  it('updates experience by years or by date, and refuses both disagreeing without writing', async () => {
    const id = await createPerson(system, curatorA, schoolA, { fullName: 'Стажева Ольга', pedagogicalExperienceYears: 10 });
    const byYears = await system.request<{ updatePerson: PersonView }>(UPDATE_PERSON, { id, input: { expectedVersion: 1, pedagogicalExperienceYears: 2 } }, curatorA);
    expect(byYears.updatePerson).toMatchObject({ pedagogicalExperienceYears: 2, isYoungSpecialist: true, version: 2 });

    const extensions = await refusal(
      UPDATE_PERSON,
      { id, input: { expectedVersion: 2, pedagogicalExperienceYears: 1, pedagogicalExperienceSince: startOfYearsAgo(9) } },
      curatorA,
    );
    expect(extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.pedagogicalExperienceYears' });
    expect(await readPerson(id)).toMatchObject({ pedagogicalExperienceYears: 2, version: 2 });

    const byDate = await system.request<{ updatePerson: PersonView }>(
      UPDATE_PERSON,
      { id, input: { expectedVersion: 2, pedagogicalExperienceSince: startOfYearsAgo(9) } },
      curatorA,
    );
    expect(byDate.updatePerson).toMatchObject({ pedagogicalExperienceSince: startOfYearsAgo(9), pedagogicalExperienceYears: 9, isYoungSpecialist: false, version: 3 });
  });

  it('archives a person: every record stays, the lists leave the person out unless includeArchived', async () => {
    const id = await createPerson(system, curatorA, schoolA, { fullName: 'Архивова Зоя', pedagogicalExperienceYears: 1 }, []);
    const consent = await giveConsent(id, 'PERSONAL_DATA', curatorA);
    const psychological = await giveConsent(id, 'PSYCHOLOGICAL_DIAGNOSTICS', curatorA);
    const mentee = await openMentee(id, ['BURNOUT'], curatorA);
    expect(await names({ search: 'Архивова' }, curatorA)).toEqual(['Архивова Зоя']);

    const archived = await system.request<{ archivePerson: PersonView }>(ARCHIVE_PERSON, { id }, curatorA);
    expect(archived.archivePerson.archivedAt).not.toBeNull();
    expect(archived.archivePerson.version).toBe(2);

    expect(await names({ search: 'Архивова' }, curatorA)).toEqual([]);
    expect(await names({ search: 'Архивова', base: 'MENTEE' }, curatorA)).toEqual([]);
    expect(await names({ search: 'Архивова', includeArchived: true }, curatorA)).toEqual(['Архивова Зоя']);

    const kept = await readPerson(id, curatorA);
    expect(kept.fullName).toBe('Архивова Зоя');
    expect(kept.menteeProfiles.map((profile) => profile.id)).toEqual([mentee.id]);
    expect(kept.menteeCategories).toEqual(['YOUNG_SPECIALIST', 'BURNOUT']);
    expect(kept.consents).toHaveLength(2);
    expect(kept.consents).toEqual(expect.arrayContaining([consent, psychological]));
    expect(kept.schoolHistory).toHaveLength(1);

    // Archiving twice changes nothing; an archived person is not edited nor entered into a base.
    expect((await system.request<{ archivePerson: PersonView }>(ARCHIVE_PERSON, { id }, curatorA)).archivePerson.version).toBe(2);
    expect(await refusal(UPDATE_PERSON, { id, input: { expectedVersion: 2, position: 'Завуч' } }, curatorA)).toEqual({ code: 'PERSON_ARCHIVED', field: 'id' });
    expect(await refusal(OPEN_MENTOR, { input: { personId: id, kind: 'EXPERIENCED_TEACHER' } }, curatorA)).toEqual({
      code: 'PERSON_ARCHIVED',
      field: 'input.personId',
    });
    const after = await readPerson(id);
    expect(after).toMatchObject({ position: 'Учитель', version: 2 });
    expect(after.mentorProfiles).toEqual([]);
  });

  describe('moving to another school', () => {
    it('is refused to a curator, and nothing changes', async () => {
      const id = await createPerson(system, curatorA, schoolA, { fullName: 'Неперевёдова Ада', hiredOn: '2020-09-01' });
      const extensions = await refusal(MOVE_PERSON, { input: { personId: id, toSchoolId: schoolB, movedOn: '2025-01-10' } }, curatorA);
      expect(extensions).toEqual({ code: 'FORBIDDEN' });
      const person = await readPerson(id);
      expect(person).toMatchObject({ schoolId: schoolA, version: 1, hiredOn: '2020-09-01' });
      expect(person.schoolHistory).toEqual([{ schoolId: schoolA, position: 'Учитель', fromDate: '2020-09-01', toDate: null }]);
    });

    it('is done by the office and keeps the school history, the first membership closed the day before', async () => {
      const id = await createPerson(system, curatorA, schoolA, { fullName: 'Переводова Анна', hiredOn: '2020-09-01' });
      const moved = await system.request<{ movePerson: PersonView & { schoolHistory: Membership[] } }>(
        MOVE_PERSON,
        { input: { personId: id, toSchoolId: schoolB, movedOn: '2025-01-10', position: 'Учитель физики' } },
        office,
      );
      expect(moved.movePerson).toMatchObject({ schoolId: schoolB, position: 'Учитель физики', hiredOn: '2025-01-10', version: 2 });
      const expectedHistory = [
        { schoolId: schoolA, position: 'Учитель', fromDate: '2020-09-01', toDate: '2025-01-09' },
        { schoolId: schoolB, position: 'Учитель физики', fromDate: '2025-01-10', toDate: null },
      ];
      expect(moved.movePerson.schoolHistory).toEqual(expectedHistory);
      expect((await readPerson(id)).schoolHistory).toEqual(expectedHistory);

      // The old school no longer sees the person; the new one does.
      expect(await refusal(READ_PERSON, { id }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'id' });
      expect((await readPerson(id, curatorB)).schoolHistory).toEqual(expectedHistory);
    });

    it('closes the base entries at the old school and takes the consents along', async () => {
      const id = await createPerson(system, curatorA, schoolA, { fullName: 'Переходова Нина', hiredOn: '2020-09-01' }, []);
      await giveConsent(id, 'PERSONAL_DATA', curatorA);
      await giveConsent(id, 'PSYCHOLOGICAL_DIAGNOSTICS', curatorA);
      const mentor = await openMentor(id, curatorA, { openedOn: '2024-09-01' });
      const mentee = await openMentee(id, ['BURNOUT'], curatorA);
      await system.request(MOVE_PERSON, { input: { personId: id, toSchoolId: schoolB, movedOn: '2025-01-10' } }, office);

      // The closed entries stay the old school's records: the office sees them, the new school does not.
      expect((await readPerson(id, curatorB)).mentorProfiles).toEqual([]);
      const person = await readPerson(id, office);
      expect(person.mentorProfiles.map((entry) => ({ id: entry.id, status: entry.status, closedOn: entry.closedOn }))).toEqual([
        { id: mentor.id, status: 'LEFT', closedOn: '2025-01-09' },
      ]);
      expect(person.menteeProfiles.map((entry) => entry.status)).toEqual(['LEFT']);
      expect(person.menteeProfiles[0]!.id).toBe(mentee.id);
      expect(person.consents.map((consent) => consent.scope).sort()).toEqual(['PERSONAL_DATA', 'PSYCHOLOGICAL_DIAGNOSTICS']);
      // The new school opens its own entry.
      expect((await openMentee(id, ['NEW_WORKPLACE'], curatorB)).status).toBe('ACTIVE');
    });

    it('refuses a move to the same school or before the current membership started, and writes nothing', async () => {
      const id = await createPerson(system, curatorA, schoolA, { fullName: 'Остаётся Вера', hiredOn: '2020-09-01' });
      expect(await refusal(MOVE_PERSON, { input: { personId: id, toSchoolId: schoolA, movedOn: '2025-01-10' } }, office)).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'input.toSchoolId',
      });
      expect(await refusal(MOVE_PERSON, { input: { personId: id, toSchoolId: schoolB, movedOn: '2020-09-01' } }, office)).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'input.movedOn',
      });
      expect(await refusal(MOVE_PERSON, { input: { personId: id, toSchoolId: randomUUID(), movedOn: '2025-01-10' } }, office)).toEqual({
        code: 'NOT_FOUND',
        field: 'input.toSchoolId',
      });
      expect(await refusal(MOVE_PERSON, { input: { personId: randomUUID(), toSchoolId: schoolB, movedOn: '2025-01-10' } }, office)).toEqual({
        code: 'NOT_FOUND',
        field: 'input.personId',
      });
      const person = await readPerson(id);
      expect(person).toMatchObject({ schoolId: schoolA, version: 1 });
      expect(person.schoolHistory).toEqual([{ schoolId: schoolA, position: 'Учитель', fromDate: '2020-09-01', toDate: null }]);
    });
  });
});

describe('mentor base', () => {
  it('walks an entry from CANDIDATE to ACTIVE (only after a passed interview) to LEFT, keeping every status', async () => {
    const personId = await createPerson(system, curatorA, schoolA, { fullName: 'Наставникова Галина', pedagogicalExperienceYears: 25 });
    const opened = await openMentor(personId, curatorA, { interviewResult: 'PENDING' });
    expect(opened).toMatchObject({ personId, schoolId: schoolA, status: 'CANDIDATE', interviewResult: 'PENDING', openedOn: '2025-08-25', closedOn: null });
    expect(opened.history).toEqual([{ status: 'CANDIDATE', changedOn: '2025-08-25', note: null }]);

    const refused = await refusal(CHANGE_MENTOR, { input: { profileId: opened.id, status: 'ACTIVE', changedOn: '2025-09-01' } }, curatorA);
    expect(refused).toEqual({ code: 'INVALID_STATUS_CHANGE', field: 'input.status' });
    const unchanged = (await system.request<{ mentorProfile: MentorView }>(READ_MENTOR, { id: opened.id }, office)).mentorProfile;
    expect(unchanged.status).toBe('CANDIDATE');
    expect(unchanged.history).toHaveLength(1);

    const interviewed = await system.request<{ updateMentorProfile: MentorView }>(
      UPDATE_MENTOR,
      { id: opened.id, input: { interviewResult: 'PASSED', interviewOn: '2025-08-28', capacity: 3 } },
      curatorA,
    );
    expect(interviewed.updateMentorProfile).toMatchObject({ status: 'CANDIDATE', interviewResult: 'PASSED', interviewOn: '2025-08-28', capacity: 3 });

    const active = await changeMentor(opened.id, 'ACTIVE', '2025-09-01', curatorA);
    expect(active).toMatchObject({ status: 'ACTIVE', closedOn: null });

    const paused = await changeMentor(opened.id, 'PAUSED', '2026-01-15', curatorA);
    expect(paused.status).toBe('PAUSED');

    const left = await changeMentor(opened.id, 'LEFT', '2026-05-31', curatorA);
    expect(left).toMatchObject({ status: 'LEFT', closedOn: '2026-05-31' });
    expect(left.history.map(({ status, changedOn }) => [status, changedOn])).toEqual([
      ['CANDIDATE', '2025-08-25'],
      ['ACTIVE', '2025-09-01'],
      ['PAUSED', '2026-01-15'],
      ['LEFT', '2026-05-31'],
    ]);

    const person = await readPerson(personId);
    expect(person.mentorProfile).toBeNull();
    expect(person.mentorProfiles.map((profile) => profile.id)).toEqual([opened.id]);
  });

  it('refuses a status change dated before the entry was opened, and writes nothing', async () => {
    const personId = await createPerson(system, curatorA, schoolA, { fullName: 'Раньшева Инна', pedagogicalExperienceYears: 20 });
    const opened = await openMentor(personId, curatorA, { interviewResult: 'PASSED' });
    expect(await refusal(CHANGE_MENTOR, { input: { profileId: opened.id, status: 'ACTIVE', changedOn: '2025-08-24' } }, curatorA)).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'input.changedOn',
    });
    const profile = (await system.request<{ mentorProfile: MentorView }>(READ_MENTOR, { id: opened.id }, office)).mentorProfile;
    expect(profile.status).toBe('CANDIDATE');
    expect(profile.history).toHaveLength(1);
  });

  it('refuses a second open entry for the same person, and writes nothing', async () => {
    const personId = await createActiveMentor(system, curatorA, schoolA, { fullName: 'Двойнова Марина' });
    const extensions = await refusal(OPEN_MENTOR, { input: { personId, kind: 'VETERAN', openedOn: '2025-10-01' } }, curatorA);
    expect(extensions).toEqual({ code: 'BASE_ENTRY_EXISTS', field: 'input.personId' });
    const person = await readPerson(personId);
    expect(person.mentorProfiles).toHaveLength(1);
    expect(person.mentorProfiles[0]).toMatchObject({ kind: 'EXPERIENCED_TEACHER', status: 'ACTIVE' });
  });

  it('keeps a closed entry as recorded, and lets a new entry be opened after LEFT', async () => {
    const personId = await createActiveMentor(system, curatorA, schoolA, { fullName: 'Возвратова Нина' });
    const first = (await readPerson(personId)).mentorProfile!;
    await changeMentor(first.id, 'LEFT', '2026-05-31', curatorA);

    expect(await refusal(UPDATE_MENTOR, { id: first.id, input: { capacity: 5 } }, curatorA)).toEqual({ code: 'BASE_ENTRY_CLOSED', field: 'id' });
    expect(await refusal(CHANGE_MENTOR, { input: { profileId: first.id, status: 'ACTIVE', changedOn: '2026-06-01' } }, curatorA)).toEqual({
      code: 'INVALID_STATUS_CHANGE',
      field: 'input.status',
    });
    const closed = (await system.request<{ mentorProfile: MentorView }>(READ_MENTOR, { id: first.id }, office)).mentorProfile;
    expect(closed).toMatchObject({ capacity: 2, status: 'LEFT', closedOn: '2026-05-31' });
    expect(closed.history).toHaveLength(3);

    const second = await openMentor(personId, curatorA, { kind: 'VETERAN', openedOn: '2026-08-25' });
    expect(second).toMatchObject({ status: 'CANDIDATE', kind: 'VETERAN', closedOn: null });
    expect(second.id).not.toBe(first.id);

    const person = await readPerson(personId);
    expect(person.mentorProfile).toEqual({ id: second.id, status: 'CANDIDATE' });
    expect(person.mentorProfiles.map((profile) => [profile.id, profile.status, profile.closedOn])).toEqual([
      [second.id, 'CANDIDATE', null],
      [first.id, 'LEFT', '2026-05-31'],
    ]);
  });
});

describe('mentee base', () => {
  it('derives YOUNG_SPECIALIST from experience, never storing it', async () => {
    const young = await createPerson(system, curatorA, schoolA, { fullName: 'Молодова Ксения', pedagogicalExperienceYears: 1 });
    const withoutCategories = await openMentee(young, [], curatorA);
    expect(withoutCategories).toMatchObject({ status: 'ACTIVE', categories: ['YOUNG_SPECIALIST'], closedOn: null });

    const youngAdapting = await createPerson(system, curatorA, schoolA, { fullName: 'Новоместова Ксения', pedagogicalExperienceYears: 2 });
    const explicit = await openMentee(youngAdapting, ['NEW_WORKPLACE', 'YOUNG_SPECIALIST', 'NEW_WORKPLACE'], curatorA);
    expect(explicit.categories).toEqual(['YOUNG_SPECIALIST', 'NEW_WORKPLACE']);
    expect((await readPerson(youngAdapting)).menteeCategories).toEqual(['YOUNG_SPECIALIST', 'NEW_WORKPLACE']);

    // The derived category follows experience: once it is corrected to 10 years the category goes.
    const corrected = await system.request<{ updatePerson: PersonView }>(UPDATE_PERSON, { id: youngAdapting, input: { expectedVersion: 1, pedagogicalExperienceYears: 10 } }, curatorA);
    expect(corrected.updatePerson.isYoungSpecialist).toBe(false);
    expect((await readPerson(youngAdapting)).menteeCategories).toEqual(['NEW_WORKPLACE']);

    const senior = await createPerson(system, curatorA, schoolA, { fullName: 'Выгорова Тамара', pedagogicalExperienceYears: 12 });
    expect((await openMentee(senior, ['BURNOUT'], curatorA)).categories).toEqual(['BURNOUT']);
  });

  it('refuses an experience correction that would leave a young-specialist-only mentee with no category', async () => {
    const young = await createPerson(system, curatorA, schoolA, { fullName: 'Стажева Инна', pedagogicalExperienceYears: 1 });
    await openMentee(young, [], curatorA);
    const extensions = await refusal(UPDATE_PERSON, { id: young, input: { expectedVersion: 1, pedagogicalExperienceYears: 10 } }, curatorA);
    expect(extensions).toEqual({ code: 'YOUNG_SPECIALIST_MISMATCH', field: 'input.pedagogicalExperienceSince' });
    expect(await readPerson(young)).toMatchObject({ isYoungSpecialist: true, version: 1, menteeCategories: ['YOUNG_SPECIALIST'] });
  });

  it('refuses YOUNG_SPECIALIST for a senior teacher with the code and field, and writes nothing', async () => {
    const senior = await createPerson(system, curatorA, schoolA, { fullName: 'Несоответова Лидия', pedagogicalExperienceYears: 10 });
    const extensions = await refusal(OPEN_MENTEE, { input: { personId: senior, categories: ['YOUNG_SPECIALIST', 'BURNOUT'] } }, curatorA);
    expect(extensions).toEqual({ code: 'YOUNG_SPECIALIST_MISMATCH', field: 'input.categories' });
    const person = await readPerson(senior);
    expect(person.menteeProfiles).toEqual([]);
    expect(person.menteeCategories).toEqual([]);
    expect(await names({ base: 'MENTEE', search: 'Несоответова' }, office)).toEqual([]);

    expect(await refusal(OPEN_MENTEE, { input: { personId: senior, categories: [] } }, curatorA)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.categories' });
    expect((await readPerson(senior)).menteeProfiles).toEqual([]);
  });

  it('refuses YOUNG_SPECIALIST for a senior teacher on update too, keeping the categories', async () => {
    const senior = await createPerson(system, curatorA, schoolA, { fullName: 'Правкина Лидия', pedagogicalExperienceYears: 15 });
    const profile = await openMentee(senior, ['DIGITAL_SKILLS'], curatorA);
    const extensions = await refusal(UPDATE_MENTEE, { id: profile.id, input: { categories: ['YOUNG_SPECIALIST'], requests: ['Новый запрос'] } }, curatorA);
    expect(extensions).toEqual({ code: 'YOUNG_SPECIALIST_MISMATCH', field: 'input.categories' });
    expect((await readPerson(senior)).menteeProfiles[0]).toMatchObject({ categories: ['DIGITAL_SKILLS'], requests: [] });

    const updated = await system.request<{ updateMenteeProfile: MenteeView }>(
      UPDATE_MENTEE,
      { id: profile.id, input: { categories: ['BURNOUT', 'DIGITAL_SKILLS'], requests: ['Работа с родителями'] } },
      curatorA,
    );
    expect(updated.updateMenteeProfile).toMatchObject({ categories: ['BURNOUT', 'DIGITAL_SKILLS'], requests: ['Работа с родителями'] });
  });

  it('keeps every status of an entry, closes it on COMPLETED and refuses to reopen it', async () => {
    const personId = await createPerson(system, curatorA, schoolA, { fullName: 'Историева Дина', pedagogicalExperienceYears: 1 });
    const profile = await openMentee(personId, [], curatorA);
    await changeMentee(profile.id, 'PAUSED', '2025-12-20', curatorA);
    await changeMentee(profile.id, 'ACTIVE', '2026-01-12', curatorA);
    const completed = await changeMentee(profile.id, 'COMPLETED', '2026-05-29', curatorA);
    expect(completed).toMatchObject({ status: 'COMPLETED', closedOn: '2026-05-29' });
    expect(completed.history.map(({ status, changedOn }) => [status, changedOn])).toEqual([
      ['ACTIVE', '2025-09-01'],
      ['PAUSED', '2025-12-20'],
      ['ACTIVE', '2026-01-12'],
      ['COMPLETED', '2026-05-29'],
    ]);

    expect(await refusal(CHANGE_MENTEE, { input: { profileId: profile.id, status: 'ACTIVE', changedOn: '2026-06-01' } }, curatorA)).toEqual({
      code: 'INVALID_STATUS_CHANGE',
      field: 'input.status',
    });
    expect(await refusal(UPDATE_MENTEE, { id: profile.id, input: { requests: ['Ещё'] } }, curatorA)).toEqual({ code: 'BASE_ENTRY_CLOSED', field: 'id' });
    const person = await readPerson(personId);
    expect(person.menteeProfile).toBeNull();
    expect(person.menteeProfiles[0]).toMatchObject({ status: 'COMPLETED', requests: [] });
    expect(person.menteeProfiles[0]!.history).toHaveLength(4);
  });
});

describe('consents', () => {
  it('gives, refuses a second active one, withdraws, refuses a second withdrawal', async () => {
    const personId = await createPerson(system, curatorA, schoolA, { fullName: 'Согласова Мила' }, []);
    const given = await giveConsent(personId, 'PERSONAL_DATA', curatorA, '2025-09-01');
    expect(given).toMatchObject({ scope: 'PERSONAL_DATA', givenOn: '2025-09-01', withdrawnOn: null, active: true });

    expect(await refusal(GIVE_CONSENT, { input: { personId, scope: 'PERSONAL_DATA', givenOn: '2025-09-02' } }, curatorA)).toEqual({
      code: 'CONFLICT',
      field: 'input.scope',
    });
    expect((await readPerson(personId)).consents).toEqual([given]);

    // Another scope is a separate consent.
    const monitoring = await giveConsent(personId, 'MONITORING', curatorA, '2025-09-03');
    expect(monitoring.active).toBe(true);

    const withdrawn = await system.request<{ withdrawConsent: ConsentView }>(WITHDRAW_CONSENT, { input: { consentId: given.id, withdrawnOn: '2025-10-01' } }, curatorA);
    expect(withdrawn.withdrawConsent).toEqual({ ...given, withdrawnOn: '2025-10-01', active: false });

    expect(await refusal(WITHDRAW_CONSENT, { input: { consentId: given.id, withdrawnOn: '2025-10-05' } }, curatorA)).toEqual({
      code: 'CONFLICT',
      field: 'input.consentId',
    });
    const consents = (await readPerson(personId)).consents;
    expect(consents.find((consent) => consent.id === given.id)).toMatchObject({ withdrawnOn: '2025-10-01', active: false });
    expect(consents.find((consent) => consent.id === monitoring.id)).toMatchObject({ withdrawnOn: null, active: true });

    // After the withdrawal the consent can be given anew, as a new record.
    const again = await giveConsent(personId, 'PERSONAL_DATA', curatorA, '2025-11-01');
    expect(again.id).not.toBe(given.id);
    expect((await readPerson(personId)).consents).toHaveLength(3);
  });

  it('refuses a withdrawal dated before the consent was given', async () => {
    const personId = await createPerson(system, curatorA, schoolA, { fullName: 'Ранова Мила' }, []);
    const given = await giveConsent(personId, 'MONITORING', curatorA, '2025-09-01');
    expect(await refusal(WITHDRAW_CONSENT, { input: { consentId: given.id, withdrawnOn: '2025-08-31' } }, curatorA)).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'input.withdrawnOn',
    });
    expect((await readPerson(personId)).consents).toEqual([given]);
  });

  it('lets a teacher record a consent about themself, but not about a colleague', async () => {
    const self = await createPerson(system, curatorA, schoolA, { fullName: 'Самова Людмила' }, []);
    const colleague = await createPerson(system, curatorA, schoolA, { fullName: 'Коллегова Людмила' }, []);
    const menteeToken = await system.token(Role.MENTEE, schoolA, self);
    expect((await giveConsent(self, 'PSYCHOLOGICAL_DIAGNOSTICS', menteeToken)).active).toBe(true);
    expect(await refusal(GIVE_CONSENT, { input: { personId: colleague, scope: 'PERSONAL_DATA' } }, menteeToken)).toEqual({ code: 'FORBIDDEN' });
    expect((await readPerson(colleague)).consents).toEqual([]);
  });
});

describe('list filters', () => {
  let schoolF: string;
  let curatorF: string;

  beforeAll(async () => {
    schoolF = await createSchool(system, office, 'Школа фильтров');
    curatorF = await system.token(Role.CURATOR, schoolF);
    const person = (fullName: string, overrides: Record<string, unknown> = {}) => createPerson(system, curatorF, schoolF, { fullName, ...overrides });

    await createActiveMentor(system, curatorF, schoolF, { fullName: 'Ааронова Мария', subjects: ['Физика'] });
    await openMentor(await person('Бабаева Ольга', { pedagogicalExperienceYears: 15 }), curatorF);
    const leftMentor = await createActiveMentor(system, curatorF, schoolF, { fullName: 'Ушедшева Алла', subjects: ['Физика'] });
    await changeMentor((await readPerson(leftMentor)).mentorProfile!.id, 'LEFT', '2026-01-31', curatorF);

    await openMentee(await person('Веселова Юлия', { pedagogicalExperienceYears: 1, subjects: ['Русский язык'] }), [], curatorF);
    await openMentee(await person('Гусева Нина', { pedagogicalExperienceYears: 10 }), ['BURNOUT'], curatorF);
    const paused = await openMentee(await person('Дёмина Алла', { pedagogicalExperienceYears: 2 }), ['DIGITAL_SKILLS'], curatorF);
    await changeMentee(paused.id, 'PAUSED', '2025-12-01', curatorF);
    await openMentee(await person('Егорова Трилетова', { pedagogicalExperienceYears: 3 }), [], curatorF);
    await openMentee(await person('Жукова Четырёхлетова', { pedagogicalExperienceYears: 4 }), ['NEW_WORKPLACE'], curatorF);
    const completed = await openMentee(await person('Зайцева Завершила', { pedagogicalExperienceYears: 1 }), [], curatorF);
    await changeMentee(completed.id, 'COMPLETED', '2026-05-29', curatorF);

    await person('Процентова 100% Ольга');
    await person('Процентова 1000 Ольга');
    await person('Под_чёркова Анна');
    await person('Подачина Анна');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['the mentor base (open entries only)', { base: 'MENTOR' }, ['Ааронова Мария', 'Бабаева Ольга']],
    ['active mentors', { mentorStatus: 'ACTIVE' }, ['Ааронова Мария']],
    ['candidate mentors', { mentorStatus: 'CANDIDATE' }, ['Бабаева Ольга']],
    ['the mentee base (open entries only)', { base: 'MENTEE' }, ['Веселова Юлия', 'Гусева Нина', 'Дёмина Алла', 'Егорова Трилетова', 'Жукова Четырёхлетова']],
    ['young specialists, derived from experience (3 years yes, 4 years no)', { menteeCategory: 'YOUNG_SPECIALIST' }, ['Веселова Юлия', 'Дёмина Алла', 'Егорова Трилетова']],
    ['burnout', { menteeCategory: 'BURNOUT' }, ['Гусева Нина']],
    ['digital skills', { menteeCategory: 'DIGITAL_SKILLS' }, ['Дёмина Алла']],
    ['new workplace', { menteeCategory: 'NEW_WORKPLACE' }, ['Жукова Четырёхлетова']],
    ['paused young specialists', { menteeCategory: 'YOUNG_SPECIALIST', menteeStatus: 'PAUSED' }, ['Дёмина Алла']],
    ['active young specialists', { menteeCategory: 'YOUNG_SPECIALIST', menteeStatus: 'ACTIVE' }, ['Веселова Юлия', 'Егорова Трилетова']],
    ['completed mentees (closed entries are not in the base)', { menteeStatus: 'COMPLETED' }, []],
    ['a subject', { subject: 'Физика' }, ['Ааронова Мария', 'Ушедшева Алла']],
    ['a subject and the mentor base', { subject: 'Физика', base: 'MENTOR' }, ['Ааронова Мария']],
    ['another subject', { subject: 'Русский язык' }, ['Веселова Юлия']],
    ['a search in another case', { search: 'аАРОНОВА' }, ['Ааронова Мария']],
    ['a search in the middle of the name', { search: 'ольга' }, ['Бабаева Ольга', 'Процентова 1000 Ольга', 'Процентова 100% Ольга']],
    ['a search with % taken literally', { search: '100%' }, ['Процентова 100% Ольга']],
    ['a lone % taken literally', { search: '%' }, ['Процентова 100% Ольга']],
    ['a search with _ taken literally', { search: 'д_ч' }, ['Под_чёркова Анна']],
    ['a lone _ taken literally', { search: '_' }, ['Под_чёркова Анна']],
    ['a backslash taken literally', { search: '\\' }, []],
    ['a search and a base', { search: 'ова', base: 'MENTEE' }, ['Веселова Юлия', 'Егорова Трилетова', 'Жукова Четырёхлетова']],
  ])('filters by %s', async (_case, filter, expected) => {
    expect(await names(filter, curatorF)).toEqual([...expected].sort());
  });

  it('lists the school for the office with a schoolId filter, and nothing of it for another school', async () => {
    expect(await names({ schoolId: schoolF, menteeCategory: 'YOUNG_SPECIALIST' }, office)).toEqual(['Веселова Юлия', 'Дёмина Алла', 'Егорова Трилетова']);
    expect(await names({ search: 'Процентова' }, curatorA)).toEqual([]);
  });
});

describe('the school boundary', () => {
  let personOfB: string;
  let mentorEntryOfB: string;
  let consentOfB: ConsentView;

  beforeAll(async () => {
    personOfB = await createPerson(system, curatorB, schoolB, { fullName: 'Чужова Бэлла', pedagogicalExperienceYears: 1 }, []);
    const mentorOfB = await createActiveMentor(system, curatorB, schoolB, { fullName: 'Чужова Наставница' });
    mentorEntryOfB = (await readPerson(mentorOfB)).mentorProfile!.id;
    consentOfB = await giveConsent(personOfB, 'PERSONAL_DATA', curatorB);
  });

  it('refuses a curator of A creating a person in school B, and writes nothing', async () => {
    const extensions = await refusal(CREATE_PERSON, { input: personInput(schoolB, 'Подкинутова Ева') }, curatorA);
    expect(extensions).toEqual({ code: 'NOT_FOUND', field: 'input.schoolId' });
    expect(await names({ search: 'Подкинутова', includeArchived: true }, office)).toEqual([]);
  });

  it('refuses a curator of A opening a mentor or mentee entry for a person of B, and writes nothing', async () => {
    expect(await refusal(OPEN_MENTOR, { input: { personId: personOfB, kind: 'EXPERIENCED_TEACHER' } }, curatorA)).toEqual({
      code: 'NOT_FOUND',
      field: 'input.personId',
    });
    expect(await refusal(OPEN_MENTEE, { input: { personId: personOfB, categories: [] } }, curatorA)).toEqual({
      code: 'NOT_FOUND',
      field: 'input.personId',
    });
    const person = await readPerson(personOfB);
    expect(person.mentorProfiles).toEqual([]);
    expect(person.menteeProfiles).toEqual([]);
  });

  it('refuses a curator of A withdrawing or giving a consent of B, and writes nothing', async () => {
    expect(await refusal(WITHDRAW_CONSENT, { input: { consentId: consentOfB.id } }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'input.consentId' });
    expect(await refusal(GIVE_CONSENT, { input: { personId: personOfB, scope: 'MONITORING' } }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'input.personId' });
    expect((await readPerson(personOfB)).consents).toEqual([consentOfB]);
  });

  it('refuses a curator of A changing, archiving or moving people and entries of B, and writes nothing', async () => {
    expect(await refusal(UPDATE_PERSON, { id: personOfB, input: { expectedVersion: 1, fullName: 'Переименова Бэлла' } }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await refusal(ARCHIVE_PERSON, { id: personOfB }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await refusal(CHANGE_MENTOR, { input: { profileId: mentorEntryOfB, status: 'LEFT' } }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'input.profileId' });
    expect(await refusal(UPDATE_MENTOR, { id: mentorEntryOfB, input: { capacity: 7 } }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await refusal(READ_MENTOR, { id: mentorEntryOfB }, curatorA)).toEqual({ code: 'NOT_FOUND', field: 'id' });

    expect(await readPerson(personOfB)).toMatchObject({ fullName: 'Чужова Бэлла', archivedAt: null, version: 1, schoolId: schoolB });
    const entry = (await system.request<{ mentorProfile: MentorView }>(READ_MENTOR, { id: mentorEntryOfB }, office)).mentorProfile;
    expect(entry).toMatchObject({ status: 'ACTIVE', capacity: 2, closedOn: null });
  });

  it('refuses staff who do not keep the bases, in their own school, and writes nothing', async () => {
    for (const role of [Role.MENTOR, Role.MENTEE, Role.PSYCHOLOGIST]) {
      const token = await system.token(role, schoolA);
      expect(await refusal(CREATE_PERSON, { input: personInput(schoolA, `Самовольнова ${role}`) }, token)).toEqual({ code: 'FORBIDDEN' });
    }
    expect(await names({ search: 'Самовольнова', includeArchived: true }, office)).toEqual([]);
  });

  it('lets the school admin of B keep the bases of B', async () => {
    const admin = await system.token(Role.SCHOOL_ADMIN, schoolB);
    const id = await createPerson(system, admin, schoolB, { fullName: 'Директорова Бэлла', pedagogicalExperienceYears: 1 });
    expect((await openMentee(id, [], admin)).categories).toEqual(['YOUNG_SPECIALIST']);
  });

  it('refuses the office of another municipality', async () => {
    const stranger = await signToken({ userId: 'stranger', role: Role.MUNICIPAL_ADMIN, municipalityId: randomUUID(), schoolId: null, personId: null }, AUTH);
    expect(await refusal(READ_PERSON, { id: personOfB }, stranger)).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(await refusal(CREATE_PERSON, { input: personInput(schoolB, 'Чужемуниципальнова Ева') }, stranger)).toEqual({ code: 'NOT_FOUND', field: 'input.schoolId' });
    expect(await names({ search: 'Чужемуниципальнова', includeArchived: true }, office)).toEqual([]);
  });
});
