import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  missingConsents,
  Processing,
  recordChange,
  today,
  type AuditChange,
  type Caller,
  type ConsentScope,
  type DataSource,
  type EntityManager,
  type RequestContext,
} from '@nastavnik/platform';
import { In, IsNull } from 'typeorm';
import { Consent } from '../consents/consent.entity';
import { menteeProcessing } from '../mentees/mentee.rules';
import { MenteeStatus } from '../mentees/mentee.enums';
import { MenteeProfile, MenteeStatusChange } from '../mentees/mentee-profile.entity';
import { InterviewResult, MentorStatus } from '../mentors/mentor.enums';
import { MentorProfile, MentorStatusChange } from '../mentors/mentor-profile.entity';
import { experienceYears, isYoungSpecialist } from '../people/experience.rules';
import { Person, SchoolMembership } from '../people/person.entity';
import { Base, QualificationCategory } from '../people/person.enums';
import type { SchoolService } from '../schools/school.service';
import { COLUMNS, CONSENT_LABELS } from './import.labels.ru';
import { mapColumns, parseCsv, readXlsx, type TableRow } from './import.parse';
import { validateRows, type Problem, type StaffRow } from './import.rules';
import { buildStaffTemplate } from './import.template';
import { ImportFormat, ImportMode, type StaffImportInput, type StaffImportResult } from './import.types';

/** The gateway and the subgraphs take request bodies up to 1 MB; base64 grows a file by a third. */
export const MAX_IMPORT_FILE_BYTES = 700 * 1024;

class RollBack extends Error {}

/** Person fields a row of the file may set, named in the audit entry of a created person. */
const IMPORTED_FIELDS = ['fullName', 'position', 'subjects', 'pedagogicalExperienceSince', 'hiredOn', 'qualificationCategory', 'birthYear', 'email', 'phone', 'staffNumber'];

type School = { id: string; municipalityId: string };
type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export class ImportService {
  constructor(
    private readonly db: DataSource,
    private readonly schools: SchoolService,
  ) {}

  template(): Promise<Buffer> {
    return buildStaffTemplate();
  }

  async importStaff(context: RequestContext, input: StaffImportInput): Promise<StaffImportResult> {
    const { caller } = context;
    const school = await this.schools.getVisible(caller, input.schoolId, 'input.schoolId');
    assertCanManageSchool(caller, { municipalityId: school.municipalityId, schoolId: school.id });
    const file = Buffer.from(input.fileBase64, 'base64');
    if (file.length > MAX_IMPORT_FILE_BYTES) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `FILE_TOO_LARGE: the file may not exceed ${MAX_IMPORT_FILE_BYTES} bytes; split it`, 'input.fileBase64');
    }
    const table = await this.read(file, input.format);
    const asOf = today();
    const mapped = mapColumns(table);
    const checked = mapped.problems.length ? { valid: [], problems: [] } : validateRows(mapped.rows, asOf);
    const problems: Problem[] = [...mapped.problems, ...checked.problems];
    const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    let committed = false;
    try {
      await this.db.transaction(async (manager) => {
        const audit: AuditChange[] = [];
        const outcomes = await this.apply(manager, caller, school, checked.valid, problems, asOf, audit);
        // One statement for the whole file; a dry run or a refused file rolls it back with the rows.
        await recordChange(manager, context, ...audit);
        for (const outcome of outcomes) counts[outcome] += 1;
        if (input.dryRun || (input.mode === ImportMode.ALL_OR_NOTHING && problems.length)) throw new RollBack();
        committed = true;
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    const rows = mapped.rows.length;
    if (!committed && !input.dryRun) Object.assign(counts, { created: 0, updated: 0, unchanged: 0 });
    counts.skipped = rows - counts.created - counts.updated - counts.unchanged;
    problems.sort((a, b) => a.row - b.row);
    return { rows, ...counts, committed, problems };
  }

  private async read(file: Buffer, format: ImportFormat): Promise<TableRow[]> {
    try {
      return format === ImportFormat.CSV ? parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(file)) : await readXlsx(file);
    } catch {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        format === ImportFormat.CSV ? 'The file is not UTF-8 text' : 'The file is not an .xlsx workbook',
        'input.fileBase64',
      );
    }
  }

  /** Matches every valid row to a person and writes it; a row that cannot be written becomes a problem. */
  private async apply(
    manager: EntityManager,
    caller: Caller,
    school: School,
    rows: StaffRow[],
    problems: Problem[],
    asOf: string,
    audit: AuditChange[],
  ): Promise<Outcome[]> {
    if (rows.length === 0) return [];
    const people = manager.getRepository(Person);
    const staffNumbers = rows.flatMap((row) => (row.staffNumber ? [row.staffNumber] : []));
    const emails = rows.flatMap((row) => (row.email ? [row.email.toLowerCase()] : []));
    const known = await people
      .createQueryBuilder('person')
      .setLock('pessimistic_write')
      .where('person.school_id = :schoolId AND person.staff_number = ANY(:staffNumbers)', { schoolId: school.id, staffNumbers })
      .orWhere('person.municipality_id = :municipalityId AND lower(person.email) = ANY(:emails)', { municipalityId: school.municipalityId, emails })
      .getMany();
    const byStaffNumber = new Map(known.filter((p) => p.schoolId === school.id && p.staffNumber).map((p) => [p.staffNumber!, p]));
    const byEmail = new Map(known.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
    const ids = known.map((person) => person.id);
    const openMentors = new Set((ids.length === 0 ? [] : await manager.getRepository(MentorProfile).findBy({ personId: In(ids), closedOn: IsNull() })).map((entry) => entry.personId));
    const openMentees = new Map((ids.length === 0 ? [] : await manager.getRepository(MenteeProfile).findBy({ personId: In(ids), closedOn: IsNull() })).map((entry) => [entry.personId, entry]));
    const activeConsents = new Map<string, Set<ConsentScope>>();
    const consentRows = ids.length === 0 ? [] : await manager.getRepository(Consent).createQueryBuilder('consent').where('consent.person_id = ANY(:ids) AND consent.withdrawn_on IS NULL', { ids }).setLock('pessimistic_read').getMany();
    for (const consent of consentRows) activeConsents.set(consent.personId, (activeConsents.get(consent.personId) ?? new Set()).add(consent.scope));

    const outcomes: Outcome[] = [];
    for (const row of rows) {
      const problem = (column: keyof typeof COLUMNS, code: string, message: string, value: string | null = null) =>
        problems.push({ row: row.row, column: COLUMNS[column], value, code, message });
      let person = row.staffNumber ? byStaffNumber.get(row.staffNumber) : undefined;
      const owner = row.email ? byEmail.get(row.email.toLowerCase()) : undefined;
      if (!person && owner) {
        if (owner.schoolId !== school.id) {
          problem('email', 'EMAIL_TAKEN', 'Этот адрес уже у сотрудника другой школы', row.email!);
          continue;
        }
        if (row.staffNumber && owner.staffNumber && owner.staffNumber !== row.staffNumber) {
          problem('staffNumber', 'STAFF_NUMBER_MISMATCH', `У сотрудника с этим адресом табельный номер ${owner.staffNumber}`, row.staffNumber);
          continue;
        }
        person = owner;
      } else if (person && owner && owner.id !== person.id) {
        problem('email', 'EMAIL_TAKEN', 'Этот адрес уже у другого сотрудника', row.email!);
        continue;
      }
      if (person?.archivedAt) {
        problem(row.staffNumber ? 'staffNumber' : 'email', 'PERSON_ARCHIVED', 'Сотрудник в архиве; его нельзя изменить импортом', row.staffNumber ?? row.email!);
        continue;
      }
      const experienceSince = person && !row.experienceGivenAsDate && experienceYears(person.pedagogicalExperienceSince, asOf) === row.experienceYears
        ? person.pedagogicalExperienceSince
        : row.experienceSince;
      const menteeEntry = person ? openMentees.get(person.id) : undefined;
      if (menteeEntry && menteeEntry.storedCategories.length === 0 && !isYoungSpecialist(experienceSince, asOf)) {
        problem('experienceYears', 'YOUNG_SPECIALIST_MISMATCH', 'С таким стажем наставляемый больше не молодой специалист; сначала укажите ему другую категорию');
        continue;
      }
      // Entering a base needs the person's consent: one already active or one signed and given in this row.
      const opensEntry = (row.base === Base.MENTOR && !(person && openMentors.has(person.id))) || (row.base === Base.MENTEE && !(person && openMentees.has(person.id)));
      if (opensEntry) {
        const processing = row.base === Base.MENTEE ? menteeProcessing(row.menteeCategories) : Processing.BASE_ENTRY;
        const missing = missingConsents(processing, [...(person ? (activeConsents.get(person.id) ?? []) : []), ...row.consents]);
        if (missing.length) {
          problem('consents', 'CONSENT_REQUIRED', `Чтобы внести сотрудника в базу, нужно его согласие: ${missing.map((scope) => `«${CONSENT_LABELS[scope]}»`).join(', ')}`);
          continue;
        }
      }

      let outcome: Outcome;
      if (!person) {
        person = await people.save(
          people.create({
            municipalityId: school.municipalityId,
            schoolId: school.id,
            fullName: row.fullName,
            position: row.position,
            subjects: row.subjects ?? [],
            pedagogicalExperienceSince: experienceSince,
            hiredOn: row.hiredOn ?? null,
            qualificationCategory: row.qualificationCategory ?? QualificationCategory.NONE,
            birthYear: row.birthYear ?? null,
            email: row.email ?? null,
            phone: row.phone ?? null,
            staffNumber: row.staffNumber ?? null,
          }),
        );
        await manager.getRepository(SchoolMembership).insert({ personId: person.id, schoolId: school.id, position: person.position, fromDate: row.hiredOn ?? asOf });
        const created = Object.entries(person).filter(([field, value]) => IMPORTED_FIELDS.includes(field) && value !== null).map(([field]) => field);
        audit.push({ action: AuditAction.CREATE, entityType: 'Person', entityId: person.id, personId: person.id, schoolId: school.id, fields: created });
        outcome = 'created';
      } else {
        const wanted: Partial<Person> = {
          fullName: row.fullName,
          position: row.position,
          subjects: row.subjects,
          pedagogicalExperienceSince: experienceSince,
          hiredOn: row.hiredOn,
          qualificationCategory: row.qualificationCategory,
          birthYear: row.birthYear,
          // The e-mail is a case-insensitive key: a change of case alone is no change.
          email: row.email?.toLowerCase() === person.email?.toLowerCase() ? undefined : row.email,
          phone: row.phone,
          staffNumber: row.staffNumber,
        };
        const changes = Object.fromEntries(
          Object.entries(wanted).filter(([field, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(person![field as keyof Person])),
        ) as Partial<Person>;
        if (Object.keys(changes).length) {
          await people.update(person.id, { ...changes, version: person.version + 1 });
          audit.push({ action: AuditAction.UPDATE, entityType: 'Person', entityId: person.id, personId: person.id, schoolId: school.id, fields: Object.keys(changes) });
          outcome = 'updated';
        } else {
          outcome = 'unchanged';
        }
      }
      const held = activeConsents.get(person.id) ?? new Set<ConsentScope>();
      const signed = row.consents.filter((scope) => !held.has(scope));
      if (signed.length) {
        const inserted = await manager.getRepository(Consent).insert(
          signed.map((scope) => ({ personId: person!.id, municipalityId: person!.municipalityId, schoolId: person!.schoolId, scope, givenOn: asOf, withdrawnOn: null, recordedBy: caller.userId })),
        );
        for (const { id } of inserted.identifiers as { id: string }[]) {
          audit.push({ action: AuditAction.CREATE, entityType: 'Consent', entityId: id, personId: person.id, schoolId: person.schoolId, fields: ['scope', 'givenOn'] });
        }
        activeConsents.set(person.id, new Set([...held, ...signed]));
        if (outcome === 'unchanged') outcome = 'updated';
      }
      if (row.email) byEmail.set(row.email.toLowerCase(), person);
      if (row.staffNumber) byStaffNumber.set(row.staffNumber, person);

      if (row.base === Base.MENTOR && !openMentors.has(person.id)) {
        const entry = await this.openMentorEntry(manager, caller, person, row, asOf);
        audit.push({ action: AuditAction.CREATE, entityType: 'MentorProfile', entityId: entry.id, personId: person.id, schoolId: school.id, fields: ['kind', 'subjects', 'status'] });
        openMentors.add(person.id);
        if (outcome === 'unchanged') outcome = 'updated';
      }
      if (row.base === Base.MENTEE && !openMentees.has(person.id)) {
        const entry = await this.openMenteeEntry(manager, caller, person, row, asOf);
        audit.push({ action: AuditAction.CREATE, entityType: 'MenteeProfile', entityId: entry.id, personId: person.id, schoolId: school.id, fields: ['categories', 'requests', 'deficits', 'status'] });
        openMentees.set(person.id, entry);
        if (outcome === 'unchanged') outcome = 'updated';
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private async openMentorEntry(manager: EntityManager, caller: Caller, person: Person, row: StaffRow, openedOn: string): Promise<MentorProfile> {
    const repository = manager.getRepository(MentorProfile);
    const entry = await repository.save(
      repository.create({
        personId: person.id,
        municipalityId: person.municipalityId,
        schoolId: person.schoolId,
        kind: row.mentorKind!,
        subjects: row.subjects ?? person.subjects,
        competences: [],
        capacity: 1,
        interviewOn: null,
        interviewResult: InterviewResult.PENDING,
        trainingCompletedOn: null,
        certificateNumber: null,
        status: MentorStatus.CANDIDATE,
        openedOn,
        closedOn: null,
      }),
    );
    await manager.getRepository(MentorStatusChange).insert({ profileId: entry.id, status: entry.status, changedOn: openedOn, changedBy: caller.userId, note: 'Импорт из файла' });
    return entry;
  }

  private async openMenteeEntry(manager: EntityManager, caller: Caller, person: Person, row: StaffRow, openedOn: string): Promise<MenteeProfile> {
    const repository = manager.getRepository(MenteeProfile);
    const entry = await repository.save(
      repository.create({
        personId: person.id,
        municipalityId: person.municipalityId,
        schoolId: person.schoolId,
        storedCategories: row.menteeCategories,
        requests: row.requests,
        deficits: row.deficits,
        status: MenteeStatus.ACTIVE,
        openedOn,
        closedOn: null,
      }),
    );
    await manager.getRepository(MenteeStatusChange).insert({ profileId: entry.id, status: entry.status, changedOn: openedOn, changedBy: caller.userId, note: 'Импорт из файла' });
    return entry;
  }
}
