import { registerEnumType } from 'type-graphql';

/** The school's own recognition of mentors (section 8 of the seed). */
export enum AwardKind {
  MENTOR_OF_THE_YEAR = 'MENTOR_OF_THE_YEAR',
  BEST_PAIR = 'BEST_PAIR',
  BEST_MENTOR_CERTIFICATE = 'BEST_MENTOR_CERTIFICATE',
}
registerEnumType(AwardKind, {
  name: 'AwardKind',
  valuesConfig: {
    MENTOR_OF_THE_YEAR: { description: 'Конкурс «Наставник года»' },
    BEST_PAIR: { description: 'Конкурс «Лучшая пара»' },
    BEST_MENTOR_CERTIFICATE: { description: 'Благодарственное письмо / грамота «Лучший наставник»' },
  },
});

export enum AwardStatus {
  NOMINATED = 'NOMINATED',
  AWARDED = 'AWARDED',
}
registerEnumType(AwardStatus, { name: 'AwardStatus' });
