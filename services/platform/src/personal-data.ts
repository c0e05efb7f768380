import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { FieldRule } from './access';
import { AuditAction, recordChange, type AuditActor } from './audit';
import { Role, type Caller } from './auth';
import { forbidden } from './errors';

/**
 * A person's data export (152-ФЗ, right of access): each subgraph answers the tables it holds about
 * the person as generic sections, and the gateway renders them into one JSON document and one
 * workbook. The section types are shared value types of all three subgraphs.
 */
export enum PersonalDataKind {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
}
registerEnumType(PersonalDataKind, { name: 'PersonalDataKind', description: 'How a cell of a personal-data section is to be read' });

@ObjectType({ description: 'A column of a personal-data section' })
@Directive('@shareable')
export class PersonalDataColumn {
  @Field({ description: 'Stable key, used in the JSON export' })
  key: string;

  @Field({ description: 'Russian heading' })
  title: string;

  @Field(() => PersonalDataKind)
  kind: PersonalDataKind;
}

@ObjectType({ description: 'A row of a personal-data section: one cell per column, as text (numbers and dates in ISO form)' })
@Directive('@shareable')
export class PersonalDataRow {
  @Field(() => [String], { nullable: 'items' })
  cells: (string | null)[];
}

@ObjectType({ description: 'One table a service holds about a person, for the personal-data export' })
@Directive('@shareable')
export class PersonalDataSection {
  @Field({ description: 'participant, program or monitoring' })
  service: string;

  @Field({ description: 'Stable key, e.g. program.meetings' })
  key: string;

  @Field({ description: 'Russian title (the sheet name of the workbook)' })
  title: string;

  @Field(() => [PersonalDataColumn])
  columns: PersonalDataColumn[];

  @Field(() => [PersonalDataRow])
  rows: PersonalDataRow[];
}

/** One section: SQL with $1 = the person id, selecting one alias per column key. */
export interface PersonalDataSectionSpec {
  key: string;
  title: string;
  columns: readonly (readonly [key: string, title: string, kind?: PersonalDataKind])[];
  sql: string;
}

/** A cell as text: arrays joined, dates ISO, json as json, booleans in Russian. */
export function personalDataCell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => personalDataCell(item) ?? '').join('; ');
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Reads the sections about one person and records the export in the service's audit log. */
export async function readPersonalData(
  db: DataSource,
  service: string,
  specs: readonly PersonalDataSectionSpec[],
  person: { id: string; schoolId: string },
  actor: AuditActor,
): Promise<PersonalDataSection[]> {
  const personId = person.id;
  const sections: PersonalDataSection[] = [];
  for (const spec of specs) {
    const rows = (await db.query(spec.sql, [personId])) as Record<string, unknown>[];
    sections.push({
      service,
      key: `${service}.${spec.key}`,
      title: spec.title,
      columns: spec.columns.map(([key, title, kind]) => ({ key, title, kind: kind ?? PersonalDataKind.TEXT })),
      rows: rows.map((row) => ({ cells: spec.columns.map(([key]) => personalDataCell(row[key])) })),
    });
  }
  await recordChange(db.manager, actor, {
    action: AuditAction.EXPORT,
    entityType: 'Person',
    entityId: personId,
    personId,
    schoolId: person.schoolId,
    fields: sections.filter((section) => section.rows.length > 0).map((section) => section.key),
  });
  return sections;
}

/** Who may read a person's whole file: the person, their school's administration and curator, the office. */
export function canExportPersonalData(caller: Caller, person: { id: string; municipalityId: string; schoolId: string }): boolean {
  if (caller.municipalityId !== person.municipalityId) return false;
  if (caller.personId === person.id) return true;
  if (caller.role === Role.MUNICIPAL_ADMIN) return true;
  return (caller.role === Role.SCHOOL_ADMIN || caller.role === Role.CURATOR) && caller.schoolId === person.schoolId;
}

export function assertCanExportPersonalData(caller: Caller, person: { id: string; municipalityId: string; schoolId: string }): void {
  if (!canExportPersonalData(caller, person)) throw forbidden("Only the person, their school's administration or curator, or the office may read this person's data");
}

/** The matrix rule of each service's part of the export (`Person.<service>Records`); the resolvers also check the school. */
export const PERSONAL_DATA_EXPORT: FieldRule = {
  allow: [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR],
  own: [Role.PSYCHOLOGIST, Role.MENTOR, Role.MENTEE],
  ownerOf: (person: { id: string }) => person.id,
  refuseWithError: true,
  note: 'the whole file of a person (export): anyone about themself',
};
