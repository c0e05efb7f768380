import {
  assertCanSeeSchool,
  assertConsent,
  AuditAction,
  DomainError,
  ErrorCode,
  forbidden,
  notFound,
  Processing,
  recordChange,
  Role,
  scopeToCaller,
  type Caller,
  type DataSource,
  type EntityManager,
  type RequestContext,
} from '@nastavnik/platform';
import { PairMentee } from '../pairs/pair.entity';
import { assertCanWorkOnPair, narrowToOwnPairs } from '../pairs/pair.access';
import { OPEN_PAIR_STATUSES } from '../pairs/pair.rules';
import type { PairService } from '../pairs/pair.service';
import { DevelopmentPlan, PlanTask } from './plan.entity';
import { PlanApprover, PlanTaskStatus } from './plan.enums';
import { approvalRefusal } from './plan.rules';
import type { AddPlanTaskInput, CreateDevelopmentPlanInput, UpdatePlanTaskInput } from './plan.types';

/** Approvals sign one version of the plan: changing its goals or its list of tasks clears them. */
const NOT_APPROVED = { mentorApprovedBy: null, mentorApprovedAt: null, directorApprovedBy: null, directorApprovedAt: null };

export class PlanService {
  constructor(
    private readonly db: DataSource,
    private readonly pairs: PairService,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return narrowToOwnPairs(scopeToCaller(manager.getRepository(DevelopmentPlan).createQueryBuilder('plan'), caller), caller, 'plan.pair_id');
  }

  ofPairs(caller: Caller, pairIds: readonly string[]): Promise<DevelopmentPlan[]> {
    return this.visible(caller).andWhere('plan.pair_id = ANY(:pairIds)', { pairIds }).orderBy('plan.created_at').getMany();
  }

  ofMentees(caller: Caller, menteeIds: readonly string[]): Promise<DevelopmentPlan[]> {
    return this.visible(caller).andWhere('plan.mentee_id = ANY(:menteeIds)', { menteeIds }).orderBy('plan.created_at').getMany();
  }

  tasksOf(planIds: readonly string[]): Promise<PlanTask[]> {
    return this.db.getRepository(PlanTask).createQueryBuilder('task').where('task.plan_id = ANY(:planIds)', { planIds }).orderBy('task.deadline').addOrderBy('task.created_at').getMany();
  }

  /** The plan and its pair, both locked: edits of one plan serialize. */
  private async lockPlan(caller: Caller, planId: string, manager: EntityManager, field: string) {
    const plan = await this.visible(caller, manager).andWhere('plan.id = :planId', { planId }).setLock('pessimistic_write').getOne();
    if (!plan) throw notFound('Development plan', field);
    const pair = await this.pairs.lockVisible(caller, plan.pairId, manager, field);
    return { plan, pair };
  }

  /** A plan is the mentee's data: every write of it needs the mentee's consent as it is now. */
  private async assertMenteeConsent(context: RequestContext, menteeId: string, field: string): Promise<void> {
    const mentee = (await this.pairs.directoryPeople(context, [menteeId])).get(menteeId);
    assertConsent(Processing.DEVELOPMENT_PLAN, mentee?.activeConsentScopes ?? [], field, 'The mentee');
  }

  /**
   * The consent check of a write to an existing plan, after the caller's right to see its pair; an
   * invisible plan, and the exact right to the write, are left to the locked read to refuse.
   */
  private async assertPlanConsent(context: RequestContext, planId: string, field: string): Promise<void> {
    const plan = await this.visible(context.caller).andWhere('plan.id = :planId', { planId }).getOne();
    if (!plan) return;
    assertCanSeeSchool(context.caller, plan);
    if (context.caller.role === Role.MENTOR || context.caller.role === Role.MENTEE) assertCanWorkOnPair(context.caller, await this.pairs.getVisible(context.caller, plan.pairId, field));
    await this.assertMenteeConsent(context, plan.menteeId, field);
  }

  async create(context: RequestContext, input: CreateDevelopmentPlanInput): Promise<DevelopmentPlan> {
    const { caller } = context;
    assertCanWorkOnPair(caller, await this.pairs.getVisible(caller, input.pairId, 'input.pairId'));
    await this.assertMenteeConsent(context, input.menteeId, 'input.menteeId');
    return this.db.transaction(async (manager) => {
      const pair = await this.pairs.lockVisible(caller, input.pairId, manager, 'input.pairId');
      assertCanWorkOnPair(caller, pair);
      if (!OPEN_PAIR_STATUSES.includes(pair.status)) {
        throw new DomainError(ErrorCode.PAIR_NOT_ACTIVE, `Plans are made for open pairs; this one is ${pair.status}`, 'input.pairId');
      }
      if (!(await manager.getRepository(PairMentee).existsBy({ pairId: pair.id, menteeId: input.menteeId }))) {
        throw new DomainError(ErrorCode.NOT_PAIR_MEMBER, 'The person is not a mentee of this pair', 'input.menteeId');
      }
      if (await manager.getRepository(DevelopmentPlan).existsBy({ pairId: pair.id, menteeId: input.menteeId })) {
        throw new DomainError(ErrorCode.CONFLICT, 'The mentee already has a plan in this pair', 'input.menteeId');
      }
      const repository = manager.getRepository(DevelopmentPlan);
      const plan = await repository.save(
        repository.create({ pairId: pair.id, menteeId: input.menteeId, municipalityId: pair.municipalityId, schoolId: pair.schoolId, goals: input.goals.map((goal) => goal.trim()), ...NOT_APPROVED }),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'DevelopmentPlan',
        entityId: plan.id,
        personIds: [plan.menteeId, pair.mentorId],
        schoolId: pair.schoolId,
        fields: ['goals'],
      });
      return plan;
    });
  }

  async setGoals(context: RequestContext, planId: string, goals: string[]): Promise<DevelopmentPlan> {
    const { caller } = context;
    await this.assertPlanConsent(context, planId, 'planId');
    return this.db.transaction(async (manager) => {
      const { plan, pair } = await this.lockPlan(caller, planId, manager, 'planId');
      assertCanWorkOnPair(caller, pair);
      await manager.getRepository(DevelopmentPlan).update(plan.id, { goals: goals.map((goal) => goal.trim()), ...NOT_APPROVED });
      await recordChange(manager, context, {
        action: AuditAction.UPDATE,
        entityType: 'DevelopmentPlan',
        entityId: plan.id,
        personIds: [plan.menteeId, pair.mentorId],
        schoolId: pair.schoolId,
        fields: ['goals'],
      });
      return manager.getRepository(DevelopmentPlan).findOneByOrFail({ id: plan.id });
    });
  }

  async addTask(context: RequestContext, input: AddPlanTaskInput): Promise<PlanTask> {
    const { caller } = context;
    await this.assertPlanConsent(context, input.planId, 'input.planId');
    return this.db.transaction(async (manager) => {
      const { plan, pair } = await this.lockPlan(caller, input.planId, manager, 'input.planId');
      assertCanWorkOnPair(caller, pair);
      await manager.getRepository(DevelopmentPlan).update(plan.id, NOT_APPROVED);
      const repository = manager.getRepository(PlanTask);
      const task = await repository.save(repository.create({ planId: plan.id, title: input.title.trim(), deadline: input.deadline, status: PlanTaskStatus.PLANNED, doneOn: null }));
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'PlanTask',
        entityId: task.id,
        personIds: [plan.menteeId, pair.mentorId],
        schoolId: pair.schoolId,
        fields: ['title', 'deadline', 'status'],
      });
      return task;
    });
  }

  /** Progress on a task does not change what was approved; its title or deadline does. */
  async updateTask(context: RequestContext, taskId: string, input: UpdatePlanTaskInput, today: string): Promise<PlanTask> {
    const { caller } = context;
    const planId = (await this.db.getRepository(PlanTask).findOneBy({ id: taskId }))?.planId;
    if (planId) await this.assertPlanConsent(context, planId, 'id');
    return this.db.transaction(async (manager) => {
      // Another school's task and a task that does not exist answer alike.
      const task = await manager.getRepository(PlanTask).findOneBy({ id: taskId });
      const locked = task && (await this.lockPlan(caller, task.planId, manager, 'id').catch(() => null));
      if (!task || !locked) throw notFound('Plan task');
      const { plan, pair } = locked;
      assertCanWorkOnPair(caller, pair);
      const changes: Partial<PlanTask> = {};
      if (input.title !== undefined) changes.title = input.title.trim();
      if (input.deadline !== undefined) changes.deadline = input.deadline;
      if (input.status !== undefined) {
        changes.status = input.status;
        changes.doneOn = input.status === PlanTaskStatus.DONE ? (task.doneOn ?? today) : null;
      }
      if (changes.title !== undefined || changes.deadline !== undefined) await manager.getRepository(DevelopmentPlan).update(plan.id, NOT_APPROVED);
      await manager.getRepository(PlanTask).update(task.id, changes);
      await recordChange(manager, context, {
        action: AuditAction.UPDATE,
        entityType: 'PlanTask',
        entityId: task.id,
        personIds: [plan.menteeId, pair.mentorId],
        schoolId: pair.schoolId,
        fields: Object.keys(changes),
      });
      return manager.getRepository(PlanTask).findOneByOrFail({ id: task.id });
    });
  }

  /** The mentor signs as the pair's mentor (by person), the director as the school's administration. */
  async approve(context: RequestContext, planId: string, as: PlanApprover): Promise<DevelopmentPlan> {
    const { caller } = context;
    await this.assertPlanConsent(context, planId, 'planId');
    return this.db.transaction(async (manager) => {
      const { plan, pair } = await this.lockPlan(caller, planId, manager, 'planId');
      assertCanSeeSchool(caller, pair);
      if (as === PlanApprover.MENTOR && (caller.personId === null || caller.personId !== pair.mentorId)) {
        throw forbidden('Only the mentor of the pair approves as mentor');
      }
      if (as === PlanApprover.DIRECTOR && caller.role !== Role.SCHOOL_ADMIN) throw forbidden('Only the school’s director approves as director');
      const tasks = await manager.getRepository(PlanTask).findBy({ planId: plan.id });
      const refusal = approvalRefusal(plan.goals, tasks);
      if (refusal) throw new DomainError(ErrorCode.PLAN_INCOMPLETE, refusal, 'planId');
      const now = new Date();
      await manager
        .getRepository(DevelopmentPlan)
        .update(plan.id, as === PlanApprover.MENTOR ? { mentorApprovedBy: caller.personId, mentorApprovedAt: now } : { directorApprovedBy: caller.userId, directorApprovedAt: now });
      await recordChange(manager, context, {
        action: AuditAction.UPDATE,
        entityType: 'DevelopmentPlan',
        entityId: plan.id,
        personIds: [plan.menteeId, pair.mentorId],
        schoolId: pair.schoolId,
        fields: [as === PlanApprover.MENTOR ? 'mentorApprovedBy' : 'directorApprovedBy'],
      });
      return manager.getRepository(DevelopmentPlan).findOneByOrFail({ id: plan.id });
    });
  }
}
