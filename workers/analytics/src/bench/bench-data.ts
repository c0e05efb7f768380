/**
 * Set-based generation of a benchmark municipality: `schools` schools of 40 teachers (8 mentors with
 * 4 mentees each), one 2025/2026 programme per school, `parameters` (25 by default) measured before and
 * after — 2 000 measurement rows per school with 25, about 1 % of the "after" values missing. Ids are md5-derived
 * from the numbers, so the three databases agree without a cross-database join.
 */
import { Client } from 'pg';

async function run(url: string, sql: string, params: unknown[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const uuid = (kind: string, ...parts: string[]) => `md5($2 || '-${kind}-' || ${parts.join(" || '-' || ")})::uuid`;
const SCHOOL = uuid('school', 's');
const PERSON = (i: string) => uuid('person', 's', i);
const PROGRAM = uuid('program', 's');

export async function generateMunicipality(
  urls: { participantUrl: string; programUrl: string; monitoringUrl: string },
  municipalityId: string,
  seed: string,
  schools: number,
  parameters = 25,
): Promise<void> {
  const params = [municipalityId, seed, schools];
  await run(
    urls.participantUrl,
    `WITH m AS (INSERT INTO municipality (id, name) VALUES ($1, 'Бенчмарк ' || $2) RETURNING id),
          s AS (INSERT INTO school (id, municipality_id, name)
                SELECT ${SCHOOL}, (SELECT id FROM m), 'Школа № ' || s FROM generate_series(1, $3::int) s RETURNING id),
          p AS (INSERT INTO person (id, municipality_id, school_id, full_name, position, pedagogical_experience_since, qualification_category, birth_year)
                SELECT ${PERSON('i')}, (SELECT id FROM m), ${SCHOOL}, 'Педагог ' || s || '-' || i, 'Учитель',
                       date '2026-09-01' - ((i % 30) * 365 + 100), 'NONE', 1960 + (i * 7 + s) % 45
                  FROM generate_series(1, $3::int) s, generate_series(1, 40) i RETURNING id)
     INSERT INTO mentee_profile (person_id, municipality_id, school_id, categories, status, opened_on)
     SELECT ${PERSON('i')}, $1, ${SCHOOL},
            CASE i % 4 WHEN 0 THEN '{BURNOUT}'::text[] WHEN 1 THEN '{NEW_WORKPLACE}' WHEN 2 THEN '{DIGITAL_SKILLS,BURNOUT}' ELSE '{}' END,
            'ACTIVE', date '2025-09-01'
       FROM generate_series(1, $3::int) s, generate_series(9, 40) i
      WHERE (SELECT count(*) FROM p) > 0`,
    params,
  );
  await run(
    urls.programUrl,
    `WITH prog AS (INSERT INTO mentoring_program (id, municipality_id, school_id, academic_year, form, title)
                   SELECT ${PROGRAM}, $1, ${SCHOOL}, '2025/2026', 'TEACHER_TEACHER', 'Программа наставничества'
                     FROM generate_series(1, $3::int) s RETURNING id),
          pr AS (INSERT INTO pair (id, program_id, municipality_id, school_id, mentor_id, sub_form, status, started_on)
                 SELECT ${uuid('pair', 's', 'k')}, ${PROGRAM}, $1, ${SCHOOL}, ${PERSON('k')},
                        (ARRAY['EXPERIENCED_TEACHER_YOUNG_SPECIALIST', 'CLASS_TEACHER_YOUNG_SPECIALIST', 'COMMUNITY_LEADER_STRUGGLING_TEACHER',
                               'INNOVATOR_CONSERVATIVE_TEACHER', 'EXPERIENCED_SUBJECT_TEACHER_NOVICE'])[1 + k % 5],
                        CASE WHEN k = 8 THEN 'FORMING' ELSE 'ACTIVE' END, date '2025-09-15'
                   FROM generate_series(1, $3::int) s, generate_series(1, 8) k
                  WHERE (SELECT count(*) FROM prog) > 0 RETURNING id)
     INSERT INTO pair_mentee (pair_id, mentee_id, from_date)
     SELECT md5($2 || '-pair-' || s || '-' || (1 + (i - 9) % 8))::uuid, ${PERSON('i')}, date '2025-09-15'
       FROM generate_series(1, $3::int) s, generate_series(9, 40) i
      WHERE (SELECT count(*) FROM pr) > 0`,
    params,
  );
  await run(
    urls.monitoringUrl,
    `INSERT INTO measurement (municipality_id, school_id, person_id, program_id, parameter_key, stage, value, measured_on, source, recorded_by)
     SELECT $1, ${SCHOOL}, ${PERSON('i')}, ${PROGRAM}, 'p' || lpad(p::text, 2, '0'), st.stage,
            CASE WHEN st.stage = 'BEFORE' THEN 1 + floor(random() * 5) ELSE 1 + floor(random() * 5) END,
            CASE WHEN st.stage = 'BEFORE' THEN date '2025-09-20' ELSE date '2026-05-20' END, 'BENCH', 'bench'
       FROM generate_series(1, $3::int) s, generate_series(1, 40) i, generate_series(1, $4::int) p,
            (VALUES ('BEFORE'), ('AFTER')) st(stage)
      WHERE NOT (st.stage = 'AFTER' AND (s * 7919 + i * 104729 + p * 31) % 100 = 0)`,
    [...params, parameters],
  );
  await run(urls.monitoringUrl, 'ANALYZE measurement', []);
}
