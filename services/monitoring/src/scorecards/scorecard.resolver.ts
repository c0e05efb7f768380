import { groupByKeys, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MentoringProgramReference, PairReference } from '../programs/program.reference';
import { IndicatorResult, Scorecard, ScorecardScore } from './scorecard.entity';
import { SCORECARD_INDICATORS, SCORECARD_LEVEL_LABELS, type ScorecardLevel } from './scorecard.rules';
import type { ScorecardService } from './scorecard.service';
import { CreateScorecardInput, UpdateScorecardInput } from './scorecard.types';

@Resolver(() => Scorecard)
export class ScorecardResolver {
  constructor(private readonly scorecardService: ScorecardService) {}

  @Query(() => Scorecard)
  scorecard(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Scorecard> {
    return this.scorecardService.getVisible(context.caller, id);
  }

  @Mutation(() => Scorecard, { description: 'Starts the scorecard of a programme or of one of its pairs, as a draft' })
  createScorecard(@Arg('input') input: CreateScorecardInput, @Ctx() context: RequestContext): Promise<Scorecard> {
    return this.scorecardService.create(context, input);
  }

  @Mutation(() => Scorecard, { description: 'Changes a draft scorecard' })
  updateScorecard(@Arg('input') input: UpdateScorecardInput, @Ctx() context: RequestContext): Promise<Scorecard> {
    return this.scorecardService.update(context, input);
  }

  @Mutation(() => Scorecard, { description: 'Makes a fully scored draft final; it never changes again' })
  finaliseScorecard(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Scorecard> {
    return this.scorecardService.finalise(context, id);
  }

  @Mutation(() => Scorecard, { description: 'Starts a new draft version of a final scorecard, with its scores' })
  supersedeScorecard(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Scorecard> {
    return this.scorecardService.supersede(context, id);
  }

  @FieldResolver(() => [IndicatorResult], { description: 'The nine indicators in order' })
  async indicators(@Root() scorecard: Scorecard, @Ctx() context: RequestContext): Promise<IndicatorResult[]> {
    const scores = await context
      .loader<string, ScorecardScore[]>('monitoring.scorecardScores', async (ids) => groupByKeys(ids, await this.scorecardService.scoresOf(ids), (s) => s.scorecardId))
      .load(scorecard.id);
    const byIndicator = new Map(scores.map((score) => [score.indicator, score]));
    return SCORECARD_INDICATORS.map((indicator) => ({
      number: indicator.number,
      group: indicator.group,
      text: indicator.text,
      score: byIndicator.get(indicator.number)?.score ?? null,
      comment: byIndicator.get(indicator.number)?.comment ?? null,
    }));
  }

  @FieldResolver(() => [Int], { description: 'Numbers of the indicators not scored yet' })
  async missingIndicators(@Root() scorecard: Scorecard, @Ctx() context: RequestContext): Promise<number[]> {
    return (await this.indicators(scorecard, context)).filter((indicator) => indicator.score === null).map((indicator) => indicator.number);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The seed’s words for the level' })
  levelLabel(@Root() scorecard: Scorecard): string | null {
    return scorecard.level ? SCORECARD_LEVEL_LABELS[scorecard.level as ScorecardLevel] : null;
  }

  @FieldResolver(() => MentoringProgramReference)
  program(@Root() scorecard: Scorecard): MentoringProgramReference {
    return { id: scorecard.programId };
  }

  @FieldResolver(() => PairReference, { nullable: true })
  pair(@Root() scorecard: Scorecard): PairReference | null {
    return scorecard.pairId ? { id: scorecard.pairId } : null;
  }
}
