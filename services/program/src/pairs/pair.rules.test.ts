import { ClosingReason, PairStatus as P } from './pair.enums';
import { canChangePairStatus, closingNoteMissing, freeCapacity, intervalContains, intervalsOverlap } from './pair.rules';

describe('pair status machine', () => {
  it.each([
    [P.FORMING, P.ACTIVE, true],
    [P.FORMING, P.DISSOLVED, true],
    [P.FORMING, P.PAUSED, false],
    [P.FORMING, P.COMPLETED, false],
    [P.ACTIVE, P.PAUSED, true],
    [P.ACTIVE, P.COMPLETED, true],
    [P.PAUSED, P.ACTIVE, true],
    [P.PAUSED, P.DISSOLVED, true],
    [P.COMPLETED, P.ACTIVE, false],
    [P.DISSOLVED, P.ACTIVE, false],
    [P.ACTIVE, P.FORMING, false],
  ])('%s → %s: %s', (from, to, allowed) => expect(canChangePairStatus(from, to)).toBe(allowed));
});

describe('date intervals', () => {
  it.each([
    [{ from: '2025-09-01', to: '2025-12-31' }, { from: '2026-01-01', to: null }, false],
    [{ from: '2025-09-01', to: '2025-12-31' }, { from: '2025-12-31', to: null }, true],
    [{ from: '2025-09-01', to: null }, { from: '2026-03-01', to: '2026-04-01' }, true],
    [{ from: null, to: null }, { from: '2026-03-01', to: '2026-04-01' }, true],
    [{ from: '2026-05-01', to: '2026-05-31' }, { from: '2025-09-01', to: '2026-04-30' }, false],
  ])('%j overlaps %j: %s', (a, b, expected) => {
    expect(intervalsOverlap(a, b)).toBe(expected);
    expect(intervalsOverlap(b, a)).toBe(expected);
  });

  it.each([
    [{ from: '2025-09-01', to: '2025-12-31' }, '2025-09-01', true],
    [{ from: '2025-09-01', to: '2025-12-31' }, '2025-12-31', true],
    [{ from: '2025-09-01', to: '2025-12-31' }, '2026-01-01', false],
    [{ from: '2025-09-01', to: null }, '2030-01-01', true],
    [{ from: null, to: null }, '2025-01-01', false],
  ])('%j contains %s: %s', (interval, date, expected) => {
    // A pair that never started mentored nobody on any date.
    const contains = interval.from !== null && intervalContains(interval, date);
    expect(contains).toBe(expected);
  });
});

describe('capacity and closing', () => {
  it.each([
    [2, 0, 2],
    [2, 2, 0],
    [1, 3, 0],
  ])('capacity %i with %i mentees leaves %i', (capacity, open, free) => expect(freeCapacity(capacity, open)).toBe(free));

  it.each([
    [ClosingReason.OTHER, '', true],
    [ClosingReason.OTHER, '  ', true],
    [ClosingReason.OTHER, 'Переезд', false],
    [ClosingReason.INCOMPATIBILITY, null, false],
  ])('%s with note %j needs a note: %s', (reason, note, missing) => expect(closingNoteMissing(reason, note)).toBe(missing));
});
