import {
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  Processing,
  recordChange,
  scopeToCaller,
  type Caller,
  type DataSource,
  type RequestContext,
} from '@nastavnik/platform';
import { Pair, PairMentee } from '../pairs/pair.entity';
import { PairStatus } from '../pairs/pair.enums';
import { assertCanWorkOnPair, narrowToOwnPairs } from '../pairs/pair.access';
import type { PairService } from '../pairs/pair.service';
import type { SettingsService } from '../settings/settings.service';
import { Meeting } from './meeting.entity';
import { daysBetween, isQuiet, meetingOrderRefusal } from './meeting.rules';
import type { LogMeetingInput, QuietPair, QuietPairFilter } from './meeting.types';

export class MeetingService {
  constructor(
    private readonly db: DataSource,
    private readonly pairs: PairService,
    private readonly settings: SettingsService,
  ) {}

  private visible(caller: Caller) {
    return narrowToOwnPairs(scopeToCaller(this.db.getRepository(Meeting).createQueryBuilder('meeting'), caller), caller, 'meeting.pair_id');
  }

  ofPairs(caller: Caller, pairIds: readonly string[]): Promise<Meeting[]> {
    return this.visible(caller)
      .andWhere('meeting.pair_id = ANY(:pairIds)', { pairIds })
      .orderBy('meeting.held_on')
      .addOrderBy('meeting.created_at')
      .getMany();
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<Meeting[]> {
    return this.visible(caller).andWhere('meeting.id = ANY(:ids)', { ids }).getMany();
  }

  /** The pair row is locked, so two people logging the intro meeting at once cannot both succeed. */
  async log(context: RequestContext, input: LogMeetingInput, today: string): Promise<Meeting> {
    const { caller } = context;
    await this.pairs.assertMembersConsent(context, input.pairId, Processing.PAIR, 'input.pairId', assertCanWorkOnPair);
    return this.db.transaction(async (manager) => {
      const pair = await this.pairs.lockVisible(caller, input.pairId, manager, 'input.pairId');
      assertCanWorkOnPair(caller, pair);
      if (pair.status !== PairStatus.ACTIVE) {
        throw new DomainError(ErrorCode.PAIR_NOT_ACTIVE, `Meetings are logged for working pairs; this one is ${pair.status}`, 'input.pairId');
      }
      const members = await manager.getRepository(PairMentee).findBy({ pairId: pair.id });
      const current = new Set([pair.mentorId, ...members.filter((member) => member.toDate === null).map((member) => member.menteeId)]);
      const attendeeIds = input.attendeeIds ?? [...current];
      if (attendeeIds.some((id) => !current.has(id))) {
        throw new DomainError(ErrorCode.NOT_PAIR_MEMBER, 'Only the mentor and the mentees of the pair attend its meetings', 'input.attendeeIds');
      }
      const existing = await manager.getRepository(Meeting).findBy({ pairId: pair.id });
      const refusal = meetingOrderRefusal(existing, { type: input.type, heldOn: input.heldOn }, pair.startedOn!, today);
      if (refusal) throw new DomainError(ErrorCode.MEETING_OUT_OF_ORDER, refusal, 'input.type');
      const repository = manager.getRepository(Meeting);
      const meeting = await repository.save(
        repository.create({
          pairId: pair.id,
          municipalityId: pair.municipalityId,
          schoolId: pair.schoolId,
          type: input.type,
          heldOn: input.heldOn,
          durationMinutes: input.durationMinutes,
          topic: input.topic.trim(),
          notes: input.notes ?? null,
          attendeeIds,
          recordedByUser: caller.userId,
        }),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'Meeting',
        entityId: meeting.id,
        personIds: attendeeIds,
        schoolId: pair.schoolId,
        fields: fieldsOf(input, 'pairId').concat(input.attendeeIds ? [] : ['attendeeIds']),
      });
      return meeting;
    });
  }

  /** Working pairs without a meeting in the last N days (N from the municipality unless given). */
  async quietPairs(caller: Caller, filter: QuietPairFilter, today: string): Promise<QuietPair[]> {
    const days = filter.days ?? (await this.settings.of(caller)).meetingGapDays;
    const query = this.pairs
      .visible(caller)
      .leftJoin(Meeting, 'meeting', 'meeting.pair_id = pair.id')
      .addSelect('max(meeting.held_on)', 'last_meeting_on')
      .andWhere('pair.status = :active', { active: PairStatus.ACTIVE })
      .groupBy('pair.id');
    if (filter.schoolId) query.andWhere('pair.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.programId) query.andWhere('pair.program_id = :programId', { programId: filter.programId });
    const rows = await query.orderBy('pair.created_at').getRawAndEntities();
    return rows.entities
      .map((pair: Pair, index) => ({ pair, lastMeetingOn: (rows.raw[index].last_meeting_on as string | null) ?? null }))
      .filter(({ pair, lastMeetingOn }) => isQuiet(lastMeetingOn, pair.startedOn!, today, days))
      .map(({ pair, lastMeetingOn }) => ({ pair, lastMeetingOn, daysWithoutMeeting: daysBetween(lastMeetingOn ?? pair.startedOn!, today) }));
  }
}
