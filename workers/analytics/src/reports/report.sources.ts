/**
 * Bulk, read-only access to the three services' databases. The worker is their one outside reader:
 * set-based SQL, one statement per kind of fact, every statement fenced by the municipality, and
 * every read inside a READ ONLY transaction so a mistake cannot write to a service's tables.
 * The databases are separate, so facts are joined in memory by id, never across databases.
 */
import { Pool, type PoolClient } from 'pg';
import type { GenerateReportJobData } from '@nastavnik/platform';
import type { MenteeCategory, PairMembership, PersonFact, ProgramFact, SchoolFact, StagePairRow } from './report.model';

export interface ReportDatabases {
  participant: Pool;
  program: Pool;
  monitoring: Pool;
  close(): Promise<void>;
}

export interface ReportDatabaseUrls {
  participantUrl: string;
  programUrl: string;
  monitoringUrl: string;
}

export function openReportDatabases(urls: ReportDatabaseUrls, poolSize = 4): ReportDatabases {
  const pool = (url: string) => new Pool({ connectionString: url, max: poolSize, application_name: 'nastavnik-analytics' });
  const databases = { participant: pool(urls.participantUrl), program: pool(urls.programUrl), monitoring: pool(urls.monitoringUrl) };
  return { ...databases, close: async () => void (await Promise.all(Object.values(databases).map((p) => p.end()))) };
}

/**
 * Runs `use` in a REPEATABLE READ, READ ONLY transaction: all the batches of one report see one
 * snapshot of the database, and nothing can be written.
 */
export async function readOnly<T>(pool: Pool, use: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const result = await use(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

type Scope = Pick<GenerateReportJobData, 'scope' | 'municipalityId' | 'academicYear'>;

/** Programmes of the scope and year; they fence every later read. */
export async function loadPrograms(pool: Pool, job: Scope): Promise<ProgramFact[]> {
  const { rows } = await readOnly(pool, (c) =>
    c.query<{ id: string; school_id: string; form: string; academic_year: string }>(
      `SELECT id, school_id, form, academic_year FROM mentoring_program
        WHERE municipality_id = $1 AND academic_year = $2
          AND ($3 <> 'SCHOOL' OR school_id::text = $4)
          AND ($3 <> 'PROGRAM' OR id::text = $4)
        ORDER BY school_id, id`,
      [job.municipalityId, job.academicYear, job.scope.kind, job.scope.id],
    ),
  );
  return rows.map((r) => ({ id: r.id, schoolId: r.school_id, form: r.form, academicYear: r.academic_year }));
}

/** Every person's place in the pairs of the given programmes: mentors and mentees in one statement. */
export async function loadMemberships(pool: Pool, municipalityId: string, programIds: readonly string[]): Promise<PairMembership[]> {
  const { rows } = await readOnly(pool, (c) =>
    c.query<{ pair_id: string; program_id: string; school_id: string; person_id: string; role: 'MENTOR' | 'MENTEE'; sub_form: string; status: string }>(
      `SELECT p.id AS pair_id, p.program_id, p.school_id, p.mentor_id AS person_id, 'MENTOR' AS role, p.sub_form, p.status
         FROM pair p WHERE p.municipality_id = $1 AND p.program_id = ANY($2::uuid[])
       UNION ALL
       SELECT p.id, p.program_id, p.school_id, pm.mentee_id, 'MENTEE', p.sub_form, p.status
         FROM pair p JOIN pair_mentee pm ON pm.pair_id = p.id
        WHERE p.municipality_id = $1 AND p.program_id = ANY($2::uuid[])`,
      [municipalityId, programIds],
    ),
  );
  return rows.map((r) => ({ pairId: r.pair_id, programId: r.program_id, schoolId: r.school_id, personId: r.person_id, role: r.role, subForm: r.sub_form, pairStatus: r.status }));
}

/** The schools of the scope: all of the municipality's (schoolIds null), or the given ones. */
export async function loadSchools(pool: Pool, municipalityId: string, schoolIds: readonly string[] | null): Promise<SchoolFact[]> {
  const { rows } = await readOnly(pool, (c) =>
    c.query<SchoolFact>(
      'SELECT id, name FROM school WHERE municipality_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name, id',
      [municipalityId, schoolIds],
    ),
  );
  return rows;
}

/**
 * The people of the given schools, with what the report derives from them on the report date:
 * young specialist (pedagogical experience under 4 whole years) and under 35 (by birth year), and the
 * categories of the current mentee profile (or of the last closed one).
 */
export async function loadPeople(pool: Pool, municipalityId: string, schoolIds: readonly string[]): Promise<PersonFact[]> {
  const { rows } = await readOnly(pool, (c) =>
    c.query<{ id: string; school_id: string; full_name: string; archived: boolean; young: boolean; under35: boolean | null; categories: string[] | null }>(
      `SELECT p.id, p.school_id, p.full_name, p.archived_at IS NOT NULL AS archived,
              p.pedagogical_experience_since > current_date - interval '4 years' AS young,
              extract(year FROM current_date)::int - p.birth_year < 35 AS under35,
              mp.categories
         FROM person p
         LEFT JOIN LATERAL (
           SELECT categories FROM mentee_profile m WHERE m.person_id = p.id
            ORDER BY m.closed_on IS NULL DESC, m.closed_on DESC, m.opened_on DESC LIMIT 1
         ) mp ON true
        WHERE p.municipality_id = $1 AND p.school_id = ANY($2::uuid[])`,
      [municipalityId, schoolIds],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.school_id,
    fullName: r.full_name,
    archived: r.archived,
    youngSpecialist: r.young,
    under35: r.under35,
    menteeCategories: (r.categories ?? []) as MenteeCategory[],
  }));
}

/** People measured in the scope but outside its schools (moved away): loaded by id so they are named. */
export async function loadPeopleById(pool: Pool, municipalityId: string, ids: readonly string[]): Promise<PersonFact[]> {
  if (ids.length === 0) return [];
  const { rows } = await readOnly(pool, (c) =>
    c.query<{ id: string; school_id: string; full_name: string; archived: boolean; young: boolean; under35: boolean | null; categories: string[] | null }>(
      `SELECT p.id, p.school_id, p.full_name, p.archived_at IS NOT NULL AS archived,
              p.pedagogical_experience_since > current_date - interval '4 years' AS young,
              extract(year FROM current_date)::int - p.birth_year < 35 AS under35,
              (SELECT categories FROM mentee_profile m WHERE m.person_id = p.id
                ORDER BY m.closed_on IS NULL DESC, m.closed_on DESC, m.opened_on DESC LIMIT 1) AS categories
         FROM person p WHERE p.municipality_id = $1 AND p.id = ANY($2::uuid[])`,
      [municipalityId, ids],
    ),
  );
  return rows.map((r) => ({ id: r.id, schoolId: r.school_id, fullName: r.full_name, archived: r.archived, youngSpecialist: r.young, under35: r.under35, menteeCategories: (r.categories ?? []) as MenteeCategory[] }));
}

/**
 * Streams the before/after pairs of the scope, aggregated in PostgreSQL, ordered by parameter, in
 * batches from a server-side cursor: one scan and one sort for the whole report (keyset paging would
 * re-scan the table per batch), and only one batch in the worker's memory at a time.
 * Returns the number of measurement rows behind the pairs.
 */
export async function streamStagePairs(
  pool: Pool,
  municipalityId: string,
  programIds: readonly string[],
  batchSize: number,
  onBatch: (rows: StagePairRow[]) => Promise<void> | void,
): Promise<number> {
  return readOnly(pool, async (client) => {
    // The cursor is read to its end, so plan for all rows (not the first 10 %), and let the
    // aggregate and its sort stay in memory rather than spill to disk.
    await client.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
    await client.query(`SET LOCAL work_mem = '64MB'`);
    await client.query(
      `DECLARE stage_pairs NO SCROLL CURSOR FOR
       SELECT parameter_key AS "parameterKey", person_id AS "personId", program_id AS "programId",
              max(value) FILTER (WHERE stage = 'BEFORE') AS before,
              max(value) FILTER (WHERE stage = 'AFTER') AS after,
              count(*)::int AS measurements
         FROM measurement JOIN unnest($2::uuid[]) AS scope(program) ON scope.program = measurement.program_id
        WHERE municipality_id = $1
        GROUP BY parameter_key, person_id, program_id
        ORDER BY parameter_key, person_id, program_id`,
      [municipalityId, programIds],
    );
    const fetch = () => {
      const next = client.query<StagePairRow & { measurements: number }>(`FETCH ${Math.trunc(batchSize)} FROM stage_pairs`);
      next.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      return next;
    };
    let measurementRows = 0;
    let pending = fetch();
    for (;;) {
      const { rows } = await pending;
      if (rows.length === 0) break;
      // The database prepares the next batch while this one is processed.
      if (rows.length === batchSize) pending = fetch();
      for (const row of rows) measurementRows += row.measurements;
      await onBatch(rows);
      if (rows.length < batchSize) break;
    }
    await client.query('CLOSE stage_pairs');
    return measurementRows;
  });
}
