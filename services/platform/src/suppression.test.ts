import { isSmallGroup, MIN_GROUP_SIZE, suppressedGroups } from './suppression';

describe('isSmallGroup', () => {
  it.each<[number, boolean]>([
    [0, false],
    [1, true],
    [4, true],
    [5, false],
    [40, false],
  ])('%i people: %s', (size, small) => {
    expect(isSmallGroup(size)).toBe(small);
  });
  it('defaults to a threshold of 5', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(isSmallGroup(2, 3)).toBe(true);
    expect(isSmallGroup(3, 3)).toBe(false);
  });
});

describe('suppressedGroups', () => {
  it.each<[string, number[], (string | null)[]]>([
    ['nothing small: nothing withheld', [5, 9, 12], [null, null, null]],
    ['one small group and its smallest neighbour, or the total gives it away', [4, 9, 6], ['SMALL_GROUP', null, 'COMPLEMENT']],
    ['two small groups holding 5 together need no neighbour', [2, 3, 10], ['SMALL_GROUP', 'SMALL_GROUP', null]],
    ['two small groups holding 3 take the smallest neighbour', [1, 2, 10, 7], ['SMALL_GROUP', 'SMALL_GROUP', null, 'COMPLEMENT']],
    ['empty groups are neither small nor complements', [0, 4, 0, 8], [null, 'SMALL_GROUP', null, 'COMPLEMENT']],
    ['a lone small group is withheld, with nothing to add', [3], ['SMALL_GROUP']],
    ['every group small', [1, 1, 1], ['SMALL_GROUP', 'SMALL_GROUP', 'SMALL_GROUP']],
  ])('%s', (_case, sizes, expected) => {
    expect(suppressedGroups(sizes)).toEqual(expected);
  });
});
