/**
 * Small-group suppression of aggregates. A figure about fewer than MIN_GROUP_SIZE people is withheld
 * from callers who may not see the persons behind it (the office, a school's administration, every
 * workbook), so nobody can read one person's value off a group mean or count.
 */

/** The smallest group whose figures are shown to callers who may not see the persons behind them. */
export const MIN_GROUP_SIZE = 5;

export type SuppressionReason = 'SMALL_GROUP' | 'COMPLEMENT';

/** A group of 1 to threshold − 1 people; an empty group says nothing about anyone. */
export function isSmallGroup(size: number, threshold = MIN_GROUP_SIZE): boolean {
  return size > 0 && size < threshold;
}

/**
 * Which groups of one partition (groups that add up to a total shown elsewhere, such as the schools
 * of a municipality) are withheld: every small group, and, while the withheld groups together hold
 * fewer than the threshold, the smallest of the others too ("complementary" suppression), so that
 * the total minus the visible groups never describes fewer people than the threshold.
 */
export function suppressedGroups(sizes: readonly number[], threshold = MIN_GROUP_SIZE): (SuppressionReason | null)[] {
  const reasons: (SuppressionReason | null)[] = sizes.map((size) => (isSmallGroup(size, threshold) ? 'SMALL_GROUP' : null));
  let withheld = sizes.reduce((sum, size, i) => sum + (reasons[i] ? size : 0), 0);
  if (withheld === 0) return reasons;
  while (withheld < threshold) {
    let smallest = -1;
    sizes.forEach((size, i) => {
      if (reasons[i] === null && size > 0 && (smallest < 0 || size < sizes[smallest]!)) smallest = i;
    });
    if (smallest < 0) break;
    reasons[smallest] = 'COMPLEMENT';
    withheld += sizes[smallest]!;
  }
  return reasons;
}
