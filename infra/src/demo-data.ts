import { requestGraphQL } from './graphql-client';

/** The demo municipality; `npm run token` names it by default. */
export const DEMO_MUNICIPALITY = { id: '6f1c2a8e-4b7d-4e36-9a51-3d0c7b2e9f14', name: 'Управление образования Старицкого муниципального округа' };

const SCHOOLS = [
  { name: 'МБОУ «Старицкая средняя общеобразовательная школа № 1»', address: 'г. Старица, ул. Ленина, 12' },
  { name: 'МБОУ «Гимназия № 2 г. Старица»', address: 'г. Старица, ул. Советская, 5' },
  { name: 'МБОУ «Луковниковская средняя школа»', address: 'с. Луковниково, ул. Школьная, 1' },
];

const SURNAMES: [string, string][] = [
  ['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'], ['Соколов', 'Соколова'],
  ['Лебедев', 'Лебедева'], ['Козлов', 'Козлова'], ['Новиков', 'Новикова'], ['Морозов', 'Морозова'], ['Петров', 'Петрова'],
  ['Волков', 'Волкова'], ['Соловьёв', 'Соловьёва'], ['Васильев', 'Васильева'], ['Зайцев', 'Зайцева'], ['Павлов', 'Павлова'],
  ['Семёнов', 'Семёнова'], ['Голубев', 'Голубева'], ['Виноградов', 'Виноградова'], ['Богданов', 'Богданова'], ['Воробьёв', 'Воробьёва'],
];
const MALE_NAMES = ['Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Михаил', 'Николай', 'Владимир'];
const FEMALE_NAMES = ['Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Мария', 'Анна', 'Екатерина', 'Юлия'];
const PATRONYMICS: [string, string][] = [
  ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Иванович', 'Ивановна'], ['Петрович', 'Петровна'],
  ['Николаевич', 'Николаевна'], ['Викторович', 'Викторовна'], ['Юрьевич', 'Юрьевна'], ['Владимирович', 'Владимировна'],
];
const SUBJECTS = ['Математика', 'Русский язык и литература', 'История', 'Физика', 'Биология', 'Английский язык', 'Информатика', 'Начальные классы'];

type Category = 'YOUNG_SPECIALIST' | 'BURNOUT' | 'NEW_WORKPLACE' | 'DIGITAL_SKILLS';

/** Mentees of every category; young specialists follow from their 0–3 years of experience. */
const MENTEES: { category: Category; experienceYears: number; subForm: string; parameters: string[] }[] = [
  { category: 'YOUNG_SPECIALIST', experienceYears: 0, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', parameters: ['adaptation', 'professional_difficulties', 'motivation'] },
  { category: 'YOUNG_SPECIALIST', experienceYears: 1, subForm: 'CLASS_TEACHER_YOUNG_SPECIALIST', parameters: ['adaptation', 'professional_difficulties', 'motivation'] },
  { category: 'YOUNG_SPECIALIST', experienceYears: 2, subForm: 'EXPERIENCED_SUBJECT_TEACHER_NOVICE', parameters: ['adaptation', 'professional_difficulties', 'motivation'] },
  { category: 'BURNOUT', experienceYears: 14, subForm: 'COMMUNITY_LEADER_STRUGGLING_TEACHER', parameters: ['fatigue', 'anxiety', 'work_satisfaction'] },
  { category: 'BURNOUT', experienceYears: 21, subForm: 'COMMUNITY_LEADER_STRUGGLING_TEACHER', parameters: ['fatigue', 'anxiety', 'work_satisfaction'] },
  { category: 'NEW_WORKPLACE', experienceYears: 7, subForm: 'EXPERIENCED_SUBJECT_TEACHER_NOVICE', parameters: ['school_traditions_knowledge', 'adaptation'] },
  { category: 'NEW_WORKPLACE', experienceYears: 11, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', parameters: ['school_traditions_knowledge', 'adaptation'] },
  { category: 'DIGITAL_SKILLS', experienceYears: 26, subForm: 'INNOVATOR_CONSERVATIVE_TEACHER', parameters: ['digital_skills', 'professional_competence'] },
];
const MENTOR_KINDS = ['EXPERIENCED_TEACHER', 'EXPERIENCED_CLASS_TEACHER', 'COMMUNITY_LEADER', 'INNOVATOR', 'EXPERIENCED_SUBJECT_TEACHER'];
const LOWER_IS_BETTER = new Set(['fatigue', 'anxiety', 'professional_difficulties']);

/** A small deterministic generator, so every start builds the same demo. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A date `years` whole years and two months before today, so derived experience stays as planned. */
function yearsAgo(years: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - 2);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
}

const MUTATIONS = {
  createSchool: `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`,
  createPerson: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
  openMentor: `mutation($input: OpenMentorProfileInput!) { openMentorProfile(input: $input) { id } }`,
  activateMentor: `mutation($input: ChangeMentorStatusInput!) { changeMentorStatus(input: $input) { id } }`,
  openMentee: `mutation($input: OpenMenteeProfileInput!) { openMenteeProfile(input: $input) { id } }`,
  createProgram: `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
  formPair: `mutation($input: FormPairInput!) { formPair(input: $input) { id } }`,
  startPair: `mutation($id: ID!, $on: String) { startPair(id: $id, startedOn: $on) { id } }`,
  measure: `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`,
  giveConsents: `mutation($personId: ID!) {
    personalData: giveConsent(input: { personId: $personId, scope: PERSONAL_DATA, givenOn: "2025-08-20" }) { id }
    monitoring: giveConsent(input: { personId: $personId, scope: MONITORING, givenOn: "2025-08-20" }) { id }
    psychological: giveConsent(input: { personId: $personId, scope: PSYCHOLOGICAL_DIAGNOSTICS, givenOn: "2025-08-20" }) { id }
  }`,
  giveMonitoringConsent: `mutation($personId: ID!) { giveConsent(input: { personId: $personId, scope: MONITORING, givenOn: "2025-08-20" }) { id } }`,
};

export interface DemoSummary {
  schools: { id: string; name: string }[];
  people: number;
  pairs: number;
  measurements: number;
}

/**
 * Loads the demo municipality through the public API, as the office and its curators would:
 * three schools, each with mentors, mentees of every category, a 2025/2026 programme, started
 * pairs, and before/after measurements (a few "after" values deliberately missing).
 */
export async function loadDemoData(gatewayUrl: string, officeToken: string): Promise<DemoSummary> {
  const random = mulberry32(20251);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const call = <T>(query: string, variables: Record<string, unknown>) => requestGraphQL<T>(gatewayUrl, query, variables, officeToken);
  const summary: DemoSummary = { schools: [], people: 0, pairs: 0, measurements: 0 };
  let surnameIndex = 0;

  const createPerson = async (schoolId: string, position: string, experienceYears: number, subject: string): Promise<string> => {
    const female = random() < 0.8;
    const [male, femaleSurname] = SURNAMES[surnameIndex++ % SURNAMES.length]!;
    const [malePatronymic, femalePatronymic] = pick(PATRONYMICS);
    const fullName = female ? `${femaleSurname} ${pick(FEMALE_NAMES)} ${femalePatronymic}` : `${male} ${pick(MALE_NAMES)} ${malePatronymic}`;
    const birthYear = 2026 - 23 - experienceYears - Math.floor(random() * 4);
    const { createPerson: person } = await call<{ createPerson: { id: string } }>(MUTATIONS.createPerson, {
      input: {
        schoolId,
        fullName,
        position,
        subjects: [subject],
        pedagogicalExperienceSince: yearsAgo(experienceYears),
        hiredOn: yearsAgo(Math.min(experienceYears, 5)),
        qualificationCategory: experienceYears >= 15 ? 'HIGHEST' : experienceYears >= 5 ? 'FIRST' : 'NONE',
        birthYear,
        email: `teacher${surnameIndex}.${schoolId.slice(0, 4)}@school.example`,
        phone: `+7 (48242) ${String(20000 + surnameIndex * 37).slice(0, 5)}`,
      },
    });
    summary.people += 1;
    return person.id;
  };

  for (const [schoolIndex, school] of SCHOOLS.entries()) {
    const { createSchool } = await call<{ createSchool: { id: string } }>(MUTATIONS.createSchool, { input: school });
    const schoolId = createSchool.id;
    summary.schools.push({ id: schoolId, name: school.name });
    // The curator answers the curators' questionnaires; mentors and mentees sign every consent on entering the programme.
    const curatorId = await createPerson(schoolId, 'Заместитель директора по учебной работе, куратор программы наставничества', 22, 'Математика');
    await call(MUTATIONS.giveMonitoringConsent, { personId: curatorId });
    await createPerson(schoolId, 'Педагог-психолог', 9, 'Психология');

    const mentorIds: string[] = [];
    for (const [index, kind] of MENTOR_KINDS.entries()) {
      const subject = SUBJECTS[(index + schoolIndex) % SUBJECTS.length]!;
      const personId = await createPerson(schoolId, 'Учитель', 15 + Math.floor(random() * 20), subject);
      await call(MUTATIONS.giveConsents, { personId });
      const { openMentorProfile } = await call<{ openMentorProfile: { id: string } }>(MUTATIONS.openMentor, {
        input: {
          personId,
          kind,
          subjects: [subject],
          competences: ['Методическое сопровождение', 'Подготовка открытых уроков'],
          capacity: 2,
          interviewOn: '2025-08-27',
          interviewResult: 'PASSED',
          trainingCompletedOn: '2025-09-05',
          certificateNumber: `УД-2025-${schoolIndex + 1}${String(index + 1).padStart(2, '0')}`,
          openedOn: '2025-08-25',
        },
      });
      await call(MUTATIONS.activateMentor, { input: { profileId: openMentorProfile.id, status: 'ACTIVE', changedOn: '2025-09-05' } });
      mentorIds.push(personId);
    }

    const { createProgram } = await call<{ createProgram: { id: string } }>(MUTATIONS.createProgram, {
      input: {
        schoolId,
        academicYear: '2025/2026',
        form: 'TEACHER_TEACHER',
        title: 'Программа наставничества «Учитель – учитель» на 2025/2026 учебный год',
        goal: 'Раскрытие личностного и профессионального потенциала педагогов, адаптация молодых специалистов',
        // The demo programme is already at the work of pairs, its earlier stages recorded as passed.
        stage: 'PAIRS_AT_WORK',
      },
    });

    for (const [index, mentee] of MENTEES.entries()) {
      const mentorId = mentorIds[index % mentorIds.length]!;
      const personId = await createPerson(schoolId, 'Учитель', mentee.experienceYears, SUBJECTS[(index + 2 * schoolIndex) % SUBJECTS.length]!);
      await call(MUTATIONS.giveConsents, { personId });
      await call(MUTATIONS.openMentee, {
        input: {
          personId,
          categories: mentee.category === 'YOUNG_SPECIALIST' ? [] : [mentee.category],
          requests: ['Помощь в подготовке к урокам', 'Работа с родителями'],
          deficits: ['Классное руководство', 'Использование цифровых образовательных ресурсов'],
          openedOn: '2025-09-01',
        },
      });
      const { formPair } = await call<{ formPair: { id: string } }>(MUTATIONS.formPair, {
        input: { programId: createProgram.id, mentorId, menteeIds: [personId], subForm: mentee.subForm, orderNumber: `${112 + schoolIndex}-од`, orderDate: '2025-09-10' },
      });
      await call(MUTATIONS.startPair, { id: formPair.id, on: '2025-09-15' });
      summary.pairs += 1;

      for (const parameterKey of mentee.parameters) {
        const lowerIsBetter = LOWER_IS_BETTER.has(parameterKey);
        const before = lowerIsBetter ? 3 + Math.round(random() * 2) : 1 + Math.round(random() * 2);
        const gain = Math.round(random() * 2 - 0.3);
        const after = Math.min(5, Math.max(1, lowerIsBetter ? before - gain : before + gain));
        await call(MUTATIONS.measure, {
          input: { personId, programId: createProgram.id, parameterKey, stage: 'BEFORE', value: before, measuredOn: '2025-09-12', source: 'DIRECT_ENTRY' },
        });
        summary.measurements += 1;
        // The last mentee of each school has not been measured "after" yet: the reports list them.
        if (index === MENTEES.length - 1) continue;
        await call(MUTATIONS.measure, {
          input: { personId, programId: createProgram.id, parameterKey, stage: 'AFTER', value: after, measuredOn: '2026-05-20', source: 'DIRECT_ENTRY' },
        });
        summary.measurements += 1;
      }
    }
  }
  return summary;
}
