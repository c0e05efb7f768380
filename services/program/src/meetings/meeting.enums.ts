import { registerEnumType } from 'type-graphql';

/** The meetings of the work of a pair (stage 5 of the seed), in the order they happen. */
export enum MeetingType {
  INTRO = 'INTRO',
  TRIAL = 'TRIAL',
  PLANNING = 'PLANNING',
  REGULAR = 'REGULAR',
  FINAL = 'FINAL',
}
registerEnumType(MeetingType, {
  name: 'MeetingType',
  valuesConfig: {
    INTRO: { description: 'Встреча-знакомство' },
    TRIAL: { description: 'Пробная рабочая встреча' },
    PLANNING: { description: 'Встреча-планирование' },
    REGULAR: { description: 'Рабочая встреча' },
    FINAL: { description: 'Итоговая встреча' },
  },
});
