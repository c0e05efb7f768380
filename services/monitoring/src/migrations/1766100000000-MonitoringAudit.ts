import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of actions with personal data (152-ФЗ, art. 19). Append-only: the database itself
 * refuses UPDATE, DELETE and TRUNCATE, whoever asks. It holds ids and field names, never values.
 */
export class MonitoringAudit1766100000000 implements MigrationInterface {
  name = 'MonitoringAudit1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        actor_user_id text NOT NULL,
        actor_role text NOT NULL,
        actor_person_id uuid,
        action text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'READ', 'EXPORT', 'ERASE')),
        entity_type text NOT NULL,
        entity_ids text[] NOT NULL CHECK (cardinality(entity_ids) > 0),
        person_ids uuid[] NOT NULL,
        fields text[] NOT NULL,
        client_address text,
        request_id text NOT NULL
      );
      CREATE INDEX audit_entry_scope ON audit_entry (municipality_id, school_id, occurred_at DESC);
      CREATE INDEX audit_entry_person_ids ON audit_entry USING gin (person_ids);
      CREATE INDEX audit_entry_actor ON audit_entry (actor_user_id, occurred_at DESC);

      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entry; DROP FUNCTION audit_entry_append_only();`);
  }
}
