import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringReports1765000000000 implements MigrationInterface {
  name = 'MonitoringReports1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid,
        scope_kind text NOT NULL CHECK (scope_kind IN ('MUNICIPALITY', 'SCHOOL', 'PROGRAM')),
        scope_id uuid NOT NULL,
        academic_year text CHECK (academic_year ~ '^[0-9]{4}/[0-9]{4}$'),
        cron text NOT NULL,
        time_zone text NOT NULL,
        recipients text[] NOT NULL,
        active boolean NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX report_schedule_scope ON report_schedule (municipality_id, school_id);

      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid,
        scope_kind text NOT NULL CHECK (scope_kind IN ('MUNICIPALITY', 'SCHOOL', 'PROGRAM')),
        scope_id uuid NOT NULL,
        academic_year text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{4}$'),
        requested_by text NOT NULL,
        schedule_id uuid REFERENCES report_schedule(id),
        trigger_job_id text UNIQUE,
        recipients text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        progress int NOT NULL CHECK (progress BETWEEN 0 AND 100),
        stage text,
        errors text[] NOT NULL DEFAULT '{}',
        file_name text,
        size bigint,
        sha256 text,
        summary jsonb,
        data_version text,
        reused_from uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX report_scope ON report (municipality_id, school_id, created_at);
      CREATE INDEX report_latest ON report (scope_kind, scope_id, academic_year, status, finished_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report, report_schedule');
  }
}
