import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of a person's data (152-ФЗ): the person is anonymised in place and an act records who asked,
 * when, why, and what each service cleared. Acts are append-only proof; one act per person.
 */
export class PersonErasure1766300000000 implements MigrationInterface {
  name = 'PersonErasure1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE person ADD COLUMN erased_at timestamptz;
      CREATE TABLE erasure_act (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL UNIQUE REFERENCES person(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        school_id uuid NOT NULL REFERENCES school(id),
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX erasure_act_school ON erasure_act (municipality_id, school_id);
      CREATE TABLE erasure_confirmation (
        act_id uuid NOT NULL REFERENCES erasure_act(id),
        service text NOT NULL CHECK (service IN ('participant', 'program', 'monitoring')),
        status text NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
        cleared jsonb NOT NULL DEFAULT '[]',
        confirmed_at timestamptz,
        PRIMARY KEY (act_id, service),
        CHECK ((status = 'COMPLETED') = (confirmed_at IS NOT NULL))
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE erasure_confirmation; DROP TABLE erasure_act; ALTER TABLE person DROP COLUMN erased_at;`);
  }
}
