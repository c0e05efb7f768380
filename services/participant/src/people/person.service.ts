import {
  assertCanManageSchool,
  assertRole,
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  notFound,
  paginate,
  recordChange,
  Role,
  ownPersonId,
  scopeToCaller,
  seesOwnRecordsOnly,
  today,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
  type RequestContext,
} from '@nastavnik/platform';
import { Brackets, IsNull } from 'typeorm';
import { Consent } from '../consents/consent.entity';
import { MenteeProfile, MenteeStatusChange } from '../mentees/mentee-profile.entity';
import { MenteeCategory, MenteeStatus } from '../mentees/mentee.enums';
import { MentorProfile, MentorStatusChange } from '../mentors/mentor-profile.entity';
import { MentorStatus } from '../mentors/mentor.enums';
import type { SchoolService } from '../schools/school.service';
import { seesEveryonesBurnout } from '../mentees/mentee.rules';
import { isYoungSpecialist, resolveExperienceSince } from './experience.rules';
import { Person, SchoolMembership } from './person.entity';
import { Base } from './person.enums';
import type { CreatePersonInput, MovePersonInput, PersonFilter, UpdatePersonInput } from './person.types';

function experienceSinceOrError(input: Parameters<typeof resolveExperienceSince>[0]): string | undefined {
  try {
    return resolveExperienceSince(input, today());
  } catch (error) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `Pedagogical experience does not add up: ${(error as Error).message}`, 'input.pedagogicalExperienceYears');
  }
}

export class PersonService {
  constructor(
    private readonly db: DataSource,
    private readonly schools: SchoolService,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(Person).createQueryBuilder('person'), caller);
  }

  async findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<Person[]> {
    return this.visible(caller).andWhere('person.id = ANY(:ids)', { ids }).getMany();
  }

  async getVisible(caller: Caller, id: string, manager?: EntityManager, field = 'id'): Promise<Person> {
    const person = await this.visible(caller, manager).andWhere('person.id = :id', { id }).getOne();
    if (!person) throw notFound('Person', field);
    return person;
  }

  /** `person(id)` as asked by the caller: a mentor or mentee finds only themself this way. */
  async getForCaller(caller: Caller, id: string): Promise<Person> {
    if (seesOwnRecordsOnly(caller) && id !== caller.personId) throw notFound('Person', 'id');
    return this.getVisible(caller, id);
  }

  async list(caller: Caller, filter: PersonFilter, page: PageInput): Promise<Page<Person>> {
    const query = this.visible(caller);
    if (seesOwnRecordsOnly(caller)) query.andWhere('person.id = :me', { me: ownPersonId(caller) });
    if (filter.schoolId) query.andWhere('person.school_id = :schoolId', { schoolId: filter.schoolId });
    if (!filter.includeArchived) query.andWhere('person.archived_at IS NULL');
    if (filter.subject) query.andWhere(':subject = ANY(person.subjects)', { subject: filter.subject });
    if (filter.search) {
      query.andWhere(`person.full_name ILIKE :search ESCAPE '\\'`, { search: `%${filter.search.replace(/[\\%_]/g, '\\$&')}%` });
    }
    const inMentorBase = filter.base === Base.MENTOR || filter.mentorStatus !== undefined;
    if (filter.menteeCategory === MenteeCategory.BURNOUT && !seesEveryonesBurnout(caller)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only the curator and the psychologist list mentees by burnout', 'filter.menteeCategory');
    }
    const inMenteeBase = filter.base === Base.MENTEE || filter.menteeStatus !== undefined || filter.menteeCategory !== undefined;
    if (inMentorBase) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM mentor_profile m WHERE m.person_id = person.id AND m.closed_on IS NULL
          AND (CAST(:mentorStatus AS text) IS NULL OR m.status = :mentorStatus))`,
        { mentorStatus: filter.mentorStatus ?? null },
      );
    }
    if (inMenteeBase) {
      query.andWhere(
        new Brackets((where) => {
          where.where(
            `EXISTS (SELECT 1 FROM mentee_profile e WHERE e.person_id = person.id AND e.closed_on IS NULL
              AND (CAST(:menteeStatus AS text) IS NULL OR e.status = :menteeStatus)
              AND (CAST(:category AS text) IS NULL OR :category = ANY(e.categories)
                   OR (:category = :young AND person.pedagogical_experience_since > CAST(:today AS date) - interval '4 years')))`,
            // Today as the code counts it (UTC), not the database session's date, so the filter and the derived flag agree.
            { menteeStatus: filter.menteeStatus ?? null, category: filter.menteeCategory ?? null, young: MenteeCategory.YOUNG_SPECIALIST, today: today() },
          );
        }),
      );
    }
    return paginate(query, page, { column: 'person.full_name', valueOf: (person) => person.fullName });
  }

  async create(context: RequestContext, input: CreatePersonInput): Promise<Person> {
    const { caller } = context;
    const school = await this.schools.getVisible(caller, input.schoolId, 'input.schoolId');
    assertCanManageSchool(caller, { municipalityId: school.municipalityId, schoolId: school.id });
    const since = experienceSinceOrError(input);
    if (!since) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Give pedagogicalExperienceSince or pedagogicalExperienceYears', 'input.pedagogicalExperienceSince');
    }
    return this.db.transaction(async (manager) => {
      const staffNumber = input.staffNumber?.trim() || null;
      if (staffNumber) await assertStaffNumberFree(manager, school.id, staffNumber, null);
      const person = await manager.getRepository(Person).save(
        manager.getRepository(Person).create({
          municipalityId: school.municipalityId,
          schoolId: school.id,
          fullName: input.fullName.trim(),
          position: input.position.trim(),
          subjects: input.subjects,
          pedagogicalExperienceSince: since,
          hiredOn: input.hiredOn ?? null,
          qualificationCategory: input.qualificationCategory,
          birthYear: input.birthYear ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          staffNumber,
        }),
      );
      await manager.getRepository(SchoolMembership).insert({
        personId: person.id,
        schoolId: school.id,
        position: person.position,
        fromDate: input.hiredOn ?? today(),
      });
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'Person',
        entityId: person.id,
        personId: person.id,
        schoolId: school.id,
        fields: fieldsOf(input, 'pedagogicalExperienceYears').concat('pedagogicalExperienceSince'),
      });
      return person;
    });
  }

  /** Optimistic locking by hand: TypeORM's @VersionColumn does not guard `save()` against lost updates. */
  async update(context: RequestContext, id: string, input: UpdatePersonInput): Promise<Person> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const person = await this.getVisible(caller, id, manager);
      assertCanManageSchool(caller, person);
      if (person.archivedAt) throw new DomainError(ErrorCode.PERSON_ARCHIVED, 'An archived person cannot be changed', 'id');
      const since = experienceSinceOrError(input);
      const { expectedVersion, pedagogicalExperienceYears: _years, pedagogicalExperienceSince: _since, ...fields } = input;
      const changes: Partial<Person> = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      if (changes.staffNumber !== undefined) changes.staffNumber = changes.staffNumber?.trim() || null;
      if (changes.staffNumber) await assertStaffNumberFree(manager, person.schoolId, changes.staffNumber, person.id);
      if (since) {
        changes.pedagogicalExperienceSince = since;
        await assertMenteeKeepsACategory(manager, person.id, since);
      }
      const result = await manager
        .createQueryBuilder()
        .update(Person)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
        .execute();
      if (result.affected !== 1) {
        throw new DomainError(ErrorCode.VERSION_CONFLICT, 'Someone changed this person meanwhile; reload and apply your change again', 'input.expectedVersion');
      }
      await recordChange(manager, context, {
        action: AuditAction.UPDATE,
        entityType: 'Person',
        entityId: id,
        personId: id,
        schoolId: person.schoolId,
        fields: Object.keys(changes),
      });
      return this.getVisible(caller, id, manager);
    });
  }

  /** Archiving keeps every record; the person just leaves the lists unless asked for. */
  async archive(context: RequestContext, id: string): Promise<Person> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const person = await this.getVisible(caller, id, manager);
      assertCanManageSchool(caller, person);
      if (!person.archivedAt) {
        await manager.getRepository(Person).update(id, { archivedAt: new Date(), version: person.version + 1 });
        await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'Person', entityId: id, personId: id, schoolId: person.schoolId, fields: ['archivedAt'] });
      }
      return this.getVisible(caller, id, manager);
    });
  }

  /** A move closes the membership at the old school and opens one at the new; history stays. */
  async move(context: RequestContext, input: MovePersonInput): Promise<Person> {
    const { caller } = context;
    assertRole(caller, [Role.MUNICIPAL_ADMIN]);
    const target = await this.schools.getVisible(caller, input.toSchoolId, 'input.toSchoolId');
    return this.db.transaction(async (manager) => {
      const person = await this.getVisible(caller, input.personId, manager, 'input.personId');
      if (person.archivedAt) throw new DomainError(ErrorCode.PERSON_ARCHIVED, 'An archived person cannot be moved', 'input.personId');
      if (person.schoolId === target.id) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The person already works at this school', 'input.toSchoolId');
      }
      const memberships = manager.getRepository(SchoolMembership);
      const open = await memberships.findOneBy({ personId: person.id, toDate: IsNull() });
      if (open && open.fromDate >= input.movedOn) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `The move must come after ${open.fromDate}, the start at the current school`, 'input.movedOn');
      }
      const lastDay = previousDay(input.movedOn);
      if (open) await memberships.update(open.id, { toDate: lastDay });
      await this.closeBaseEntriesOnMove(manager, context, person, lastDay);
      // A consent is the person's, not the school's: it follows them, so their new school sees it.
      await manager.getRepository(Consent).update({ personId: person.id }, { schoolId: target.id });
      const position = input.position ?? person.position;
      await memberships.insert({ personId: person.id, schoolId: target.id, position, fromDate: input.movedOn });
      await manager.getRepository(Person).update(person.id, { schoolId: target.id, position, hiredOn: input.movedOn, staffNumber: null, version: person.version + 1 });
      // Both schools see the move in their audit log.
      const moved = { action: AuditAction.UPDATE, entityType: 'Person', entityId: person.id, personId: person.id, fields: ['schoolId', 'position', 'hiredOn', 'staffNumber'] };
      await recordChange(manager, context, { ...moved, schoolId: person.schoolId }, { ...moved, schoolId: target.id });
      return this.getVisible(caller, person.id, manager);
    });
  }

  /**
   * Base entries are kept by a school's curator: leaving the school closes them there (status LEFT,
   * with the reason), and the new school opens its own entries when it needs them.
   */
  private async closeBaseEntriesOnMove(manager: EntityManager, context: RequestContext, person: Person, closedOn: string): Promise<void> {
    const personId = person.id;
    const changedBy = context.caller.userId;
    const closed = (entityType: string, entityId: string) => ({ action: AuditAction.UPDATE, entityType, entityId, personId, schoolId: person.schoolId, fields: ['status', 'closedOn'] });
    const note = 'Переход в другую образовательную организацию';
    const mentor = await manager.getRepository(MentorProfile).findOneBy({ personId, closedOn: IsNull() });
    if (mentor) {
      await manager.getRepository(MentorProfile).update(mentor.id, { status: MentorStatus.LEFT, closedOn: maxDate(closedOn, mentor.openedOn) });
      await manager.getRepository(MentorStatusChange).insert({ profileId: mentor.id, status: MentorStatus.LEFT, changedOn: maxDate(closedOn, mentor.openedOn), changedBy, note });
      await recordChange(manager, context, closed('MentorProfile', mentor.id));
    }
    const mentee = await manager.getRepository(MenteeProfile).findOneBy({ personId, closedOn: IsNull() });
    if (mentee) {
      await manager.getRepository(MenteeProfile).update(mentee.id, { status: MenteeStatus.LEFT, closedOn: maxDate(closedOn, mentee.openedOn) });
      await manager.getRepository(MenteeStatusChange).insert({ profileId: mentee.id, status: MenteeStatus.LEFT, changedOn: maxDate(closedOn, mentee.openedOn), changedBy, note });
      await recordChange(manager, context, closed('MenteeProfile', mentee.id));
    }
  }

  async membershipsOf(personIds: readonly string[]): Promise<SchoolMembership[]> {
    return this.db.getRepository(SchoolMembership).createQueryBuilder('m').where('m.person_id = ANY(:personIds)', { personIds }).orderBy('m.from_date').getMany();
  }
}

/** A mentee who was only a young specialist would be left with no category by longer experience. */
async function assertMenteeKeepsACategory(manager: EntityManager, personId: string, experienceSince: string): Promise<void> {
  const entry = await manager.getRepository(MenteeProfile).findOneBy({ personId, closedOn: IsNull() });
  if (entry && entry.storedCategories.length === 0 && !isYoungSpecialist(experienceSince, today())) {
    throw new DomainError(
      ErrorCode.YOUNG_SPECIALIST_MISMATCH,
      'With this experience the teacher is no longer a young specialist; give the mentee entry another category first',
      'input.pedagogicalExperienceSince',
    );
  }
}

/** A staff number is the school's: one person per number in a school. */
async function assertStaffNumberFree(manager: EntityManager, schoolId: string, staffNumber: string, personId: string | null): Promise<void> {
  const holder = await manager.getRepository(Person).findOneBy({ schoolId, staffNumber });
  if (holder && holder.id !== personId) {
    throw new DomainError(ErrorCode.CONFLICT, 'Another person of this school has this staff number', 'input.staffNumber');
  }
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function previousDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
