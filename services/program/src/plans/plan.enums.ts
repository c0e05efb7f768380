import { registerEnumType } from 'type-graphql';

export enum PlanTaskStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PlanTaskStatus, {
  name: 'PlanTaskStatus',
  valuesConfig: {
    PLANNED: { description: 'Запланировано' },
    IN_PROGRESS: { description: 'Выполняется' },
    DONE: { description: 'Выполнено' },
    CANCELLED: { description: 'Отменено' },
  },
});

/** Who signs the plan: the mentor and the director (the seed's «утверждаю»). */
export enum PlanApprover {
  MENTOR = 'MENTOR',
  DIRECTOR = 'DIRECTOR',
}
registerEnumType(PlanApprover, { name: 'PlanApprover' });
