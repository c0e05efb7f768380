import { assertCanManageSchool, assertCanSeeSchool, Role, type Caller } from '@nastavnik/platform';
import type { Pair } from './pair.entity';

/** The mentor of a pair writes its meetings and plan tasks; so do the school's curator, administration and the office. */
export function isPairMentor(caller: Caller, pair: Pair): boolean {
  return caller.role === Role.MENTOR && caller.personId !== null && caller.personId === pair.mentorId;
}

export function assertCanWorkOnPair(caller: Caller, pair: Pair): void {
  if (isPairMentor(caller, pair)) assertCanSeeSchool(caller, pair);
  else assertCanManageSchool(caller, pair);
}
