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

/** Why a pair stopped working: a fixed list for the reports, plus free text in closingNote. */
export enum ClosingReason {
  GOALS_ACHIEVED = 'GOALS_ACHIEVED',
  PROGRAM_ENDED = 'PROGRAM_ENDED',
  REPAIRED = 'REPAIRED',
  INCOMPATIBILITY = 'INCOMPATIBILITY',
  MENTOR_LEFT = 'MENTOR_LEFT',
  MENTEE_LEFT = 'MENTEE_LEFT',
  LONG_ABSENCE = 'LONG_ABSENCE',
  OTHER = 'OTHER',
}
registerEnumType(ClosingReason, {
  name: 'ClosingReason',
  valuesConfig: {
    GOALS_ACHIEVED: { description: 'Цели индивидуального маршрута достигнуты' },
    PROGRAM_ENDED: { description: 'Программа наставничества завершена' },
    REPAIRED: { description: 'Переформирование пары: наставляемый передан другому наставнику' },
    INCOMPATIBILITY: { description: 'Психологическая несовместимость' },
    MENTOR_LEFT: { description: 'Наставник выбыл (увольнение, перевод)' },
    MENTEE_LEFT: { description: 'Наставляемый выбыл (увольнение, перевод)' },
    LONG_ABSENCE: { description: 'Длительное отсутствие (болезнь, отпуск)' },
    OTHER: { description: 'Другая причина (указывается в комментарии)' },
  },
});
