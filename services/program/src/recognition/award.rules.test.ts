import { AwardKind as K } from './award.enums';
import { hasSingleWinner, nomineeShapeRefusal } from './award.rules';

describe('who an award names', () => {
  it.each([
    [K.BEST_PAIR, { pairId: 'p' }, null],
    [K.BEST_PAIR, { personId: 'x' }, 'input.pairId'],
    [K.BEST_PAIR, { pairId: 'p', personId: 'x' }, 'input.personId'],
    [K.MENTOR_OF_THE_YEAR, { personId: 'x' }, null],
    [K.MENTOR_OF_THE_YEAR, {}, 'input.personId'],
    [K.BEST_MENTOR_CERTIFICATE, { personId: 'x', pairId: 'p' }, 'input.pairId'],
  ])('%s for %j: %s', (kind, nominee, field) => expect(nomineeShapeRefusal(kind, nominee)?.field ?? null).toBe(field));

  it.each([
    [K.MENTOR_OF_THE_YEAR, true],
    [K.BEST_PAIR, true],
    [K.BEST_MENTOR_CERTIFICATE, false],
  ])('%s has a single winner: %s', (kind, single) => expect(hasSingleWinner(kind)).toBe(single));
});
