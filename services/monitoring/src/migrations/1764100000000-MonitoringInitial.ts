import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringInitial1764100000000 implements MigrationInterface {
  name = 'MonitoringInitial1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE measurement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        person_id uuid NOT NULL,
        program_id uuid NOT NULL,
        parameter_key text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('BEFORE', 'AFTER')),
        value double precision NOT NULL,
        measured_on date NOT NULL,
        source text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (person_id, program_id, parameter_key, stage)
      );
      CREATE INDEX measurement_scope ON measurement (municipality_id, school_id);
      CREATE INDEX measurement_program ON measurement (program_id, parameter_key);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE measurement');
  }
}
