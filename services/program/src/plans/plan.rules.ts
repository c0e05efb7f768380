import { PlanTaskStatus } from './plan.enums';

/** Percent of the plan done: done tasks among those not cancelled; an empty plan is at 0. */
export function planProgress(tasks: readonly { status: PlanTaskStatus }[]): number {
  const counted = tasks.filter((task) => task.status !== PlanTaskStatus.CANCELLED);
  if (counted.length === 0) return 0;
  return Math.round((100 * counted.filter((task) => task.status === PlanTaskStatus.DONE).length) / counted.length);
}

/** A plan is signed when it says what the mentee aims at and how: at least one goal and one task. */
export function approvalRefusal(goals: readonly string[], tasks: readonly { status: PlanTaskStatus }[]): string | null {
  if (goals.length === 0) return 'The plan has no goals yet';
  if (!tasks.some((task) => task.status !== PlanTaskStatus.CANCELLED)) return 'The plan has no tasks yet';
  return null;
}

/** Tasks overdue on a date: not done, not cancelled, deadline passed. */
export function isTaskOverdue(task: { status: PlanTaskStatus; deadline: string }, asOf: string): boolean {
  return (task.status === PlanTaskStatus.PLANNED || task.status === PlanTaskStatus.IN_PROGRESS) && task.deadline < asOf;
}
