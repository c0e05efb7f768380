import { PlanTaskStatus as T } from './plan.enums';
import { approvalRefusal, isTaskOverdue, planProgress } from './plan.rules';

const tasks = (...statuses: T[]) => statuses.map((status) => ({ status }));

describe('progress of a plan', () => {
  it.each([
    [tasks(), 0],
    [tasks(T.PLANNED), 0],
    [tasks(T.DONE), 100],
    [tasks(T.DONE, T.PLANNED), 50],
    [tasks(T.DONE, T.PLANNED, T.IN_PROGRESS), 33],
    [tasks(T.DONE, T.DONE, T.PLANNED), 67],
    [tasks(T.DONE, T.CANCELLED), 100],
    [tasks(T.CANCELLED), 0],
  ])('%j → %i%', (given, expected) => expect(planProgress(given)).toBe(expected));
});

describe('approval', () => {
  it.each<[string[], ReturnType<typeof tasks>, boolean]>([
    [[], tasks(T.PLANNED), false],
    [['Освоить ИКТ'], tasks(), false],
    [['Освоить ИКТ'], tasks(T.CANCELLED), false],
    [['Освоить ИКТ'], tasks(T.PLANNED), true],
  ])('goals %j, tasks %j: approvable %s', (goals, given, approvable) => expect(approvalRefusal(goals, given) === null).toBe(approvable));

  it.each([
    [T.PLANNED, '2025-10-01', '2025-10-02', true],
    [T.IN_PROGRESS, '2025-10-01', '2025-10-01', false],
    [T.DONE, '2025-10-01', '2025-12-01', false],
  ])('%s task due %s is overdue on %s: %s', (status, deadline, asOf, overdue) => expect(isTaskOverdue({ status, deadline }, asOf)).toBe(overdue));
});
