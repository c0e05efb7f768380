import { registerEnumType } from 'type-graphql';

/** The four mentee categories of the school programme. */
export enum MenteeCategory {
  YOUNG_SPECIALIST = 'YOUNG_SPECIALIST',
  BURNOUT = 'BURNOUT',
  NEW_WORKPLACE = 'NEW_WORKPLACE',
  DIGITAL_SKILLS = 'DIGITAL_SKILLS',
}
registerEnumType(MenteeCategory, {
  name: 'MenteeCategory',
  valuesConfig: {
    YOUNG_SPECIALIST: { description: 'Молодой специалист: педагогический стаж 0–3 года (выводится из стажа)' },
    BURNOUT: { description: 'Эмоциональное выгорание, хроническая усталость' },
    NEW_WORKPLACE: { description: 'Адаптация на новом месте работы' },
    DIGITAL_SKILLS: { description: 'Освоение современных программ, цифровых навыков, ИКТ-компетенций' },
  },
});

export enum MenteeStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  LEFT = 'LEFT',
}
registerEnumType(MenteeStatus, { name: 'MenteeStatus' });
