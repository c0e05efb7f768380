import { registerEnumType } from 'type-graphql';

export enum QualificationCategory {
  NONE = 'NONE',
  COMPLIES_WITH_POSITION = 'COMPLIES_WITH_POSITION',
  FIRST = 'FIRST',
  HIGHEST = 'HIGHEST',
}
registerEnumType(QualificationCategory, {
  name: 'QualificationCategory',
  valuesConfig: {
    NONE: { description: 'Без категории' },
    COMPLIES_WITH_POSITION: { description: 'Соответствие занимаемой должности' },
    FIRST: { description: 'Первая квалификационная категория' },
    HIGHEST: { description: 'Высшая квалификационная категория' },
  },
});

export enum Base {
  MENTOR = 'MENTOR',
  MENTEE = 'MENTEE',
}
registerEnumType(Base, { name: 'Base', description: 'The two bases the curator keeps: mentors and mentees' });
