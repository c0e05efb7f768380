import { Role, type Caller } from '@nastavnik/platform';

/**
 * Per-person answers, measurement values, compatibility and satisfaction results (the most
 * sensitive data of the programme, 152-ФЗ) are read by the school's psychologist and curator, and by
 * the person themself for their own records; nobody else. scopeToCaller keeps both to their school.
 */
export const PERSONAL_DATA_READERS: readonly Role[] = [Role.CURATOR, Role.PSYCHOLOGIST];

/**
 * Who may ask for per-person records at all: the curator and psychologist (their school's), mentors
 * and mentees (their own). The office and a school's administration get FORBIDDEN on such queries.
 */
export const PERSONAL_RECORD_QUERIERS: readonly Role[] = [Role.CURATOR, Role.PSYCHOLOGIST, Role.MENTOR, Role.MENTEE];

/**
 * Aggregates (response rates, measurement gaps, dashboards, reports) and the programme's
 * organisational data: the office and the school's staff who run monitoring. Callers who may not
 * read the persons behind an aggregate get its small groups suppressed (seesPersonsBehindAggregates).
 */
export const AGGREGATE_READERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who enters measurements and the psychologist's records: the psychologist, the curator, the office. */
export const PSYCHOLOGICAL_RECORDERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who runs monitoring in a school: questionnaires, campaigns, scorecards. */
export const MONITORING_ORGANISERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** May read other people's sensitive records of the caller's school. */
export function readsPersonalData(caller: Caller): boolean {
  return PERSONAL_DATA_READERS.includes(caller.role);
}

/** Sees aggregates unsuppressed: only a caller who may read the persons behind them anyway. */
export function seesPersonsBehindAggregates(caller: Caller): boolean {
  return readsPersonalData(caller);
}

/** The id no record belongs to, for "only the caller's own" when the caller is not a person. */
export const NOBODY = '00000000-0000-0000-0000-000000000000';

export function ownPersonId(caller: Caller): string {
  return caller.personId ?? NOBODY;
}
