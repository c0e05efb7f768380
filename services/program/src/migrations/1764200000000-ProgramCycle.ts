import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole mentoring cycle: programme stages, pair closing, meetings, roadmap, plans, municipal settings. */
export class ProgramCycle1764200000000 implements MigrationInterface {
  name = 'ProgramCycle1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mentoring_program
        ADD COLUMN stage text NOT NULL DEFAULT 'PREPARATION',
        ADD COLUMN tasks text[] NOT NULL DEFAULT '{}',
        ADD COLUMN curator_id uuid,
        ADD COLUMN starts_on date,
        ADD COLUMN ends_on date,
        ADD CONSTRAINT mentoring_program_dates CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on);

      CREATE TABLE program_stage_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES mentoring_program(id),
        from_stage text,
        to_stage text NOT NULL,
        changed_by_user text NOT NULL,
        changed_by_person uuid,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX program_stage_change_program ON program_stage_change (program_id, changed_at);

      ALTER TABLE pair
        ADD COLUMN paused_on date,
        ADD COLUMN closing_reason text,
        ADD COLUMN closing_note text,
        ADD COLUMN closed_by_user text,
        ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT pair_closed_has_reason CHECK (status NOT IN ('COMPLETED', 'DISSOLVED') OR closing_reason IS NOT NULL);
      ALTER TABLE pair_mentee ADD CONSTRAINT pair_mentee_interval CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date);

      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pair_id uuid NOT NULL REFERENCES pair(id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        type text NOT NULL,
        held_on date NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
        topic text NOT NULL,
        notes text,
        attendee_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by_user text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meeting_pair ON meeting (pair_id, held_on);
      CREATE INDEX meeting_scope ON meeting (municipality_id, school_id);
      -- The intro and the final meeting happen once per pair.
      CREATE UNIQUE INDEX meeting_once_per_pair ON meeting (pair_id, type) WHERE type IN ('INTRO', 'FINAL');

      CREATE TABLE roadmap_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES mentoring_program(id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        section text NOT NULL,
        number text,
        event text NOT NULL,
        result_form text NOT NULL DEFAULT '',
        period_label text,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        responsible_role text,
        responsible_person_id uuid,
        responsible_label text,
        status text NOT NULL DEFAULT 'PLANNED',
        completed_on date,
        document_title text,
        document_number text,
        document_date date,
        document_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      );
      CREATE INDEX roadmap_item_program ON roadmap_item (program_id);
      CREATE INDEX roadmap_item_open_due ON roadmap_item (municipality_id, school_id, ends_on) WHERE status IN ('PLANNED', 'IN_PROGRESS');

      CREATE TABLE development_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pair_id uuid NOT NULL REFERENCES pair(id),
        mentee_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        goals text[] NOT NULL DEFAULT '{}',
        mentor_approved_by uuid,
        mentor_approved_at timestamptz,
        director_approved_by text,
        director_approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (pair_id, mentee_id)
      );
      CREATE INDEX development_plan_mentee ON development_plan (mentee_id);
      CREATE INDEX development_plan_scope ON development_plan (municipality_id, school_id);

      CREATE TABLE plan_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES development_plan(id),
        title text NOT NULL CHECK (length(trim(title)) > 0),
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'PLANNED',
        done_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX plan_task_plan ON plan_task (plan_id, deadline);

      CREATE TABLE municipality_settings (
        municipality_id uuid PRIMARY KEY,
        allow_municipal_mentor_pool boolean NOT NULL DEFAULT false,
        meeting_gap_days integer NOT NULL DEFAULT 14 CHECK (meeting_gap_days > 0),
        weight_same_subject double precision NOT NULL DEFAULT 30,
        weight_sub_form_fit double precision NOT NULL DEFAULT 25,
        weight_free_capacity double precision NOT NULL DEFAULT 10,
        weight_compatibility double precision NOT NULL DEFAULT 25,
        weight_same_school double precision NOT NULL DEFAULT 10,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE municipality_settings, plan_task, development_plan, roadmap_item, meeting, program_stage_change;
      ALTER TABLE pair_mentee DROP CONSTRAINT pair_mentee_interval;
      ALTER TABLE pair DROP CONSTRAINT pair_closed_has_reason, DROP COLUMN paused_on, DROP COLUMN closing_reason,
        DROP COLUMN closing_note, DROP COLUMN closed_by_user, DROP COLUMN status_changed_at;
      ALTER TABLE mentoring_program DROP CONSTRAINT mentoring_program_dates, DROP COLUMN stage, DROP COLUMN tasks,
        DROP COLUMN curator_id, DROP COLUMN starts_on, DROP COLUMN ends_on;
    `);
  }
}
