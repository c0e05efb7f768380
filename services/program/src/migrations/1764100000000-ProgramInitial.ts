import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgramInitial1764100000000 implements MigrationInterface {
  name = 'ProgramInitial1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentoring_program (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        academic_year text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{4}$'),
        form text NOT NULL,
        title text NOT NULL CHECK (length(trim(title)) > 0),
        goal text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (school_id, academic_year, form)
      );
      CREATE INDEX mentoring_program_scope ON mentoring_program (municipality_id, school_id);

      CREATE TABLE pair (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES mentoring_program(id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        sub_form text NOT NULL,
        status text NOT NULL,
        started_on date,
        ended_on date,
        order_number text,
        order_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
      );
      CREATE INDEX pair_program ON pair (program_id);
      CREATE INDEX pair_mentor ON pair (mentor_id);
      CREATE INDEX pair_scope ON pair (municipality_id, school_id);

      CREATE TABLE pair_mentee (
        pair_id uuid NOT NULL REFERENCES pair(id),
        mentee_id uuid NOT NULL,
        from_date date,
        to_date date,
        PRIMARY KEY (pair_id, mentee_id)
      );
      CREATE INDEX pair_mentee_mentee ON pair_mentee (mentee_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE pair_mentee, pair, mentoring_program');
  }
}
