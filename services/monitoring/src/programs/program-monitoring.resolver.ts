import { groupByKeys, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Campaign } from '../campaigns/campaign.entity';
import type { CampaignService } from '../campaigns/campaign.service';
import { Measurement } from '../measurements/measurement.entity';
import { measurementFilterKey } from '../measurements/measurement.resolver';
import type { MeasurementService } from '../measurements/measurement.service';
import { MeasurementFilter } from '../measurements/measurement.types';
import { SatisfactionCheck } from '../psychology/psychology.entity';
import type { PsychologyService } from '../psychology/psychology.service';
import { Scorecard } from '../scorecards/scorecard.entity';
import type { ScorecardService } from '../scorecards/scorecard.service';
import type { ProgramDirectory } from './program.directory';
import { MentoringProgramReference, PairReference } from './program.reference';

@Resolver(() => MentoringProgramReference)
export class ProgramMonitoringResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly scorecardService: ScorecardService,
    private readonly measurementService: MeasurementService,
  ) {}

  @FieldResolver(() => [Campaign], { description: 'Questionnaire campaigns of the programme' })
  campaigns(@Root() program: MentoringProgramReference, @Ctx() context: RequestContext): Promise<Campaign[]> {
    return context
      .loader<string, Campaign[]>('monitoring.programCampaigns', async (ids) => groupByKeys(ids, await this.campaignService.ofPrograms(context.caller, ids), (c) => c.programId))
      .load(program.id);
  }

  @FieldResolver(() => [Scorecard], { description: 'Scorecards of the programme and its pairs, every version' })
  scorecards(@Root() program: MentoringProgramReference, @Ctx() context: RequestContext): Promise<Scorecard[]> {
    return context
      .loader<string, Scorecard[]>('monitoring.programScorecards', async (ids) => groupByKeys(ids, await this.scorecardService.ofPrograms(context.caller, ids), (s) => s.programId))
      .load(program.id);
  }

  @FieldResolver(() => [Measurement], { description: 'Before and after values recorded in the programme' })
  measurements(
    @Root() program: MentoringProgramReference,
    @Arg('filter', () => MeasurementFilter, { nullable: true }) filter: MeasurementFilter | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Measurement[]> {
    return context
      .loader<string, Measurement[]>(`monitoring.programMeasurements:${measurementFilterKey(filter)}`, async (ids) =>
        groupByKeys(ids, await this.measurementService.ofPrograms(context.caller, ids, filter), (m) => m.programId),
      )
      .load(program.id);
  }
}

@Resolver(() => PairReference)
export class PairMonitoringResolver {
  constructor(
    private readonly scorecardService: ScorecardService,
    private readonly psychologyService: PsychologyService,
    private readonly measurementService: MeasurementService,
    private readonly programs: ProgramDirectory,
  ) {}

  @FieldResolver(() => [Measurement], { description: 'Before and after values of the pair’s mentor and mentees in its programme' })
  measurements(
    @Root() pair: PairReference,
    @Arg('filter', () => MeasurementFilter, { nullable: true }) filter: MeasurementFilter | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Measurement[]> {
    return context
      .loader<string, Measurement[]>(`monitoring.pairMeasurements:${measurementFilterKey(filter)}`, async (ids) => {
        // One question to the program subgraph for the members, one statement for the values.
        const pairs = await this.programs.pairs(context, ids);
        const values = await this.measurementService.ofPrograms(context.caller, [...new Set([...pairs.values()].map((p) => p.programId))], filter);
        return ids.map((id) => {
          const facts = pairs.get(id);
          if (!facts) return [];
          const members = new Set([facts.mentor.id, ...facts.mentees.map((mentee) => mentee.id)]);
          return values.filter((value) => value.programId === facts.programId && members.has(value.personId));
        });
      })
      .load(pair.id);
  }

  @FieldResolver(() => [Scorecard], { description: 'Scorecards of the pair, every version' })
  scorecards(@Root() pair: PairReference, @Ctx() context: RequestContext): Promise<Scorecard[]> {
    return context
      .loader<string, Scorecard[]>('monitoring.pairScorecards', async (ids) => groupByKeys(ids, await this.scorecardService.ofPairs(context.caller, ids), (s) => s.pairId!))
      .load(pair.id);
  }

  @FieldResolver(() => [SatisfactionCheck], { description: 'Satisfaction checks of the pair: every one for the school’s psychologist and curator, a member’s own for the member, none for anybody else' })
  satisfactionChecks(@Root() pair: PairReference, @Ctx() context: RequestContext): Promise<SatisfactionCheck[]> {
    return context
      .loader<string, SatisfactionCheck[]>('monitoring.pairSatisfaction', async (ids) => groupByKeys(ids, await this.psychologyService.satisfactionOf(context.caller, ids), (c) => c.pairId))
      .load(pair.id);
  }
}
