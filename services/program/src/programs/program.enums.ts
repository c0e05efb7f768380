import { registerEnumType } from 'type-graphql';

/** The five forms of the target model; the seed school uses teacher–teacher. */
export enum MentoringForm {
  STUDENT_STUDENT = 'STUDENT_STUDENT',
  TEACHER_TEACHER = 'TEACHER_TEACHER',
  UNIVERSITY_STUDENT_PUPIL = 'UNIVERSITY_STUDENT_PUPIL',
  EMPLOYER_PUPIL = 'EMPLOYER_PUPIL',
  EMPLOYER_STUDENT = 'EMPLOYER_STUDENT',
}
registerEnumType(MentoringForm, {
  name: 'MentoringForm',
  valuesConfig: {
    STUDENT_STUDENT: { description: 'Ученик – ученик' },
    TEACHER_TEACHER: { description: 'Учитель – учитель' },
    UNIVERSITY_STUDENT_PUPIL: { description: 'Студент – ученик' },
    EMPLOYER_PUPIL: { description: 'Работодатель – ученик' },
    EMPLOYER_STUDENT: { description: 'Работодатель – студент' },
  },
});

/** Stages of the programme cycle (section 3 of the seed), in their only order. */
export enum ProgramStage {
  PREPARATION = 'PREPARATION',
  MENTEE_BASE = 'MENTEE_BASE',
  MENTOR_SELECTION = 'MENTOR_SELECTION',
  PAIRING = 'PAIRING',
  PAIRS_AT_WORK = 'PAIRS_AT_WORK',
  COMPLETION = 'COMPLETION',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ProgramStage, {
  name: 'ProgramStage',
  valuesConfig: {
    PREPARATION: { description: 'Подготовка условий для запуска программы' },
    MENTEE_BASE: { description: 'Формирование базы наставляемых' },
    MENTOR_SELECTION: { description: 'Отбор и обучение наставников' },
    PAIRING: { description: 'Формирование наставнических пар / групп' },
    PAIRS_AT_WORK: { description: 'Организация работы наставнических пар / групп' },
    COMPLETION: { description: 'Завершение программы наставничества' },
    COMPLETED: { description: 'Программа завершена' },
  },
});
