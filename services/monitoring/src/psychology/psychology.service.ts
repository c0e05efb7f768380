import {
  assertConsent,
  assertRole,
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  forbidden,
  notFound,
  ownPersonId,
  Processing,
  recordChange,
  scopeToCaller,
  type Caller,
  type DataSource,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import { PERSONAL_RECORD_QUERIERS, PSYCHOLOGICAL_RECORDERS, readsPersonalData } from '../access';
import type { ProgramDirectory } from '../programs/program.directory';
import { CompatibilityResult, SatisfactionCheck } from './psychology.entity';
import type { RecordCompatibilityInput, RecordSatisfactionCheckInput } from './psychology.types';

/** A running pair is one at work: a forming, paused, completed or dissolved one is not checked. */
const RUNNING_PAIR_STATUS = 'ACTIVE';

export class PsychologyService {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ParticipantDirectory,
    private readonly programs: ProgramDirectory,
  ) {}

  /** Compatibility results are read by the school's psychologist and curator, and by the tested mentee. */
  compatibilityOf(caller: Caller, menteeIds: readonly string[]): Promise<CompatibilityResult[]> {
    assertRole(caller, PERSONAL_RECORD_QUERIERS);
    if (!readsPersonalData(caller) && menteeIds.some((id) => id !== caller.personId)) {
      throw forbidden('Compatibility results are read by the school’s psychologist and curator and by the mentee tested');
    }
    return scopeToCaller(this.db.getRepository(CompatibilityResult).createQueryBuilder('result'), caller)
      .andWhere('result.mentee_id = ANY(:menteeIds)', { menteeIds })
      .orderBy('result.tested_on', 'DESC')
      .addOrderBy('result.recorded_at', 'DESC')
      .getMany();
  }

  /** Every test is kept: a repeated test of the same candidates is a new result, not a correction. */
  async recordCompatibility(context: RequestContext, input: RecordCompatibilityInput): Promise<CompatibilityResult> {
    const { caller } = context;
    assertRole(caller, PSYCHOLOGICAL_RECORDERS);
    if (input.mentorId === input.menteeId) throw new DomainError(ErrorCode.SELF_MENTORING, 'A person cannot be tested as their own mentor', 'input.menteeId');
    const people = await this.directory.people(context, [input.mentorId, input.menteeId]);
    const mentor = people.get(input.mentorId);
    const mentee = people.get(input.menteeId);
    if (!mentor) throw notFound('Person', 'input.mentorId');
    if (!mentee) throw notFound('Person', 'input.menteeId');
    if (mentor.schoolId !== mentee.schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'The candidates work at different schools', 'input.menteeId');
    // Psychological results are the special category: each candidate's explicit consent, asked anew on every record.
    assertConsent(Processing.COMPATIBILITY_TEST, mentor.activeConsentScopes, 'input.mentorId', 'The mentor candidate');
    assertConsent(Processing.COMPATIBILITY_TEST, mentee.activeConsentScopes, 'input.menteeId', 'The mentee');
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(CompatibilityResult);
      const result = await repository.save(
        repository.create({
          municipalityId: mentee.municipalityId,
          schoolId: mentee.schoolId,
          mentorId: mentor.id,
          menteeId: mentee.id,
          score: input.score,
          testedOn: input.testedOn,
          method: input.method?.trim() || null,
          conclusion: input.conclusion?.trim() || null,
          recordedBy: caller.userId,
        }),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'CompatibilityResult',
        entityId: result.id,
        personIds: [mentor.id, mentee.id],
        schoolId: mentee.schoolId,
        fields: fieldsOf(input, 'mentorId', 'menteeId'),
      });
      return result;
    });
  }

  /** The school's psychologist and curator read every check of its pairs; anybody else only the checks of themself. */
  satisfactionOf(caller: Caller, pairIds: readonly string[]): Promise<SatisfactionCheck[]> {
    const query = scopeToCaller(this.db.getRepository(SatisfactionCheck).createQueryBuilder('check'), caller).andWhere('check.pair_id = ANY(:pairIds)', { pairIds });
    if (!readsPersonalData(caller)) query.andWhere('check.person_id = :me', { me: ownPersonId(caller) });
    return query.orderBy('check.checked_on').getMany();
  }

  async recordSatisfaction(context: RequestContext, input: RecordSatisfactionCheckInput): Promise<SatisfactionCheck> {
    const { caller } = context;
    assertRole(caller, PSYCHOLOGICAL_RECORDERS);
    const pair = await this.programs.pair(context, input.pairId, 'input.pairId');
    if (pair.status !== RUNNING_PAIR_STATUS) {
      throw new DomainError(ErrorCode.PAIR_NOT_ACTIVE, `Satisfaction is checked in running pairs; this one is ${pair.status}`, 'input.pairId');
    }
    if (input.personId && input.personId !== pair.mentor.id && !pair.mentees.some((mentee) => mentee.id === input.personId)) {
      throw new DomainError(ErrorCode.NOT_PAIR_MEMBER, 'This person is not in the pair', 'input.personId');
    }
    // A check of one person needs that person's consent; a check of the whole pair, everybody's in it.
    const checked = input.personId ? [input.personId] : [pair.mentor.id, ...pair.mentees.map((mentee) => mentee.id)];
    const people = await this.directory.people(context, checked);
    for (const id of checked) {
      assertConsent(Processing.SATISFACTION_CHECK, people.get(id)?.activeConsentScopes ?? [], input.personId ? 'input.personId' : 'input.pairId', input.personId ? 'The person' : 'A member of the pair');
    }
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(SatisfactionCheck);
      const check = await repository.save(
        repository.create({
          municipalityId: pair.municipalityId,
          schoolId: pair.schoolId,
          programId: pair.programId,
          pairId: pair.id,
          personId: input.personId ?? null,
          satisfaction: input.satisfaction,
          checkedOn: input.checkedOn,
          comment: input.comment?.trim() || null,
          recordedBy: caller.userId,
        }),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'SatisfactionCheck',
        entityId: check.id,
        personIds: input.personId ? [input.personId] : [pair.mentor.id, ...pair.mentees.map((mentee) => mentee.id)],
        schoolId: pair.schoolId,
        fields: fieldsOf(input, 'pairId', 'personId'),
      });
      return check;
    });
  }
}
