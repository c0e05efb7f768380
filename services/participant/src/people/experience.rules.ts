import { parseIsoDate, toIsoDate } from '@nastavnik/platform';

/**
 * Pedagogical experience is stored as the date it started, so it grows by itself; clients may give
 * either that date or a number of years, and both always agree.
 */
/** Whole years completed from `since` to `asOf` (both ISO dates); 0 for a start in the future. */
export function experienceYears(since: string, asOf: string): number {
  const start = parseIsoDate(since);
  const end = parseIsoDate(asOf);
  let years = end.getUTCFullYear() - start.getUTCFullYear();
  const anniversaryPassed =
    end.getUTCMonth() > start.getUTCMonth() ||
    (end.getUTCMonth() === start.getUTCMonth() && end.getUTCDate() >= start.getUTCDate());
  if (!anniversaryPassed) years -= 1;
  return Math.max(0, years);
}

/** The start date that gives exactly `years` whole years on `asOf`. */
export function experienceSinceFromYears(years: number, asOf: string): string {
  const end = parseIsoDate(asOf);
  const start = new Date(Date.UTC(end.getUTCFullYear() - years, end.getUTCMonth(), end.getUTCDate()));
  // 29 February minus whole years lands on 1 March in a common year; step back to 28 February.
  if (start.getUTCMonth() !== end.getUTCMonth()) start.setUTCDate(0);
  return toIsoDate(start);
}

/** The target model's young specialist: pedagogical experience of 0–3 whole years. */
export const YOUNG_SPECIALIST_MAX_YEARS = 3;

export function isYoungSpecialist(experienceSince: string, asOf: string): boolean {
  return experienceYears(experienceSince, asOf) <= YOUNG_SPECIALIST_MAX_YEARS;
}

/** Resolves the two ways of giving experience into the stored start date. */
export function resolveExperienceSince(
  input: { pedagogicalExperienceSince?: string | null; pedagogicalExperienceYears?: number | null },
  asOf: string,
): string | undefined {
  const { pedagogicalExperienceSince: since, pedagogicalExperienceYears: years } = input;
  if (since != null && years != null && experienceYears(since, asOf) !== years) {
    throw new RangeError(`experience since ${since} is ${experienceYears(since, asOf)} years, not ${years}`);
  }
  if (since != null) return since;
  if (years != null) return experienceSinceFromYears(years, asOf);
  return undefined;
}
