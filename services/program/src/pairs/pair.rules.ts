import { ClosingReason, PairStatus } from './pair.enums';

/** Where a pair may go from each status; completed and dissolved pairs are history. */
const PAIR_STATUS_MACHINE: Readonly<Record<PairStatus, readonly PairStatus[]>> = {
  [PairStatus.FORMING]: [PairStatus.ACTIVE, PairStatus.DISSOLVED],
  [PairStatus.ACTIVE]: [PairStatus.PAUSED, PairStatus.COMPLETED, PairStatus.DISSOLVED],
  [PairStatus.PAUSED]: [PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.DISSOLVED],
  [PairStatus.COMPLETED]: [],
  [PairStatus.DISSOLVED]: [],
};

export function canChangePairStatus(from: PairStatus, to: PairStatus): boolean {
  return PAIR_STATUS_MACHINE[from].includes(to);
}

/** Statuses that hold the mentor's time: they count against capacity and against overlaps. */
export const OPEN_PAIR_STATUSES: readonly PairStatus[] = [PairStatus.FORMING, PairStatus.ACTIVE, PairStatus.PAUSED];

/** A closed interval of dates; null ends are unbounded (a forming pair has not started, an open one has not ended). */
export interface DateInterval {
  from: string | null;
  to: string | null;
}

/** ISO dates compare as strings. */
export function intervalsOverlap(a: DateInterval, b: DateInterval): boolean {
  const aStartsAfterB = a.from !== null && b.to !== null && a.from > b.to;
  const bStartsAfterA = b.from !== null && a.to !== null && b.from > a.to;
  return !aStartsAfterB && !bStartsAfterA;
}

export function intervalContains(interval: DateInterval, date: string): boolean {
  return (interval.from === null || interval.from <= date) && (interval.to === null || date <= interval.to);
}

/** How many more mentees a mentor can take. */
export function freeCapacity(capacity: number, openMentees: number): number {
  return Math.max(0, capacity - openMentees);
}

/** The reason for closing must be understandable: OTHER needs a note. */
export function closingNoteMissing(reason: ClosingReason, note: string | null | undefined): boolean {
  return reason === ClosingReason.OTHER && !note?.trim();
}
