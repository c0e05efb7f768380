import { registerEnumType } from 'type-graphql';

/** Events of a programme (stages 3–6 of the seed and its section 8 on motivation). */
export enum ProgramEventType {
  MENTOR_TRAINING = 'MENTOR_TRAINING',
  SEMINAR = 'SEMINAR',
  MASTER_CLASS = 'MASTER_CLASS',
  OPEN_LESSON = 'OPEN_LESSON',
  JOINT_MEETING = 'JOINT_MEETING',
  FINAL_CEREMONY = 'FINAL_CEREMONY',
}
registerEnumType(ProgramEventType, {
  name: 'ProgramEventType',
  valuesConfig: {
    MENTOR_TRAINING: { description: 'Обучение наставников' },
    SEMINAR: { description: 'Семинар' },
    MASTER_CLASS: { description: 'Мастер-класс' },
    OPEN_LESSON: { description: 'Открытый урок' },
    JOINT_MEETING: { description: 'Общая встреча наставников и наставляемых' },
    FINAL_CEREMONY: { description: 'Итоговое мероприятие, торжественное награждение' },
  },
});
