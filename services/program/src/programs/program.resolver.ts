import { byKeys, groupByKeys, PageInput, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Pair } from '../pairs/pair.entity';
import type { PairService } from '../pairs/pair.service';
import { PersonReference, SchoolReference } from '../people/person.reference';
import type { ProgramLifecycleService } from './program-lifecycle.service';
import { MentoringProgram, ProgramStageChange } from './program.entity';
import { ProgramStage } from './program.enums';
import type { ProgramService } from './program.service';
import { CreateProgramInput, MentoringProgramConnection, ProgramFilter, UpdateProgramInput } from './program.types';

export function loadProgram(context: RequestContext, programService: ProgramService, id: string): Promise<MentoringProgram | null> {
  return context
    .loader<string, MentoringProgram | null>('program.program', async (ids) =>
      byKeys(ids, await programService.findVisibleByIds(context.caller, ids), (program) => program.id),
    )
    .load(id);
}

@Resolver(() => MentoringProgram)
export class ProgramResolver {
  constructor(
    private readonly programService: ProgramService,
    private readonly pairService: PairService,
    private readonly lifecycleService: ProgramLifecycleService,
  ) {}

  @Query(() => MentoringProgram)
  program(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<MentoringProgram> {
    return this.programService.getVisible(context.caller, id);
  }

  @Query(() => MentoringProgramConnection)
  programs(
    @Arg('filter', () => ProgramFilter, { nullable: true }) filter: ProgramFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<MentoringProgramConnection> {
    return this.programService.list(context.caller, filter ?? new ProgramFilter(), page ?? new PageInput());
  }

  @Mutation(() => MentoringProgram)
  createProgram(@Arg('input') input: CreateProgramInput, @Ctx() context: RequestContext): Promise<MentoringProgram> {
    return this.programService.create(context, input);
  }

  @Mutation(() => MentoringProgram)
  updateProgram(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateProgramInput, @Ctx() context: RequestContext): Promise<MentoringProgram> {
    return this.programService.update(context, id, input);
  }

  @Mutation(() => MentoringProgram, { description: 'Moves the programme to its next stage when the current stage has its result' })
  advanceProgramStage(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => ProgramStage) to: ProgramStage,
    @Ctx() context: RequestContext,
  ): Promise<MentoringProgram> {
    return this.lifecycleService.advance(context, id, to);
  }

  @FieldResolver(() => [ProgramStageChange], { description: 'Every stage the programme entered: who moved it and when, oldest first' })
  stageHistory(@Root() program: MentoringProgram, @Ctx() context: RequestContext): Promise<ProgramStageChange[]> {
    return context
      .loader<string, ProgramStageChange[]>('program.stageHistory', async (ids) => groupByKeys(ids, await this.programService.stageHistoryOf(ids), (change) => change.programId))
      .load(program.id);
  }

  @FieldResolver(() => PersonReference, { nullable: true })
  curator(@Root() program: MentoringProgram): PersonReference | null {
    return program.curatorId ? { id: program.curatorId } : null;
  }

  @FieldResolver(() => SchoolReference)
  school(@Root() program: MentoringProgram): SchoolReference {
    return { id: program.schoolId };
  }

  @FieldResolver(() => [Pair])
  pairs(@Root() program: MentoringProgram, @Ctx() context: RequestContext): Promise<Pair[]> {
    return context
      .loader<string, Pair[]>('program.pairsOfProgram', async (ids) => groupByKeys(ids, await this.pairService.ofPrograms(context.caller, ids), (pair) => pair.programId))
      .load(program.id);
  }
}

@Resolver(() => SchoolReference)
export class SchoolProgramsResolver {
  constructor(private readonly programService: ProgramService) {}

  @FieldResolver(() => [MentoringProgram], { description: 'Mentoring programmes of the school, newest year first' })
  programs(@Root() school: SchoolReference, @Ctx() context: RequestContext): Promise<MentoringProgram[]> {
    return context
      .loader<string, MentoringProgram[]>('program.programsOfSchool', async (ids) =>
        groupByKeys(ids, await this.programService.ofSchools(context.caller, ids), (program) => program.schoolId),
      )
      .load(school.id);
  }
}
