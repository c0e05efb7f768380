import { DomainError, ErrorCode, isIsoDate, today } from '@nastavnik/platform';

/** A date passed as a plain argument (not inside an input, where class-validator checks it); today when left out. */
export function dateArgument(value: string | null | undefined, field: string): string {
  if (value === undefined || value === null) return today();
  if (!isIsoDate(value)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field} must be a calendar date of the form YYYY-MM-DD`, field);
  return value;
}
