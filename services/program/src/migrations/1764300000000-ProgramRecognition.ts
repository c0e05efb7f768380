import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events of a programme (trainings, seminars, ceremonies) with participants and certificates; awards; the best-practice library. */
export class ProgramRecognition1764300000000 implements MigrationInterface {
  name = 'ProgramRecognition1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE program_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES mentoring_program(id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        type text NOT NULL,
        title text NOT NULL CHECK (length(trim(title)) > 0),
        held_on date NOT NULL,
        location text,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX program_event_program ON program_event (program_id, held_on);
      CREATE INDEX program_event_scope ON program_event (municipality_id, school_id);

      CREATE TABLE event_participant (
        event_id uuid NOT NULL REFERENCES program_event(id),
        person_id uuid NOT NULL,
        PRIMARY KEY (event_id, person_id)
      );
      CREATE INDEX event_participant_person ON event_participant (person_id);

      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES program_event(id),
        person_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        number text NOT NULL,
        issued_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, person_id),
        FOREIGN KEY (event_id, person_id) REFERENCES event_participant (event_id, person_id)
      );
      CREATE INDEX certificate_person ON certificate (person_id);

      CREATE TABLE award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES mentoring_program(id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'NOMINATED',
        person_id uuid,
        pair_id uuid REFERENCES pair(id),
        evidence text NOT NULL CHECK (length(trim(evidence)) > 0),
        evidence_url text,
        nominated_by_user text NOT NULL,
        awarded_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((pair_id IS NULL) <> (person_id IS NULL))
      );
      CREATE INDEX award_program ON award (program_id);
      CREATE INDEX award_person ON award (person_id);
      CREATE INDEX award_pair ON award (pair_id);
      -- One mentor of the year and one best pair per programme.
      CREATE UNIQUE INDEX award_single_winner ON award (program_id, kind) WHERE status = 'AWARDED' AND kind IN ('MENTOR_OF_THE_YEAR', 'BEST_PAIR');

      CREATE TABLE best_practice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES mentoring_program(id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        title text NOT NULL CHECK (length(trim(title)) > 0),
        description text NOT NULL DEFAULT '',
        url text,
        tags text[] NOT NULL DEFAULT '{}',
        pair_id uuid REFERENCES pair(id),
        mentor_id uuid,
        created_by_user text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX best_practice_scope ON best_practice (municipality_id, school_id, created_at);
      CREATE INDEX best_practice_tags ON best_practice USING gin (tags);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE best_practice, award, certificate, event_participant, program_event');
  }
}
