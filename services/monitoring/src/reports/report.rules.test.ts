import { ReportScopeKind } from './report.enums';
import { academicYearOn, cronProblem, dashboardFigures, downloadName, isValidTimeZone, reportSchool } from './report.rules';

describe('academicYearOn', () => {
  it.each([
    ['2025-08-31T12:00:00Z', 'UTC', '2024/2025'],
    ['2025-09-01T00:00:00Z', 'UTC', '2025/2026'],
    ['2026-01-15T00:00:00Z', 'UTC', '2025/2026'],
    // 31 August 22:00 UTC is already 1 September in Moscow (UTC+3).
    ['2025-08-31T22:00:00Z', 'Europe/Moscow', '2025/2026'],
    ['2025-08-31T22:00:00Z', 'UTC', '2024/2025'],
  ])('%s in %s is %s', (instant, zone, year) => {
    expect(academicYearOn(new Date(instant), zone)).toBe(year);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Moscow', true],
    ['Asia/Yekaterinburg', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('reportSchool', () => {
  it('keeps municipality reports out of every school', () => {
    expect(reportSchool(ReportScopeKind.MUNICIPALITY, 'm')).toBeNull();
    expect(reportSchool(ReportScopeKind.SCHOOL, 's')).toBe('s');
    expect(reportSchool(ReportScopeKind.PROGRAM, 'p', 's')).toBe('s');
  });
});

describe('downloadName', () => {
  it('names the scope and the year without a slash', () => {
    expect(downloadName(ReportScopeKind.SCHOOL, '2025/2026')).toBe('Наставничество-школа-2025-2026.xlsx');
  });
});

describe('cronProblem', () => {
  it.each([
    ['0 6 1 * *', null],
    ['0 6 1 */3 *', null],
    ['*/2 * * * * *', null],
    ['99 99 99 99 99', 'range'],
    ['every monday', 'alias'],
  ])('%s', (cron, problem) => {
    const found = cronProblem(cron, 'Europe/Moscow');
    if (problem === null) expect(found).toBeNull();
    else expect(found).toEqual(expect.stringContaining(problem));
  });
});

describe('dashboardFigures', () => {
  const school = (schoolId: string, meanChange: number, measured?: number) => ({
    schoolId,
    schoolName: schoolId,
    mentors: 1,
    mentees: 4,
    activePairs: 4,
    shareYoungSpecialistsInMentoring: null,
    shareUnder35InMentoring: null,
    measuredParticipants: measured ?? 0,
    meanChanges: { motivation: meanChange },
    ...(measured === undefined ? {} : { measuredByParameter: { motivation: measured } }),
  });
  const summary = (schools: ReturnType<typeof school>[], n: number) => ({
    academicYear: '2025/2026',
    scope: { kind: 'MUNICIPALITY' as const, id: 'm' },
    parameters: [{ parameterKey: 'motivation', n, meanChange: 1.2, shareImproved: 0.5, wilcoxonP: 0.04 }],
    schools,
  });
  const means = (figures: ReturnType<typeof dashboardFigures>) => figures.schools.map((s) => [s.schoolId, s.meanChanges[0]!.meanChange, s.meanChanges[0]!.suppressed]);

  it('shows everything to a caller who may see the persons', () => {
    const figures = dashboardFigures(summary([school('a', 1, 4), school('b', 2, 9)], 13), false, 5);
    expect(means(figures)).toEqual([['a', 1, false], ['b', 2, false]]);
    expect(figures.parameters[0]!.suppressed).toBe(false);
  });
  it('withholds a school of 4 and, as its complement, the smallest other school', () => {
    const figures = dashboardFigures(summary([school('a', 1, 4), school('b', 2, 9), school('c', 3, 6)], 19), true, 5);
    expect(means(figures)).toEqual([['a', null, true], ['b', 2, false], ['c', null, true]]);
    expect(figures.parameters[0]).toMatchObject({ n: 19, meanChange: 1.2, suppressed: false });
  });
  it('withholds a scope of 4 entirely, and schools of a summary without sizes', () => {
    expect(dashboardFigures(summary([school('a', 1, 4)], 4), true, 5).parameters[0]).toMatchObject({ n: 4, meanChange: null, shareImproved: null, wilcoxonP: null, suppressed: true });
    expect(means(dashboardFigures(summary([school('a', 1), school('b', 2)], 20), true, 5))).toEqual([['a', null, true], ['b', null, true]]);
  });
});
