import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  notFound,
  recordChange,
  scopeToCaller,
  seesOwnRecordsOnly,
  today,
  type Caller,
  type DataSource,
  type EntityManager,
  type RequestContext,
} from '@nastavnik/platform';
import { IsNull } from 'typeorm';
import { assertPersonConsent } from '../consents/consent.service';
import { recordStatusChange } from '../people/base-entry';
import { assertStatusChange } from '../people/base-status.rules';
import type { PersonService } from '../people/person.service';
import { MenteeStatus } from './mentee.enums';
import { MenteeProfile, MenteeStatusChange } from './mentee-profile.entity';
import { categoriesAfterChange, MENTEE_STATUS_MACHINE, menteeProcessing, storedMenteeCategories } from './mentee.rules';
import type { ChangeMenteeStatusInput, OpenMenteeProfileInput, UpdateMenteeProfileInput } from './mentee.types';

const MENTEE_BASE = { entries: MenteeProfile, history: MenteeStatusChange, machine: MENTEE_STATUS_MACHINE };

export class MenteeService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(MenteeProfile).createQueryBuilder('profile'), caller);
  }

  async getVisible(caller: Caller, id: string, manager?: EntityManager, field = 'id'): Promise<MenteeProfile> {
    const profile = await this.visible(caller, manager).andWhere('profile.id = :id', { id }).getOne();
    if (!profile) throw notFound('Mentee base entry', field);
    return profile;
  }

  /** `menteeProfile(id)` as asked by the caller: a mentee finds only their own entry this way. */
  async getForCaller(caller: Caller, id: string): Promise<MenteeProfile> {
    const profile = await this.getVisible(caller, id);
    if (seesOwnRecordsOnly(caller) && profile.personId !== caller.personId) throw notFound('Mentee base entry', 'id');
    return profile;
  }

  /** All entries of these people, the open one first, then newest first. */
  profilesOf(caller: Caller, personIds: readonly string[]): Promise<MenteeProfile[]> {
    return this.visible(caller)
      .andWhere('profile.person_id = ANY(:personIds)', { personIds })
      .orderBy('profile.closed_on', 'DESC', 'NULLS FIRST')
      .addOrderBy('profile.opened_on', 'DESC')
      .getMany();
  }

  historyOf(profileIds: readonly string[]): Promise<MenteeStatusChange[]> {
    return this.db
      .getRepository(MenteeStatusChange)
      .createQueryBuilder('change')
      .where('change.profile_id = ANY(:profileIds)', { profileIds })
      .orderBy('change.recorded_at')
      .getMany();
  }

  async open(context: RequestContext, input: OpenMenteeProfileInput): Promise<MenteeProfile> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const person = await this.people.getVisible(caller, input.personId, manager, 'input.personId');
      assertCanManageSchool(caller, person);
      if (person.archivedAt) throw new DomainError(ErrorCode.PERSON_ARCHIVED, 'An archived person cannot enter a base', 'input.personId');
      if (await manager.getRepository(MenteeProfile).existsBy({ personId: person.id, closedOn: IsNull() })) {
        throw new DomainError(ErrorCode.BASE_ENTRY_EXISTS, 'This person already has an open entry in the mentee base', 'input.personId');
      }
      await assertPersonConsent(manager, person.id, menteeProcessing(input.categories), 'input.personId');
      const openedOn = input.openedOn ?? today();
      const profile = await manager.getRepository(MenteeProfile).save(
        manager.getRepository(MenteeProfile).create({
          personId: person.id,
          municipalityId: person.municipalityId,
          schoolId: person.schoolId,
          storedCategories: storedMenteeCategories(input.categories, person.pedagogicalExperienceSince, today()),
          requests: input.requests,
          deficits: input.deficits,
          status: MenteeStatus.ACTIVE,
          openedOn,
          closedOn: null,
        }),
      );
      await manager.getRepository(MenteeStatusChange).insert({ profileId: profile.id, status: profile.status, changedOn: openedOn, changedBy: caller.userId, note: null });
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'MenteeProfile',
        entityId: profile.id,
        personId: person.id,
        schoolId: person.schoolId,
        fields: fieldsOf(input, 'personId').concat('status'),
      });
      return profile;
    });
  }

  async update(context: RequestContext, id: string, input: UpdateMenteeProfileInput): Promise<MenteeProfile> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const profile = await this.getVisible(caller, id, manager);
      assertCanManageSchool(caller, profile);
      if (profile.closedOn) throw new DomainError(ErrorCode.BASE_ENTRY_CLOSED, 'A closed base entry is kept as it was recorded', 'id');
      const categories = input.categories && categoriesAfterChange(caller, profile.personId, profile.storedCategories, input.categories);
      await assertPersonConsent(manager, profile.personId, menteeProcessing(categories ?? profile.storedCategories), 'id');
      const changes: Partial<MenteeProfile> = {};
      if (categories) {
        const person = await this.people.getVisible(caller, profile.personId, manager);
        changes.storedCategories = storedMenteeCategories(categories, person.pedagogicalExperienceSince, today());
      }
      if (input.requests) changes.requests = input.requests;
      if (input.deficits) changes.deficits = input.deficits;
      await manager.getRepository(MenteeProfile).update(id, changes);
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'MenteeProfile', entityId: id, personId: profile.personId, schoolId: profile.schoolId, fields: fieldsOf(input) });
      return this.getVisible(caller, id, manager);
    });
  }

  async changeStatus(context: RequestContext, input: ChangeMenteeStatusInput): Promise<MenteeProfile> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      // Lock the entry so two curators cannot move it from the same status at once.
      const profile = await this.visible(caller, manager).andWhere('profile.id = :id', { id: input.profileId }).setLock('pessimistic_write').getOne();
      if (!profile) throw notFound('Mentee base entry', 'input.profileId');
      assertCanManageSchool(caller, profile);
      assertStatusChange(MENTEE_STATUS_MACHINE, profile.status, input.status);
      // Pausing, completing or leaving stops the processing and stays possible after a withdrawal; resuming needs the consent.
      if (input.status === MenteeStatus.ACTIVE) await assertPersonConsent(manager, profile.personId, menteeProcessing(profile.storedCategories), 'input.profileId');
      await recordStatusChange(manager, MENTEE_BASE, profile, input, caller.userId);
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'MenteeProfile', entityId: profile.id, personId: profile.personId, schoolId: profile.schoolId, fields: ['status'] });
      return this.getVisible(caller, profile.id, manager);
    });
  }
}
