/**
 * A small municipality for the report tests, inserted with plain SQL: two schools of this
 * municipality, a programme of 2025/2026 in each, an older programme and a foreign municipality
 * whose data must not appear, pairs of several sub-forms and statuses, and before/after
 * measurements with two incomplete ones.
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

export interface InsertedFixture {
  municipalityId: string;
  schoolIds: Record<'A' | 'B', string>;
  schoolNames: Record<'A' | 'B', string>;
  programIds: Record<'A' | 'B', string>;
  personIds: Record<string, string>;
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
    for (const [, programKey, mentor, mentees, subForm, status] of FIXTURE_PAIRS) {
      const pairId = randomUUID();
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
  });
  return { municipalityId, schoolIds, schoolNames, programIds, personIds };
}
