import { DomainError, ErrorCode, Processing, Role, type Caller } from '@nastavnik/platform';
import { isYoungSpecialist } from '../people/experience.rules';
import type { StatusMachine } from '../people/base-status.rules';
import { MenteeCategory, MenteeStatus } from './mentee.enums';

/**
 * A mentee's categories: the young-specialist category follows from experience and cannot be set
 * against it; the other three are the curator's findings. The stored list holds only those three.
 */
export function storedMenteeCategories(
  requested: readonly MenteeCategory[],
  experienceSince: string,
  asOf: string,
  field = 'input.categories',
): MenteeCategory[] {
  const young = isYoungSpecialist(experienceSince, asOf);
  if (requested.includes(MenteeCategory.YOUNG_SPECIALIST) && !young) {
    throw new DomainError(
      ErrorCode.YOUNG_SPECIALIST_MISMATCH,
      'A young specialist has at most 3 years of pedagogical experience; this teacher has more',
      field,
    );
  }
  const stored = [...new Set(requested.filter((category) => category !== MenteeCategory.YOUNG_SPECIALIST))];
  if (stored.length === 0 && !young) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A mentee needs at least one category', field);
  }
  return stored.sort();
}

export function effectiveMenteeCategories(stored: readonly MenteeCategory[], experienceSince: string, asOf: string): MenteeCategory[] {
  return isYoungSpecialist(experienceSince, asOf) ? [MenteeCategory.YOUNG_SPECIALIST, ...stored] : [...stored];
}

export const MENTEE_STATUS_MACHINE: StatusMachine<MenteeStatus> = {
  [MenteeStatus.ACTIVE]: [MenteeStatus.PAUSED, MenteeStatus.COMPLETED, MenteeStatus.LEFT],
  [MenteeStatus.PAUSED]: [MenteeStatus.ACTIVE, MenteeStatus.COMPLETED, MenteeStatus.LEFT],
  [MenteeStatus.COMPLETED]: [],
  [MenteeStatus.LEFT]: [],
};

/**
 * Burnout is psychological data of the most sensitive kind: only the school's curator and
 * psychologist and the mentee themself see it. Everybody else who reads the mentee base sees the
 * other categories.
 */
export function seesEveryonesBurnout(caller: Caller): boolean {
  return caller.role === Role.CURATOR || caller.role === Role.PSYCHOLOGIST;
}

export function seesBurnout(caller: Caller, personId: string): boolean {
  return seesEveryonesBurnout(caller) || caller.personId === personId;
}

export function categoriesFor(caller: Caller, personId: string, categories: readonly MenteeCategory[]): MenteeCategory[] {
  return seesBurnout(caller, personId) ? [...categories] : categories.filter((category) => category !== MenteeCategory.BURNOUT);
}

/** A change of the categories by someone who does not see burnout keeps a burnout already recorded. */
export function categoriesAfterChange(caller: Caller, personId: string, stored: readonly MenteeCategory[], requested: readonly MenteeCategory[]): MenteeCategory[] {
  if (seesBurnout(caller, personId) || !stored.includes(MenteeCategory.BURNOUT) || requested.includes(MenteeCategory.BURNOUT)) return [...requested];
  return [...requested, MenteeCategory.BURNOUT];
}

/** A burnout category records a psychological state: it needs the psychological consent as well. */
export function menteeProcessing(categories: readonly MenteeCategory[]): Processing {
  return categories.includes(MenteeCategory.BURNOUT) ? Processing.BURNOUT_STATUS : Processing.BASE_ENTRY;
}
