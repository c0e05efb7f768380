import { ReportScopeKind } from './report.enums';
import { academicYearOn, cronProblem, downloadName, isValidTimeZone, reportSchool } from './report.rules';

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
