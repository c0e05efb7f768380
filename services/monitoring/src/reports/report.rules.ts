import { CronExpressionParser } from 'cron-parser';
import { isSmallGroup, suppressedGroups, type ParameterHeadline, type ReportSummary, type SchoolHeadline } from '@nastavnik/platform';
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

export interface DashboardFigures {
  parameters: (ParameterHeadline & { suppressed: boolean })[];
  schools: (Omit<SchoolHeadline, 'meanChanges' | 'measuredByParameter'> & { meanChanges: { parameterKey: string; meanChange: number | null; suppressed: boolean }[] })[];
}

/**
 * A report summary's figures as a dashboard shows them. With `suppress` (a caller who may not see
 * the persons), a parameter over fewer than `threshold` participants shows only its n, and a
 * school's mean change is withheld where the school had fewer, or where it is the smallest of the
 * other schools needed so that the scope's mean cannot give a small school away (suppressedGroups).
 * A summary without participant counts per school (older reports) has every school's mean withheld.
 */
export function dashboardFigures(summary: ReportSummary | null, suppress: boolean, threshold: number): DashboardFigures {
  const parameters = (summary?.parameters ?? []).map((p) =>
    suppress && isSmallGroup(p.n, threshold) ? { ...p, meanChange: null, shareImproved: null, wilcoxonP: null, suppressed: true } : { ...p, suppressed: false },
  );
  const schools = summary?.schools ?? [];
  const withheld = new Map<string, boolean[]>();
  if (suppress) {
    for (const parameter of parameters) {
      const sizes = schools.map((school) => school.measuredByParameter?.[parameter.parameterKey]);
      const reasons = suppressedGroups(sizes.map((size) => size ?? 0), threshold);
      withheld.set(
        parameter.parameterKey,
        schools.map((_, i) => parameter.suppressed || sizes[i] === undefined || reasons[i] !== null),
      );
    }
  }
  return {
    parameters,
    schools: schools.map(({ measuredByParameter: _sizes, ...school }, i) => ({
      ...school,
      meanChanges: Object.entries(school.meanChanges).map(([parameterKey, meanChange]) => {
        const hidden = suppress && (withheld.get(parameterKey)?.[i] ?? true);
        return { parameterKey, meanChange: hidden ? null : meanChange, suppressed: hidden };
      }),
    })),
  };
}
