import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  notFound,
  Processing,
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
import type { PersonService } from '../people/person.service';
import { MentorStatus } from './mentor.enums';
import { MentorProfile, MentorStatusChange } from './mentor-profile.entity';
import { assertMentorStatusChange, MENTOR_STATUS_MACHINE } from './mentor.rules';
import type { ChangeMentorStatusInput, OpenMentorProfileInput, UpdateMentorProfileInput } from './mentor.types';

const MENTOR_BASE = { entries: MentorProfile, history: MentorStatusChange, machine: MENTOR_STATUS_MACHINE };

export class MentorService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(MentorProfile).createQueryBuilder('profile'), caller);
  }

  async getVisible(caller: Caller, id: string, manager?: EntityManager, field = 'id'): Promise<MentorProfile> {
    const profile = await this.visible(caller, manager).andWhere('profile.id = :id', { id }).getOne();
    if (!profile) throw notFound('Mentor base entry', field);
    return profile;
  }

  /** `mentorProfile(id)` as asked by the caller: a mentor finds only their own entry this way. */
  async getForCaller(caller: Caller, id: string): Promise<MentorProfile> {
    const profile = await this.getVisible(caller, id);
    if (seesOwnRecordsOnly(caller) && profile.personId !== caller.personId) throw notFound('Mentor base entry', 'id');
    return profile;
  }

  /** All entries of these people, newest first; the open one, if any, comes first. */
  profilesOf(caller: Caller, personIds: readonly string[]): Promise<MentorProfile[]> {
    return this.visible(caller)
      .andWhere('profile.person_id = ANY(:personIds)', { personIds })
      .orderBy('profile.closed_on', 'DESC', 'NULLS FIRST')
      .addOrderBy('profile.opened_on', 'DESC')
      .getMany();
  }

  historyOf(profileIds: readonly string[]): Promise<MentorStatusChange[]> {
    return this.db
      .getRepository(MentorStatusChange)
      .createQueryBuilder('change')
      .where('change.profile_id = ANY(:profileIds)', { profileIds })
      .orderBy('change.recorded_at')
      .getMany();
  }

  async open(context: RequestContext, input: OpenMentorProfileInput): Promise<MentorProfile> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const person = await this.people.getVisible(caller, input.personId, manager, 'input.personId');
      assertCanManageSchool(caller, person);
      if (person.archivedAt) throw new DomainError(ErrorCode.PERSON_ARCHIVED, 'An archived person cannot enter a base', 'input.personId');
      if (await manager.getRepository(MentorProfile).existsBy({ personId: person.id, closedOn: IsNull() })) {
        throw new DomainError(ErrorCode.BASE_ENTRY_EXISTS, 'This person already has an open entry in the mentor base', 'input.personId');
      }
      await assertPersonConsent(manager, person.id, Processing.BASE_ENTRY, 'input.personId');
      const openedOn = input.openedOn ?? today();
      const profile = await manager.getRepository(MentorProfile).save(
        manager.getRepository(MentorProfile).create({
          personId: person.id,
          municipalityId: person.municipalityId,
          schoolId: person.schoolId,
          kind: input.kind,
          subjects: input.subjects,
          competences: input.competences,
          capacity: input.capacity,
          interviewOn: input.interviewOn ?? null,
          interviewResult: input.interviewResult,
          trainingCompletedOn: input.trainingCompletedOn ?? null,
          certificateNumber: input.certificateNumber ?? null,
          status: MentorStatus.CANDIDATE,
          openedOn,
          closedOn: null,
        }),
      );
      await manager.getRepository(MentorStatusChange).insert({ profileId: profile.id, status: profile.status, changedOn: openedOn, changedBy: caller.userId, note: null });
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'MentorProfile',
        entityId: profile.id,
        personId: person.id,
        schoolId: person.schoolId,
        fields: fieldsOf(input, 'personId').concat('status'),
      });
      return profile;
    });
  }

  async update(context: RequestContext, id: string, input: UpdateMentorProfileInput): Promise<MentorProfile> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const profile = await this.getVisible(caller, id, manager);
      assertCanManageSchool(caller, profile);
      if (profile.closedOn) throw new DomainError(ErrorCode.BASE_ENTRY_CLOSED, 'A closed base entry is kept as it was recorded', 'id');
      await assertPersonConsent(manager, profile.personId, Processing.BASE_ENTRY, 'id');
      const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      await manager.getRepository(MentorProfile).update(id, changes);
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'MentorProfile', entityId: id, personId: profile.personId, schoolId: profile.schoolId, fields: Object.keys(changes) });
      return this.getVisible(caller, id, manager);
    });
  }

  async changeStatus(context: RequestContext, input: ChangeMentorStatusInput): Promise<MentorProfile> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      // Lock the entry so two curators cannot move it from the same status at once.
      const profile = await this.visible(caller, manager).andWhere('profile.id = :id', { id: input.profileId }).setLock('pessimistic_write').getOne();
      if (!profile) throw notFound('Mentor base entry', 'input.profileId');
      assertCanManageSchool(caller, profile);
      assertMentorStatusChange(profile.status, input.status, profile.interviewResult);
      // Pausing or leaving stops the processing and stays possible after a withdrawal; (re)activating needs the consent.
      if (input.status === MentorStatus.ACTIVE) await assertPersonConsent(manager, profile.personId, Processing.BASE_ENTRY, 'input.profileId');
      await recordStatusChange(manager, MENTOR_BASE, profile, input, caller.userId);
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'MentorProfile', entityId: profile.id, personId: profile.personId, schoolId: profile.schoolId, fields: ['status'] });
      return this.getVisible(caller, profile.id, manager);
    });
  }
}
