import { byKeys, groupByKeys, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { Pair } from '../pairs/pair.entity';
import { Meeting } from './meeting.entity';
import type { MeetingService } from './meeting.service';
import { LogMeetingInput, QuietPair, QuietPairFilter } from './meeting.types';

function meetingsOfPair(context: RequestContext, meetingService: MeetingService, pairId: string): Promise<Meeting[]> {
  return context
    .loader<string, Meeting[]>('program.meetingsOfPair', async (ids) => groupByKeys(ids, await meetingService.ofPairs(context.caller, ids), (meeting) => meeting.pairId))
    .load(pairId);
}

/** Meetings by id, for entity references; one statement per batch. */
export async function loadMeeting(context: RequestContext, meetingService: MeetingService, id: string): Promise<Meeting | null> {
  return context
    .loader<string, Meeting | null>('program.meeting', async (ids) => byKeys(ids, await meetingService.findVisibleByIds(context.caller, ids), (meeting) => meeting.id))
    .load(id);
}

@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(private readonly meetingService: MeetingService) {}

  @Mutation(() => Meeting, { description: 'Logs a meeting of a working pair: the intro first, the final last' })
  logMeeting(@Arg('input') input: LogMeetingInput, @Ctx() context: RequestContext): Promise<Meeting> {
    return this.meetingService.log(context, input, today());
  }

  @Query(() => [QuietPair], { description: 'Working pairs with no meeting in the last N days' })
  quietPairs(@Arg('filter', () => QuietPairFilter, { nullable: true }) filter: QuietPairFilter | undefined, @Ctx() context: RequestContext): Promise<QuietPair[]> {
    return this.meetingService.quietPairs(context.caller, filter ?? new QuietPairFilter(), today());
  }

  @FieldResolver(() => [PersonReference])
  attendees(@Root() meeting: Meeting): PersonReference[] {
    return meeting.attendeeIds.map((id) => ({ id }));
  }
}

@Resolver(() => Pair)
export class PairMeetingsResolver {
  constructor(private readonly meetingService: MeetingService) {}

  @FieldResolver(() => [Meeting], { description: 'The meeting log of the pair, oldest first' })
  meetings(@Root() pair: Pair, @Ctx() context: RequestContext): Promise<Meeting[]> {
    return meetingsOfPair(context, this.meetingService, pair.id);
  }
}
