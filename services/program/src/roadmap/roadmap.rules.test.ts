import { RoadmapItemStatus as S } from './roadmap.enums';
import { effectiveStatus, statusChangeRefusal } from './roadmap.rules';

describe('overdue by itself', () => {
  it.each([
    [S.PLANNED, '2025-08-31', '2025-09-01', S.OVERDUE],
    [S.IN_PROGRESS, '2025-08-31', '2025-09-01', S.OVERDUE],
    [S.PLANNED, '2025-08-31', '2025-08-31', S.PLANNED],
    [S.DONE, '2025-08-31', '2026-01-01', S.DONE],
    [S.CANCELLED, '2025-08-31', '2026-01-01', S.CANCELLED],
  ])('%s ending %s seen on %s is %s', (stored, endsOn, asOf, expected) => {
    expect(effectiveStatus(stored, endsOn, asOf)).toBe(expected);
  });
});

describe('status changes', () => {
  it.each([
    [S.OVERDUE, 'Приказ', null, 'VALIDATION_FAILED'],
    [S.DONE, 'Приказ', null, 'EVIDENCE_REQUIRED'],
    [S.DONE, 'Приказ', '  ', 'EVIDENCE_REQUIRED'],
    [S.DONE, 'Приказ', 'Приказ № 112-од', null],
    [S.DONE, '', null, null],
    [S.IN_PROGRESS, 'Приказ', null, null],
    [S.CANCELLED, 'Приказ', null, null],
  ])('to %s with result %j and document %j: %s', (to, resultForm, documentTitle, code) => {
    expect(statusChangeRefusal(to, resultForm, { documentTitle })?.code ?? null).toBe(code);
  });
});
