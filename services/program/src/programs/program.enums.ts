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
