import { groupByKeys, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Pair } from '../pairs/pair.entity';
import { PersonReference } from '../people/person.reference';
import { DevelopmentPlan, PlanTask } from './plan.entity';
import { PlanApprover } from './plan.enums';
import { planProgress } from './plan.rules';
import type { PlanService } from './plan.service';
import { AddPlanTaskInput, CreateDevelopmentPlanInput, UpdatePlanTaskInput } from './plan.types';

@Resolver(() => DevelopmentPlan)
export class PlanResolver {
  constructor(private readonly planService: PlanService) {}

  @Mutation(() => DevelopmentPlan, { description: 'Opens the individual route map of a mentee in a pair' })
  createDevelopmentPlan(@Arg('input') input: CreateDevelopmentPlanInput, @Ctx() context: RequestContext): Promise<DevelopmentPlan> {
    return this.planService.create(context, input);
  }

  @Mutation(() => DevelopmentPlan, { description: 'Replaces the goals; the approvals are cleared' })
  setDevelopmentPlanGoals(
    @Arg('planId', () => ID) planId: string,
    @Arg('goals', () => [String]) goals: string[],
    @Ctx() context: RequestContext,
  ): Promise<DevelopmentPlan> {
    return this.planService.setGoals(context, planId, goals.filter((goal) => goal.trim() !== ''));
  }

  @Mutation(() => PlanTask, { description: 'Adds a task; the approvals are cleared' })
  addPlanTask(@Arg('input') input: AddPlanTaskInput, @Ctx() context: RequestContext): Promise<PlanTask> {
    return this.planService.addTask(context, input);
  }

  @Mutation(() => PlanTask)
  updatePlanTask(@Arg('id', () => ID) id: string, @Arg('input') input: UpdatePlanTaskInput, @Ctx() context: RequestContext): Promise<PlanTask> {
    return this.planService.updateTask(context, id, input, today());
  }

  @Mutation(() => DevelopmentPlan, { description: 'Signs the plan as the pair’s mentor or as the director' })
  approveDevelopmentPlan(@Arg('planId', () => ID) planId: string, @Arg('as', () => PlanApprover) as: PlanApprover, @Ctx() context: RequestContext): Promise<DevelopmentPlan> {
    return this.planService.approve(context, planId, as);
  }

  @FieldResolver(() => PersonReference)
  mentee(@Root() plan: DevelopmentPlan): PersonReference {
    return { id: plan.menteeId };
  }

  @FieldResolver(() => [PlanTask], { description: 'Tasks by deadline' })
  tasks(@Root() plan: DevelopmentPlan, @Ctx() context: RequestContext): Promise<PlanTask[]> {
    return context.loader<string, PlanTask[]>('program.planTasks', async (ids) => groupByKeys(ids, await this.planService.tasksOf(ids), (task) => task.planId)).load(plan.id);
  }

  @FieldResolver(() => Int, { description: 'Percent of tasks done, cancelled ones not counted' })
  async progress(@Root() plan: DevelopmentPlan, @Ctx() context: RequestContext): Promise<number> {
    return planProgress(await this.tasks(plan, context));
  }

  @FieldResolver(() => Boolean, { description: 'Approved by both the mentor and the director' })
  approved(@Root() plan: DevelopmentPlan): boolean {
    return plan.mentorApprovedAt !== null && plan.directorApprovedAt !== null;
  }
}

@Resolver(() => Pair)
export class PairPlansResolver {
  constructor(private readonly planService: PlanService) {}

  @FieldResolver(() => [DevelopmentPlan], { description: 'Individual route maps of the mentees' })
  plans(@Root() pair: Pair, @Ctx() context: RequestContext): Promise<DevelopmentPlan[]> {
    return context.loader<string, DevelopmentPlan[]>('program.plansOfPair', async (ids) => groupByKeys(ids, await this.planService.ofPairs(context.caller, ids), (plan) => plan.pairId)).load(pair.id);
  }
}

@Resolver(() => PersonReference)
export class PersonPlansResolver {
  constructor(private readonly planService: PlanService) {}

  @FieldResolver(() => [DevelopmentPlan], { description: 'The person’s individual route maps as a mentee' })
  plans(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<DevelopmentPlan[]> {
    return context
      .loader<string, DevelopmentPlan[]>('program.plansOfMentee', async (ids) => groupByKeys(ids, await this.planService.ofMentees(context.caller, ids), (plan) => plan.menteeId))
      .load(person.id);
  }
}
