import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The school's staff number (табельный номер): the stable key of the staff import. */
export class PersonStaffNumber1764200000000 implements MigrationInterface {
  name = 'PersonStaffNumber1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE person ADD COLUMN staff_number text CHECK (staff_number IS NULL OR length(trim(staff_number)) > 0);
      CREATE UNIQUE INDEX person_staff_number_unique ON person (school_id, staff_number) WHERE staff_number IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX person_staff_number_unique; ALTER TABLE person DROP COLUMN staff_number;`);
  }
}
