import { byKeys, groupByKeys, notFound, PageInput, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { dateArgument } from '../arguments';
import { PersonReference } from '../people/person.reference';
import { MentoringProgram } from '../programs/program.entity';
import { loadProgram } from '../programs/program.resolver';
import type { ProgramService } from '../programs/program.service';
import type { PairClosingService } from './pair-closing.service';
import { Pair } from './pair.entity';
import type { PairService } from './pair.service';
import { ClosePairInput, FormPairInput, Mentorship, MentorshipFilter, PairConnection, PairFilter } from './pair.types';

export function loadPair(context: RequestContext, pairService: PairService, id: string): Promise<Pair | null> {
  return context
    .loader<string, Pair | null>('program.pair', async (ids) => byKeys(ids, await pairService.findVisibleByIds(context.caller, ids), (pair) => pair.id))
    .load(id);
}

@Resolver(() => Pair)
export class PairResolver {
  constructor(
    private readonly pairService: PairService,
    private readonly closingService: PairClosingService,
    private readonly programService: ProgramService,
  ) {}

  @Query(() => Pair)
  pair(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Pair> {
    return this.pairService.getVisible(context.caller, id);
  }

  @Query(() => PairConnection)
  pairs(
    @Arg('filter', () => PairFilter, { nullable: true }) filter: PairFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<PairConnection> {
    return this.pairService.list(context.caller, filter ?? new PairFilter(), page ?? new PageInput());
  }

  @Query(() => [Mentorship], { description: 'Who mentored whom on a date: every mentee interval that contains it' })
  async mentorshipsOn(
    @Arg('date') date: string,
    @Arg('filter', () => MentorshipFilter, { nullable: true }) filter: MentorshipFilter | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Mentorship[]> {
    const rows = await this.pairService.mentorshipsOn(context.caller, dateArgument(date, 'date'), filter ?? new MentorshipFilter());
    return rows.map(({ pair, member }) => ({ pair, mentor: { id: pair.mentorId }, mentee: { id: member.menteeId }, from: member.fromDate!, to: member.toDate }));
  }

  @Mutation(() => Pair, { description: 'Forms a pair or group; it starts in status FORMING' })
  formPair(@Arg('input') input: FormPairInput, @Ctx() context: RequestContext): Promise<Pair> {
    return this.pairService.form(context, input);
  }

  @Mutation(() => Pair, { description: 'Starts the work of a formed pair (from the pairing stage on)' })
  startPair(
    @Arg('id', () => ID) id: string,
    @Arg('startedOn', () => String, { nullable: true, description: 'Today by default' }) startedOn: string | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Pair> {
    return this.pairService.start(context, id, dateArgument(startedOn, 'startedOn'));
  }

  @Mutation(() => Pair)
  pausePair(
    @Arg('id', () => ID) id: string,
    @Arg('pausedOn', () => String, { nullable: true, description: 'Today by default' }) pausedOn: string | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Pair> {
    return this.closingService.pause(context, id, dateArgument(pausedOn, 'pausedOn'));
  }

  @Mutation(() => Pair)
  resumePair(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Pair> {
    return this.closingService.resume(context, id);
  }

  @Mutation(() => Pair, { description: 'Completes a pair after its final meeting' })
  completePair(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ClosePairInput, { nullable: true }) input: ClosePairInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Pair> {
    return this.closingService.complete(context, id, input ?? new ClosePairInput());
  }

  @Mutation(() => Pair, { description: 'Dissolves a pair with a closing reason; re-pairing is dissolving with REPAIRED and forming anew, so history stays' })
  dissolvePair(@Arg('id', () => ID) id: string, @Arg('input') input: ClosePairInput, @Ctx() context: RequestContext): Promise<Pair> {
    return this.closingService.dissolve(context, id, input, today());
  }

  @FieldResolver(() => MentoringProgram)
  async program(@Root() pair: Pair, @Ctx() context: RequestContext): Promise<MentoringProgram> {
    const program = await loadProgram(context, this.programService, pair.programId);
    if (!program) throw notFound('Mentoring programme');
    return program;
  }

  @FieldResolver(() => PersonReference)
  mentor(@Root() pair: Pair): PersonReference {
    return { id: pair.mentorId };
  }

  @FieldResolver(() => [PersonReference], { description: 'Every mentee the pair ever had' })
  async mentees(@Root() pair: Pair, @Ctx() context: RequestContext): Promise<PersonReference[]> {
    const members = await context
      .loader<string, { menteeId: string }[]>('program.pairMembers', async (ids) => groupByKeys(ids, await this.pairService.membersOf(ids), (m) => m.pairId))
      .load(pair.id);
    return members.map((member) => ({ id: member.menteeId }));
  }
}

@Resolver(() => PersonReference)
export class PersonPairsResolver {
  constructor(private readonly pairService: PairService) {}

  @FieldResolver(() => [Pair], { description: 'Pairs and groups where the person is the mentor' })
  mentorIn(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<Pair[]> {
    return context
      .loader<string, Pair[]>('program.mentorIn', async (ids) => groupByKeys(ids, await this.pairService.ofMentors(context.caller, ids), (pair) => pair.mentorId))
      .load(person.id);
  }

  @FieldResolver(() => [Pair], { description: 'Pairs and groups where the person is a mentee' })
  async menteeIn(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<Pair[]> {
    const rows = await context
      .loader<string, { menteeId: string; pair: Pair }[]>('program.menteeIn', async (ids) =>
        groupByKeys(ids, await this.pairService.ofMentees(context.caller, ids), (row) => row.menteeId),
      )
      .load(person.id);
    return rows.map((row) => row.pair);
  }
}
