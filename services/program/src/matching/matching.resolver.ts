import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Pair } from '../pairs/pair.entity';
import type { MatchingService } from './matching.service';
import { AcceptMatchingInput, MatchingProposal, MentorCandidate } from './matching.types';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matchingService: MatchingService) {}

  @Query(() => [MentorCandidate], { description: 'Mentor candidates for a mentee, best first, with the reasons of each score' })
  mentorCandidates(@Arg('programId', () => ID) programId: string, @Arg('menteeId', () => ID) menteeId: string, @Ctx() context: RequestContext): Promise<MentorCandidate[]> {
    return this.matchingService.candidates(context, programId, menteeId);
  }

  @Query(() => MatchingProposal, { description: 'The optimal assignment of the programme’s unmatched mentees (подбор пар)' })
  matchingProposal(@Arg('programId', () => ID) programId: string, @Ctx() context: RequestContext): Promise<MatchingProposal> {
    return this.matchingService.proposal(context, programId);
  }

  @Mutation(() => [Pair], { description: 'Forms one pair per accepted assignment, all or none' })
  acceptMatching(@Arg('input') input: AcceptMatchingInput, @Ctx() context: RequestContext): Promise<Pair[]> {
    return this.matchingService.accept(context, input);
  }
}
