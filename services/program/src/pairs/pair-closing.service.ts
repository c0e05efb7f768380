import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  Processing,
  recordChange,
  type Caller,
  type DataSource,
  type EntityManager,
  type RequestContext,
} from '@nastavnik/platform';
import { IsNull } from 'typeorm';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingType } from '../meetings/meeting.enums';
import { Pair, PairMentee } from './pair.entity';
import { ClosingReason, PairStatus } from './pair.enums';
import { canChangePairStatus, closingNoteMissing } from './pair.rules';
import { pairMemberIds, type PairService } from './pair.service';
import type { ClosePairInput } from './pair.types';

/** Pausing, resuming and closing pairs: the status machine of a pair after it started. */
export class PairClosingService {
  constructor(
    private readonly db: DataSource,
    private readonly pairs: PairService,
  ) {}

  private async change(context: RequestContext, id: string, to: PairStatus, apply: (pair: Pair, manager: EntityManager) => Promise<Partial<Pair>>): Promise<Pair> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const pair = await this.pairs.lockVisible(caller, id, manager);
      assertCanManageSchool(caller, pair);
      if (!canChangePairStatus(pair.status, to)) {
        throw new DomainError(ErrorCode.INVALID_STATUS_CHANGE, `A ${pair.status} pair cannot become ${to}`, 'id');
      }
      const changes = await apply(pair, manager);
      await manager.getRepository(Pair).update(pair.id, { ...changes, status: to, statusChangedAt: new Date() });
      await recordChange(manager, context, {
        action: AuditAction.UPDATE,
        entityType: 'Pair',
        entityId: pair.id,
        personIds: await pairMemberIds(manager, pair),
        schoolId: pair.schoolId,
        fields: ['status', ...fieldsOf(changes)],
      });
      return manager.getRepository(Pair).findOneByOrFail({ id: pair.id });
    });
  }

  pause(context: RequestContext, id: string, pausedOn: string): Promise<Pair> {
    return this.change(context, id, PairStatus.PAUSED, async (pair) => {
      if (pair.startedOn && pausedOn < pair.startedOn) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A pair cannot pause before it started', 'pausedOn');
      return { pausedOn };
    });
  }

  /** A pair paused after a withdrawal resumes only when everybody in it consents again. */
  async resume(context: RequestContext, id: string): Promise<Pair> {
    await this.pairs.assertMembersConsent(context, id, Processing.PAIR, 'id', assertCanManageSchool);
    return this.change(context, id, PairStatus.ACTIVE, async () => ({ pausedOn: null }));
  }

  /** A pair completes after its final meeting; the mentees' intervals end with it. */
  complete(context: RequestContext, id: string, input: ClosePairInput): Promise<Pair> {
    return this.change(context, id, PairStatus.COMPLETED, async (pair, manager) => {
      const final = await manager.getRepository(Meeting).findOneBy({ pairId: pair.id, type: MeetingType.FINAL });
      if (!final) throw new DomainError(ErrorCode.FINAL_MEETING_MISSING, 'A pair completes after its final meeting (итоговая встреча); log it first', 'id');
      const endedOn = input.endedOn ?? final.heldOn;
      if (endedOn < final.heldOn) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A pair cannot end before its final meeting', 'input.endedOn');
      return this.close(manager, pair, endedOn, input.reason ?? ClosingReason.GOALS_ACHIEVED, input.note, context.caller);
    });
  }

  /** A pair stops early, or never starts: the reason is required. */
  dissolve(context: RequestContext, id: string, input: ClosePairInput, today: string): Promise<Pair> {
    return this.change(context, id, PairStatus.DISSOLVED, async (pair, manager) => {
      if (!input.reason) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Dissolving a pair needs a closing reason', 'input.reason');
      const endedOn = input.endedOn ?? today;
      return this.close(manager, pair, endedOn, input.reason, input.note, context.caller);
    });
  }

  private async close(manager: EntityManager, pair: Pair, endedOn: string, reason: ClosingReason, note: string | null | undefined, caller: Caller): Promise<Partial<Pair>> {
    if (closingNoteMissing(reason, note)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The reason OTHER needs a note', 'input.note');
    if (pair.startedOn && endedOn < pair.startedOn) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A pair cannot end before it started', 'input.endedOn');
    // A pair that never started mentored nobody: its intervals stay empty.
    if (pair.startedOn) await manager.getRepository(PairMentee).update({ pairId: pair.id, toDate: IsNull() }, { toDate: endedOn });
    return { endedOn: pair.startedOn ? endedOn : null, closingReason: reason, closingNote: note?.trim() || null, closedByUser: caller.userId };
  }
}
