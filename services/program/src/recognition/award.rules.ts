import { AwardKind } from './award.enums';

/** «Лучшая пара» honours a pair; the other awards honour one mentor. */
export function nomineeShapeRefusal(kind: AwardKind, nominee: { personId?: string | null; pairId?: string | null }): { field: string; message: string } | null {
  if (kind === AwardKind.BEST_PAIR) {
    if (!nominee.pairId) return { field: 'input.pairId', message: 'The best pair award names a pair' };
    if (nominee.personId) return { field: 'input.personId', message: 'The best pair award names a pair, not a person' };
    return null;
  }
  if (!nominee.personId) return { field: 'input.personId', message: 'This award names a mentor' };
  if (nominee.pairId) return { field: 'input.pairId', message: 'This award names a mentor, not a pair' };
  return null;
}

/** Awards with a single winner per programme: the contests. Certificates go to as many mentors as deserve them. */
export function hasSingleWinner(kind: AwardKind): boolean {
  return kind === AwardKind.MENTOR_OF_THE_YEAR || kind === AwardKind.BEST_PAIR;
}
