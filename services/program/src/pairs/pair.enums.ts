import { registerEnumType } from 'type-graphql';

/** Interaction sub-forms inside teacher–teacher, each with its purpose. */
export enum InteractionSubForm {
  EXPERIENCED_TEACHER_YOUNG_SPECIALIST = 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST',
  CLASS_TEACHER_YOUNG_SPECIALIST = 'CLASS_TEACHER_YOUNG_SPECIALIST',
  COMMUNITY_LEADER_STRUGGLING_TEACHER = 'COMMUNITY_LEADER_STRUGGLING_TEACHER',
  INNOVATOR_CONSERVATIVE_TEACHER = 'INNOVATOR_CONSERVATIVE_TEACHER',
  EXPERIENCED_SUBJECT_TEACHER_NOVICE = 'EXPERIENCED_SUBJECT_TEACHER_NOVICE',
}
registerEnumType(InteractionSubForm, {
  name: 'InteractionSubForm',
  valuesConfig: {
    EXPERIENCED_TEACHER_YOUNG_SPECIALIST: { description: 'Опытный педагог – молодой специалист' },
    CLASS_TEACHER_YOUNG_SPECIALIST: { description: 'Опытный классный руководитель – молодой специалист' },
    COMMUNITY_LEADER_STRUGGLING_TEACHER: { description: 'Лидер педагогического сообщества – педагог, испытывающий проблемы' },
    INNOVATOR_CONSERVATIVE_TEACHER: { description: 'Педагог-новатор – консервативный педагог' },
    EXPERIENCED_SUBJECT_TEACHER_NOVICE: { description: 'Опытный предметник – неопытный предметник' },
  },
});

export enum PairStatus {
  FORMING = 'FORMING',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(PairStatus, { name: 'PairStatus' });
