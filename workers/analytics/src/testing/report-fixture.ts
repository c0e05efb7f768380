/**
 * A small municipality for the report tests, inserted with plain SQL: two schools of this
 * municipality, a programme of 2025/2026 in each, an older programme and a foreign municipality
 * whose data must not appear, pairs of several sub-forms and statuses, and before/after
 * measurements with two incomplete ones. Also the report's other sections: stage-1 campaigns with
 * respondents and answers of every question type, scorecards (final, draft, superseded, of a pair),
 * meetings and roadmap items, a parameter of the municipality's own and one of another's.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export interface FixturePerson {
  key: string;
  school: 'A' | 'B';
  fullName: string;
  experienceSince: string;
  birthYear: number | null;
  categories?: string[];
}

export interface FixtureMeasurement {
  person: string;
  program: 'A' | 'B';
  parameter: string;
  before: number | null;
  after: number | null;
}

export const FIXTURE_PEOPLE: FixturePerson[] = [
  { key: 'mA1', school: 'A', fullName: 'Андреева Анна Петровна', experienceSince: '2001-09-01', birthYear: 1975 },
  { key: 'mA2', school: 'A', fullName: 'Борисов Борис Ильич', experienceSince: '2012-09-01', birthYear: 1990 },
  { key: 'eA1', school: 'A', fullName: 'Васильева Вера Олеговна', experienceSince: '2024-09-01', birthYear: 2001 },
  { key: 'eA2', school: 'A', fullName: 'Григорьев Глеб Павлович', experienceSince: '2023-09-01', birthYear: 1999, categories: ['BURNOUT'] },
  { key: 'eA3', school: 'A', fullName: 'Дмитриева Дарья Юрьевна', experienceSince: '1998-09-01', birthYear: 1970, categories: ['BURNOUT'] },
  { key: 'eA4', school: 'A', fullName: 'Егоров Егор Львович', experienceSince: '2015-09-01', birthYear: 1995, categories: ['NEW_WORKPLACE'] },
  { key: 'eA5', school: 'A', fullName: 'Жукова Жанна Сергеевна', experienceSince: '1995-09-01', birthYear: null, categories: ['DIGITAL_SKILLS'] },
  { key: 'eA6', school: 'A', fullName: 'Зайцев Захар Ильич', experienceSince: '2025-09-01', birthYear: 2002 },
  { key: 'sA1', school: 'A', fullName: 'Иванова Инна Андреевна', experienceSince: '2024-09-01', birthYear: 2000 },
  { key: 'mB1', school: 'B', fullName: 'Казаков Кирилл Олегович', experienceSince: '2005-09-01', birthYear: 1980 },
  { key: 'eB1', school: 'B', fullName: 'Лебедева Лидия Романовна', experienceSince: '2024-09-01', birthYear: 2000 },
  { key: 'eB2', school: 'B', fullName: 'Морозов Марк Денисович', experienceSince: '2010-09-01', birthYear: 1985, categories: ['BURNOUT'] },
  { key: 'eB3', school: 'B', fullName: 'Новикова Нина Игоревна', experienceSince: '2008-09-01', birthYear: 1984, categories: ['DIGITAL_SKILLS'] },
];

/** [pair, programme, mentor, mentees, sub-form, status] */
export const FIXTURE_PAIRS: Array<[string, 'A' | 'B', string, string[], string, string]> = [
  ['P1', 'A', 'mA1', ['eA1', 'eA2'], 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST', 'ACTIVE'],
  ['P2', 'A', 'mA1', ['eA3'], 'COMMUNITY_LEADER_STRUGGLING_TEACHER', 'ACTIVE'],
  ['P3', 'A', 'mA2', ['eA5', 'eA4'], 'INNOVATOR_CONSERVATIVE_TEACHER', 'ACTIVE'],
  ['P4', 'A', 'mA2', ['eA6'], 'EXPERIENCED_SUBJECT_TEACHER_NOVICE', 'DISSOLVED'],
  ['Q1', 'B', 'mB1', ['eB1', 'eB2'], 'CLASS_TEACHER_YOUNG_SPECIALIST', 'ACTIVE'],
  ['Q2', 'B', 'mB1', ['eB3'], 'EXPERIENCED_SUBJECT_TEACHER_NOVICE', 'FORMING'],
];

/** Motivation changes have distinct magnitudes (an exact Wilcoxon p); anxiety has ties and two incomplete rows. */
export const FIXTURE_MEASUREMENTS: FixtureMeasurement[] = [
  { person: 'mA1', program: 'A', parameter: 'motivation', before: 3.0, after: 3.5 },
  { person: 'mA2', program: 'A', parameter: 'motivation', before: 4.0, after: 3.75 },
  { person: 'eA1', program: 'A', parameter: 'motivation', before: 2.0, after: 3.0 },
  { person: 'eA2', program: 'A', parameter: 'motivation', before: 2.5, after: 4.0 },
  { person: 'eA3', program: 'A', parameter: 'motivation', before: 3.0, after: 2.875 },
  { person: 'eA4', program: 'A', parameter: 'motivation', before: 3.25, after: 5.0 },
  { person: 'eA5', program: 'A', parameter: 'motivation', before: 1.0, after: 3.0625 },
  { person: 'mB1', program: 'B', parameter: 'motivation', before: 4.0, after: 4.3125 },
  { person: 'eB1', program: 'B', parameter: 'motivation', before: 2.0, after: 4.5 },
  { person: 'eB2', program: 'B', parameter: 'motivation', before: 3.0, after: 2.625 },
  { person: 'eB3', program: 'B', parameter: 'motivation', before: 2.0, after: 4.75 },
  { person: 'eA1', program: 'A', parameter: 'anxiety', before: 4, after: 3 },
  { person: 'eA2', program: 'A', parameter: 'anxiety', before: 5, after: 3 },
  { person: 'eA3', program: 'A', parameter: 'anxiety', before: 4, after: 4 },
  { person: 'eA4', program: 'A', parameter: 'anxiety', before: 3, after: 4 },
  { person: 'eA5', program: 'A', parameter: 'anxiety', before: 4, after: null },
  { person: 'eB1', program: 'B', parameter: 'anxiety', before: 5, after: 2 },
  { person: 'eB2', program: 'B', parameter: 'anxiety', before: 4, after: 3 },
  { person: 'eB3', program: 'B', parameter: 'anxiety', before: null, after: 2 },
];

/** Questions of the fixture's stage-1 questionnaires, as stored in `questionnaire_version.questions`. */
export const FIXTURE_STAGE1_QUESTIONNAIRES = {
  fixture_stage1_mentee: {
    role: 'MENTEE',
    title: 'Анкета наставляемого (тест)',
    questions: [
      { key: 'useful', text: 'Полезна ли вам работа с наставником?', type: 'SINGLE_CHOICE', required: true, options: ['Да', 'Скорее да', 'Нет'] },
      { key: 'formats', text: 'Какие форматы работы были?', type: 'MULTIPLE_CHOICE', required: false, options: ['Встречи', 'Открытые уроки', 'Переписка'] },
      { key: 'rating', text: 'Оцените взаимодействие с наставником', type: 'RATING', required: true, scale: { min: 1, max: 10, minLabel: 'плохо', maxLabel: 'отлично' } },
      { key: 'wishes', text: 'Что стоит изменить?', type: 'OPEN_TEXT', required: false },
    ],
  },
  fixture_stage1_mentor: {
    role: 'MENTOR',
    title: 'Анкета наставника (тест)',
    questions: [{ key: 'rating', text: 'Оцените подготовку к роли наставника', type: 'RATING', required: true, scale: { min: 1, max: 10, minLabel: 'плохо', maxLabel: 'отлично' } }],
  },
} as const;
export type FixtureQuestionnaire = keyof typeof FIXTURE_STAGE1_QUESTIONNAIRES;

export interface FixtureStage1Response {
  /** Revision 0: opened, never submitted — must not count. */
  revision: number;
  answers: Record<string, { text?: string; choices?: string[]; rating?: number }>;
}

/** Stage-1 campaigns: [campaign, programme, questionnaire, respondent → response (or none)]. */
export const FIXTURE_STAGE1_CAMPAIGNS: Array<{ key: string; program: 'A' | 'B'; questionnaire: FixtureQuestionnaire; respondents: Record<string, FixtureStage1Response | null> }> = [
  {
    key: 'menteesA',
    program: 'A',
    questionnaire: 'fixture_stage1_mentee',
    respondents: {
      eA1: { revision: 1, answers: { useful: { choices: ['Да'] }, formats: { choices: ['Встречи', 'Открытые уроки'] }, rating: { rating: 9 }, wishes: { text: 'Больше открытых уроков' } } },
      eA2: { revision: 2, answers: { useful: { choices: ['Скорее да'] }, formats: { choices: ['Встречи'] }, rating: { rating: 7 } } },
      eA3: { revision: 0, answers: { useful: { choices: ['Нет'] }, rating: { rating: 1 }, wishes: { text: 'не отправлено' } } },
      eA4: null,
    },
  },
  {
    key: 'mentorsA',
    program: 'A',
    questionnaire: 'fixture_stage1_mentor',
    respondents: { mA1: { revision: 1, answers: { rating: { rating: 6 } } }, mA2: null },
  },
  {
    key: 'menteesB',
    program: 'B',
    questionnaire: 'fixture_stage1_mentee',
    respondents: {
      eB1: { revision: 1, answers: { useful: { choices: ['Да'] }, formats: { choices: ['Встречи', 'Переписка'] }, rating: { rating: 10 }, wishes: { text: 'Всё устраивает' } } },
      eB2: null,
    },
  },
];

/** Programme-level (and one pair-level) scorecards: [programme, version, status, scores of indicators 1..9, of a pair]. */
export const FIXTURE_SCORECARDS: Array<{ program: 'A' | 'B' | 'old'; version: number; status: 'DRAFT' | 'FINAL' | 'SUPERSEDED'; scores: number[]; pair?: boolean }> = [
  { program: 'A', version: 1, status: 'SUPERSEDED', scores: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
  { program: 'A', version: 2, status: 'FINAL', scores: [2, 2, 1, 2, 1, 2, 2, 1, 2] },
  { program: 'A', version: 1, status: 'FINAL', scores: [0, 0, 0, 0, 0, 0, 0, 0, 0], pair: true },
  { program: 'B', version: 1, status: 'FINAL', scores: [1, 1, 1, 1, 1, 1, 1, 1, 2] },
  { program: 'B', version: 2, status: 'DRAFT', scores: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { program: 'old', version: 1, status: 'FINAL', scores: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
];

/** Meetings logged per pair of FIXTURE_PAIRS (the dissolved P4's too). */
export const FIXTURE_MEETINGS: Record<string, string[]> = { P1: ['INTRO', 'REGULAR', 'REGULAR'], P2: ['INTRO'], P4: ['INTRO'], Q1: ['INTRO', 'REGULAR'] };

/** Roadmap items: [programme, stored status, ends on]; overdue = open (PLANNED, IN_PROGRESS) and ended before today. */
export const FIXTURE_ROADMAP: Array<[program: 'A' | 'B' | 'old', status: string, endsOn: string]> = [
  ['A', 'PLANNED', '2025-10-01'],
  ['A', 'IN_PROGRESS', '2025-12-31'],
  ['A', 'DONE', '2025-10-01'],
  ['A', 'CANCELLED', '2025-10-01'],
  ['A', 'PLANNED', '2099-05-31'],
  ['B', 'IN_PROGRESS', '2099-05-31'],
  ['B', 'PLANNED', '2026-01-15'],
  ['B', 'DONE', '2025-11-30'],
  ['old', 'PLANNED', '2025-05-31'],
];

export interface InsertedFixture {
  municipalityId: string;
  schoolIds: Record<'A' | 'B', string>;
  schoolNames: Record<'A' | 'B', string>;
  programIds: Record<'A' | 'B', string>;
  personIds: Record<string, string>;
  foreignMunicipalityId: string;
}

async function withClient(url: string, use: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

export async function insertFixture(urls: { participantUrl: string; programUrl: string; monitoringUrl: string }): Promise<InsertedFixture> {
  const municipalityId = randomUUID();
  const foreignMunicipalityId = randomUUID();
  const schoolIds = { A: randomUUID(), B: randomUUID() };
  const schoolNames = { A: 'Школа № 1', B: 'Гимназия № 2' };
  const foreignSchoolId = randomUUID();
  const programIds = { A: randomUUID(), B: randomUUID() };
  const oldProgramId = randomUUID();
  const foreignProgramId = randomUUID();
  const personIds = Object.fromEntries(FIXTURE_PEOPLE.map((p) => [p.key, randomUUID()]));
  const pairIds: Record<string, string> = {};
  const foreignPersonId = randomUUID();

  await withClient(urls.participantUrl, async (db) => {
    await db.query('INSERT INTO municipality (id, name) VALUES ($1, $2), ($3, $4)', [municipalityId, 'Тестовый', foreignMunicipalityId, 'Чужой']);
    await db.query('INSERT INTO school (id, municipality_id, name) VALUES ($1, $2, $3), ($4, $2, $5), ($6, $7, $8)', [
      schoolIds.A, municipalityId, schoolNames.A, schoolIds.B, schoolNames.B, foreignSchoolId, foreignMunicipalityId, 'Чужая школа',
    ]);
    const people = [...FIXTURE_PEOPLE.map((p) => ({ ...p, id: personIds[p.key], schoolId: schoolIds[p.school], municipality: municipalityId })),
      { key: 'x', id: foreignPersonId, schoolId: foreignSchoolId, municipality: foreignMunicipalityId, fullName: 'Чужой Человек', experienceSince: '2024-09-01', birthYear: 2000, categories: ['BURNOUT'] }];
    for (const p of people) {
      await db.query(
        `INSERT INTO person (id, municipality_id, school_id, full_name, position, pedagogical_experience_since, qualification_category, birth_year)
         VALUES ($1, $2, $3, $4, 'Учитель', $5, 'NONE', $6)`,
        [p.id, p.municipality, p.schoolId, p.fullName, p.experienceSince, p.birthYear],
      );
      if (p.categories) {
        await db.query(
          `INSERT INTO mentee_profile (person_id, municipality_id, school_id, categories, status, opened_on) VALUES ($1, $2, $3, $4, 'ACTIVE', '2025-09-01')`,
          [p.id, p.municipality, p.schoolId, p.categories],
        );
      }
    }
  });

  await withClient(urls.programUrl, async (db) => {
    const program = (id: string, municipality: string, school: string, year: string) =>
      db.query(`INSERT INTO mentoring_program (id, municipality_id, school_id, academic_year, form, title) VALUES ($1, $2, $3, $4, 'TEACHER_TEACHER', 'Программа')`, [id, municipality, school, year]);
    await program(programIds.A, municipalityId, schoolIds.A, '2025/2026');
    await program(programIds.B, municipalityId, schoolIds.B, '2025/2026');
    await program(oldProgramId, municipalityId, schoolIds.A, '2024/2025');
    await program(foreignProgramId, foreignMunicipalityId, foreignSchoolId, '2025/2026');
    // The program service's schema is growing: a closed pair needs a closing reason once that column exists.
    const { rowCount: hasClosingReason } = await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'pair' AND column_name = 'closing_reason'`);
    for (const [pairKey, programKey, mentor, mentees, subForm, status] of FIXTURE_PAIRS) {
      const pairId = randomUUID();
      pairIds[pairKey] = pairId;
      await db.query(
        `INSERT INTO pair (id, program_id, municipality_id, school_id, mentor_id, sub_form, status, started_on) VALUES ($1, $2, $3, $4, $5, $6, $7, '2025-09-15')`,
        [pairId, programIds[programKey], municipalityId, schoolIds[programKey], personIds[mentor], subForm, status],
      ).catch(async (error: Error) => {
        if (!hasClosingReason) throw error;
        await db.query(
          `INSERT INTO pair (id, program_id, municipality_id, school_id, mentor_id, sub_form, status, started_on, closing_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, '2025-09-15', 'OTHER')`,
          [pairId, programIds[programKey], municipalityId, schoolIds[programKey], personIds[mentor], subForm, status],
        );
      });
      for (const mentee of mentees) await db.query(`INSERT INTO pair_mentee (pair_id, mentee_id, from_date) VALUES ($1, $2, '2025-09-15')`, [pairId, personIds[mentee]]);
    }
    for (const [pairKey, types] of Object.entries(FIXTURE_MEETINGS)) {
      const [, programKey] = FIXTURE_PAIRS.find(([key]) => key === pairKey)!;
      for (const [i, type] of types.entries()) {
        await db.query(
          `INSERT INTO meeting (pair_id, municipality_id, school_id, type, held_on, duration_minutes, topic, recorded_by_user)
           VALUES ($1, $2, $3, $4, date '2025-09-20' + $5::int, 45, 'Встреча', 'test')`,
          [pairIds[pairKey], municipalityId, schoolIds[programKey], type, i * 7],
        );
      }
    }
    const programOf = { A: programIds.A, B: programIds.B, old: oldProgramId };
    for (const [programKey, status, endsOn] of FIXTURE_ROADMAP) {
      await db.query(
        `INSERT INTO roadmap_item (program_id, municipality_id, school_id, section, event, starts_on, ends_on, status)
         VALUES ($1, $2, $3, 'MONITORING', 'Пункт', $4::date - 30, $4, $5)`,
        [programOf[programKey], municipalityId, programKey === 'B' ? schoolIds.B : schoolIds.A, endsOn, status],
      );
    }
    // Another municipality's overdue item and meeting-less programme: must not count.
    await db.query(
      `INSERT INTO roadmap_item (program_id, municipality_id, school_id, section, event, starts_on, ends_on, status)
       VALUES ($1, $2, $3, 'MONITORING', 'Чужой пункт', date '2025-09-01', date '2025-10-01', 'PLANNED')`,
      [foreignProgramId, foreignMunicipalityId, foreignSchoolId],
    );
  });

  await withClient(urls.monitoringUrl, async (db) => {
    const insert = (person: string, program: string, school: string, municipality: string, parameter: string, stage: string, value: number) =>
      db.query(
        `INSERT INTO measurement (municipality_id, school_id, person_id, program_id, parameter_key, stage, value, measured_on, source, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2025-09-20', 'QUESTIONNAIRE', 'test')`,
        [municipality, school, person, program, parameter, stage, value],
      );
    for (const m of FIXTURE_MEASUREMENTS) {
      if (m.before !== null) await insert(personIds[m.person], programIds[m.program], schoolIds[m.program], municipalityId, m.parameter, 'BEFORE', m.before);
      if (m.after !== null) await insert(personIds[m.person], programIds[m.program], schoolIds[m.program], municipalityId, m.parameter, 'AFTER', m.after);
    }
    // Data the report must not see: last year's programme and another municipality.
    await insert(personIds.eA1, oldProgramId, schoolIds.A, municipalityId, 'motivation', 'BEFORE', 1);
    await insert(personIds.eA1, oldProgramId, schoolIds.A, municipalityId, 'motivation', 'AFTER', 5);
    await insert(foreignPersonId, foreignProgramId, foreignSchoolId, foreignMunicipalityId, 'motivation', 'BEFORE', 1);
    await insert(foreignPersonId, foreignProgramId, foreignSchoolId, foreignMunicipalityId, 'motivation', 'AFTER', 5);

    // Parameters of the municipality's own and of another municipality's.
    await db.query(
      `INSERT INTO parameter (key, name, scale_min, scale_max, direction, municipality_id, created_by)
       VALUES ('mentor_trust', 'Доверие к наставнику', 1, 5, 'HIGHER_IS_BETTER', $1, 'test'), ('foreign_only', 'Чужой параметр', 1, 5, 'LOWER_IS_BETTER', $2, 'test')`,
      [municipalityId, foreignMunicipalityId],
    );

    // Stage-1 questionnaires, campaigns, respondents and responses.
    const versionIds = {} as Record<FixtureQuestionnaire, string>;
    for (const [key, questionnaire] of Object.entries(FIXTURE_STAGE1_QUESTIONNAIRES) as [FixtureQuestionnaire, (typeof FIXTURE_STAGE1_QUESTIONNAIRES)[FixtureQuestionnaire]][]) {
      const { rows: [{ id }] } = await db.query<{ id: string }>(
        `INSERT INTO questionnaire (key, municipality_id, respondent_role, stage, created_by) VALUES ($1, $2, $3, 'STAGE1_PROCESS', 'test') RETURNING id`,
        [key, municipalityId, questionnaire.role],
      );
      const { rows: [version] } = await db.query<{ id: string }>(
        `INSERT INTO questionnaire_version (questionnaire_id, version, title, questions, status, published_at, created_by)
         VALUES ($1, 1, $2, $3, 'PUBLISHED', now(), 'test') RETURNING id`,
        [id, questionnaire.title, JSON.stringify(questionnaire.questions)],
      );
      versionIds[key] = version.id;
    }
    let submitted = 0; // responses are submitted one minute apart, in fixture order
    const campaign = async (programId: string, schoolId: string, municipality: string, questionnaire: FixtureQuestionnaire, stage: string, respondents: Record<string, FixtureStage1Response | null>, personIdOf: (key: string) => string) => {
      const role = FIXTURE_STAGE1_QUESTIONNAIRES[questionnaire].role;
      const { rows: [{ id: campaignId }] } = await db.query<{ id: string }>(
        `INSERT INTO campaign (municipality_id, school_id, program_id, questionnaire_version_id, stage, respondent_role, title, opens_on, closes_on, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'Анкетирование', '2025-12-01', '2025-12-20', 'OPEN', 'test') RETURNING id`,
        [municipality, schoolId, programId, versionIds[questionnaire], stage, role],
      );
      for (const [respondent, response] of Object.entries(respondents)) {
        const personId = personIdOf(respondent);
        await db.query(`INSERT INTO campaign_respondent (campaign_id, person_id, municipality_id, school_id) VALUES ($1, $2, $3, $4)`, [campaignId, personId, municipality, schoolId]);
        if (!response) continue;
        const { rows: [{ id: responseId }] } = await db.query<{ id: string }>(
          `INSERT INTO response (campaign_id, respondent_id, questionnaire_version_id, municipality_id, school_id, program_id, respondent_role, stage, revision, submitted_by, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'test', timestamptz '2025-12-02 10:00:00+00' + make_interval(mins => $10::int)) RETURNING id`,
          [campaignId, personId, versionIds[questionnaire], municipality, schoolId, programId, role, stage, response.revision, submitted++],
        );
        for (const [questionKey, answer] of Object.entries(response.answers)) {
          await db.query(`INSERT INTO answer (response_id, question_key, text_value, choice_values, rating_value) VALUES ($1, $2, $3, $4, $5)`, [
            responseId, questionKey, answer.text ?? null, answer.choices ?? null, answer.rating ?? null,
          ]);
        }
      }
    };
    for (const c of FIXTURE_STAGE1_CAMPAIGNS) {
      await campaign(programIds[c.program], schoolIds[c.program], municipalityId, c.questionnaire, 'STAGE1_PROCESS', c.respondents, (key) => personIds[key]);
    }
    // Not stage 1, not this year, not this municipality: must not show.
    const noise: FixtureStage1Response = { revision: 1, answers: { useful: { choices: ['Нет'] }, rating: { rating: 1 }, wishes: { text: 'Не должно попасть в отчёт' } } };
    await campaign(programIds.A, schoolIds.A, municipalityId, 'fixture_stage1_mentee', 'STAGE2_BEFORE', { eA5: noise }, (key) => personIds[key]);
    await campaign(oldProgramId, schoolIds.A, municipalityId, 'fixture_stage1_mentee', 'STAGE1_PROCESS', { eA5: noise }, (key) => personIds[key]);
    await campaign(foreignProgramId, foreignSchoolId, foreignMunicipalityId, 'fixture_stage1_mentee', 'STAGE1_PROCESS', { x: noise }, () => foreignPersonId);

    // Scorecards.
    const programOf = { A: programIds.A, B: programIds.B, old: oldProgramId };
    for (const card of FIXTURE_SCORECARDS) {
      const total = card.scores.reduce((a, b) => a + b, 0);
      const level = card.status === 'DRAFT' ? null : total >= 15 ? 'OPTIMAL' : total >= 9 ? 'ACCEPTABLE' : 'UNACCEPTABLE';
      const { rows: [{ id }] } = await db.query<{ id: string }>(
        `INSERT INTO scorecard (municipality_id, school_id, program_id, pair_id, version, status, evaluator_name, evaluated_on, evaluated_by, total, level)
         VALUES ($1, $2, $3, $4, $5, $6, 'Куратор', '2026-05-25', 'test', $7, $8) RETURNING id`,
        [municipalityId, card.program === 'B' ? schoolIds.B : schoolIds.A, programOf[card.program], card.pair ? pairIds.P1 : null, card.version, card.status, total, level],
      );
      for (const [i, score] of card.scores.entries()) {
        await db.query(`INSERT INTO scorecard_score (scorecard_id, indicator, score) VALUES ($1, $2, $3)`, [id, i + 1, score]);
      }
    }
  });
  return { municipalityId, schoolIds, schoolNames, programIds, personIds, foreignMunicipalityId };
}
