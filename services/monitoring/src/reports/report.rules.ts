import { CronExpressionParser } from 'cron-parser';
import { ReportScopeKind, ReportStatus } from './report.enums';

/** The academic year in progress on a date: September starts the next one. */
export function academicYearOn(date: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(date);
  const year = Number(parts.find((part) => part.type === 'year')!.value);
  const month = Number(parts.find((part) => part.type === 'month')!.value);
  const start = month >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The reason a cron expression is refused, or null when it is valid (the parser BullMQ uses). */
export function cronProblem(cron: string, timeZone: string): string | null {
  try {
    CronExpressionParser.parse(cron, { tz: timeZone });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export const FINAL_STATUSES: ReadonlySet<ReportStatus> = new Set([ReportStatus.COMPLETED, ReportStatus.FAILED]);

/** The school a report belongs to, for scoping: none for the municipality's own reports. */
export function reportSchool(kind: ReportScopeKind, scopeId: string, programSchoolId?: string): string | null {
  if (kind === ReportScopeKind.SCHOOL) return scopeId;
  if (kind === ReportScopeKind.PROGRAM) return programSchoolId ?? null;
  return null;
}

/** The file name a recipient sees: scope and year in Russian, no characters a mail client mangles. */
export function downloadName(kind: ReportScopeKind, academicYear: string): string {
  const scope = { MUNICIPALITY: 'муниципалитет', SCHOOL: 'школа', PROGRAM: 'программа' }[kind];
  return `Наставничество-${scope}-${academicYear.replace('/', '-')}.xlsx`;
}
