import { registerEnumType } from 'type-graphql';

export enum QuestionType {
  OPEN_TEXT = 'OPEN_TEXT',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  RATING = 'RATING',
}
registerEnumType(QuestionType, { name: 'QuestionType' });

export enum RespondentRole {
  MENTEE = 'MENTEE',
  MENTOR = 'MENTOR',
  CURATOR = 'CURATOR',
}
registerEnumType(RespondentRole, { name: 'RespondentRole', description: 'Who answers a questionnaire' });

export enum MonitoringStage {
  STAGE1_PROCESS = 'STAGE1_PROCESS',
  STAGE2_BEFORE = 'STAGE2_BEFORE',
  STAGE2_AFTER = 'STAGE2_AFTER',
}
registerEnumType(MonitoringStage, {
  name: 'MonitoringStage',
  valuesConfig: {
    STAGE1_PROCESS: { description: 'Этап 1: оценка качества процесса реализации программы' },
    STAGE2_BEFORE: { description: 'Этап 2: замер до входа в программу' },
    STAGE2_AFTER: { description: 'Этап 2: замер по итогам прохождения программы' },
  },
});

export enum QuestionnaireVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(QuestionnaireVersionStatus, { name: 'QuestionnaireVersionStatus', description: 'A published version never changes' });

/** The participant subgraph's enum, repeated with the same values so the two compose. */
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
