import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ParticipantInitial1764100000000 implements MigrationInterface {
  name = 'ParticipantInitial1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE municipality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE school (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_id, name)
      );
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        school_id uuid NOT NULL REFERENCES school(id),
        full_name text NOT NULL CHECK (length(trim(full_name)) > 0),
        position text NOT NULL,
        subjects text[] NOT NULL DEFAULT '{}',
        pedagogical_experience_since date NOT NULL,
        hired_on date,
        qualification_category text NOT NULL,
        birth_year int CHECK (birth_year BETWEEN 1900 AND 2100),
        email text,
        phone text,
        archived_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX person_school_name ON person (school_id, full_name, id);
      CREATE INDEX person_municipality_name ON person (municipality_id, full_name, id);
      CREATE UNIQUE INDEX person_email_unique ON person (municipality_id, lower(email)) WHERE email IS NOT NULL;

      CREATE TABLE school_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        school_id uuid NOT NULL REFERENCES school(id),
        position text NOT NULL,
        from_date date NOT NULL,
        to_date date,
        CHECK (to_date IS NULL OR to_date >= from_date)
      );
      CREATE UNIQUE INDEX school_membership_open ON school_membership (person_id) WHERE to_date IS NULL;
      CREATE INDEX school_membership_person ON school_membership (person_id, from_date);

      CREATE TABLE mentor_profile (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        school_id uuid NOT NULL REFERENCES school(id),
        kind text NOT NULL,
        subjects text[] NOT NULL DEFAULT '{}',
        competences text[] NOT NULL DEFAULT '{}',
        capacity int NOT NULL CHECK (capacity BETWEEN 0 AND 20),
        interview_on date,
        interview_result text NOT NULL,
        training_completed_on date,
        certificate_number text,
        status text NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX mentor_profile_open ON mentor_profile (person_id) WHERE closed_on IS NULL;
      CREATE INDEX mentor_profile_person ON mentor_profile (person_id);
      CREATE TABLE mentor_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        profile_id uuid NOT NULL REFERENCES mentor_profile(id),
        status text NOT NULL,
        changed_on date NOT NULL,
        note text,
        changed_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mentor_status_change_profile ON mentor_status_change (profile_id, recorded_at);

      CREATE TABLE mentee_profile (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        school_id uuid NOT NULL REFERENCES school(id),
        categories text[] NOT NULL DEFAULT '{}',
        requests text[] NOT NULL DEFAULT '{}',
        deficits text[] NOT NULL DEFAULT '{}',
        status text NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX mentee_profile_open ON mentee_profile (person_id) WHERE closed_on IS NULL;
      CREATE INDEX mentee_profile_person ON mentee_profile (person_id);
      CREATE TABLE mentee_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        profile_id uuid NOT NULL REFERENCES mentee_profile(id),
        status text NOT NULL,
        changed_on date NOT NULL,
        note text,
        changed_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mentee_status_change_profile ON mentee_status_change (profile_id, recorded_at);

      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        school_id uuid NOT NULL REFERENCES school(id),
        scope text NOT NULL,
        given_on date NOT NULL,
        withdrawn_on date,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
      );
      CREATE UNIQUE INDEX consent_active ON consent (person_id, scope) WHERE withdrawn_on IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE consent, mentee_status_change, mentee_profile, mentor_status_change, mentor_profile,
        school_membership, person, school, municipality;
    `);
  }
}
