import { groupByKeys, PageInput, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { dateArgument } from '../arguments';
import { MentoringProgram } from '../programs/program.entity';
import { RoadmapItem } from './roadmap-item.entity';
import { RoadmapItemStatus } from './roadmap.enums';
import { effectiveStatus } from './roadmap.rules';
import type { RoadmapService } from './roadmap.service';
import { AddRoadmapItemInput, OverdueRoadmapFilter, RoadmapItemConnection, UpdateRoadmapItemInput } from './roadmap.types';

@Resolver(() => RoadmapItem)
export class RoadmapResolver {
  constructor(private readonly roadmapService: RoadmapService) {}

  @Query(() => RoadmapItemConnection, { description: 'Open roadmap items whose period has ended: a school’s, or every school’s for the office' })
  overdueRoadmapItems(
    @Arg('filter', () => OverdueRoadmapFilter, { nullable: true }) filter: OverdueRoadmapFilter | undefined,
    @Arg('asOf', () => String, { nullable: true, description: 'Today by default' }) asOf: string | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<RoadmapItemConnection> {
    return this.roadmapService.overdue(context.caller, filter ?? new OverdueRoadmapFilter(), dateArgument(asOf, 'asOf'), page ?? new PageInput());
  }

  @Mutation(() => [RoadmapItem], { description: 'Gives an empty roadmap the seed’s section 9, dated in the programme’s academic year' })
  applyRoadmapTemplate(@Arg('programId', () => ID) programId: string, @Ctx() context: RequestContext): Promise<RoadmapItem[]> {
    return this.roadmapService.applyTemplate(context.caller, programId);
  }

  @Mutation(() => RoadmapItem)
  addRoadmapItem(@Arg('input') input: AddRoadmapItemInput, @Ctx() context: RequestContext): Promise<RoadmapItem> {
    return this.roadmapService.add(context, input);
  }

  @Mutation(() => RoadmapItem, { description: 'Status and evidence of a roadmap event; DONE needs the document' })
  updateRoadmapItem(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateRoadmapItemInput, @Ctx() context: RequestContext): Promise<RoadmapItem> {
    return this.roadmapService.update(context, id, input);
  }

  @FieldResolver(() => RoadmapItemStatus, { description: 'As recorded, or OVERDUE once the period has ended unfinished' })
  status(@Root() item: RoadmapItem): RoadmapItemStatus {
    return effectiveStatus(item.status, item.endsOn, today());
  }
}

@Resolver(() => MentoringProgram)
export class ProgramRoadmapResolver {
  constructor(private readonly roadmapService: RoadmapService) {}

  @FieldResolver(() => [RoadmapItem], { description: 'The roadmap (дорожная карта), by section and period' })
  roadmap(@Root() program: MentoringProgram, @Ctx() context: RequestContext): Promise<RoadmapItem[]> {
    return context
      .loader<string, RoadmapItem[]>('program.roadmap', async (ids) => groupByKeys(ids, await this.roadmapService.ofPrograms(context.caller, ids), (item) => item.programId))
      .load(program.id);
  }
}
