import { Role, type Caller } from '@nastavnik/platform';

/**
 * Answers, measurements and psychological results are the most sensitive data of the programme
 * (152-ФЗ): the school's psychologist, curator and administration and the office read them; a
 * participant reads only their own.
 */
export const SENSITIVE_READERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who enters measurements and the psychologist's records: the psychologist, the curator, the office. */
export const PSYCHOLOGICAL_RECORDERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who runs monitoring in a school: questionnaires, campaigns, scorecards. */
export const MONITORING_ORGANISERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

export function readsSensitive(caller: Caller): boolean {
  return SENSITIVE_READERS.includes(caller.role);
}
