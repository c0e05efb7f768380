import {
  INDICATOR_SCORE_LABELS,
  SCORECARD_GROUPS,
  SCORECARD_INDICATORS,
  SCORECARD_LEVEL_LABELS,
  ScorecardLevel,
  canFinalise,
  missingIndicators,
  scorecardLevel,
  scorecardTotal,
  validateIndicatorScore,
} from './scorecard.rules';

const CYRILLIC = /[А-Яа-яЁё]/;

describe('SCORECARD_INDICATORS', () => {
  it('has exactly nine indicators numbered 1..9 in the seed order, with non-empty Russian texts', () => {
    expect(SCORECARD_INDICATORS).toHaveLength(9);
    expect(SCORECARD_INDICATORS.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const i of SCORECARD_INDICATORS) {
      expect(i.text.trim()).toMatch(CYRILLIC);
      expect(i.group.trim()).toMatch(CYRILLIC);
    }
    expect(new Set(SCORECARD_INDICATORS.map((i) => i.text)).size).toBe(9);
  });

  it('groups indicators as the seed does: 5 programme, 2 participants, 2 mentee changes', () => {
    expect(SCORECARD_INDICATORS.map((i) => i.group)).toEqual([
      ...Array(5).fill(SCORECARD_GROUPS.PROGRAMME),
      ...Array(2).fill(SCORECARD_GROUPS.PARTICIPANTS),
      ...Array(2).fill(SCORECARD_GROUPS.MENTEE_CHANGES),
    ]);
    expect(SCORECARD_INDICATORS[3].text).toBe('Наличие комфортного психологического климата в организации');
  });

  it('labels levels and score values in Russian', () => {
    expect(SCORECARD_LEVEL_LABELS).toEqual({
      OPTIMAL: 'оптимальный уровень',
      ACCEPTABLE: 'допустимый уровень',
      UNACCEPTABLE: 'недопустимый уровень',
    });
    expect(INDICATOR_SCORE_LABELS[2]).toBe('Производится в полной мере');
    expect(INDICATOR_SCORE_LABELS[1]).toBe('Частично проявляется');
    expect(INDICATOR_SCORE_LABELS[0]).toBe('Не проявляется');
  });
});

describe('scorecardLevel', () => {
  const expected: Array<[number, ScorecardLevel]> = [
    [0, 'UNACCEPTABLE'], [1, 'UNACCEPTABLE'], [2, 'UNACCEPTABLE'], [3, 'UNACCEPTABLE'], [4, 'UNACCEPTABLE'],
    [5, 'UNACCEPTABLE'], [6, 'UNACCEPTABLE'], [7, 'UNACCEPTABLE'], [8, 'UNACCEPTABLE'],
    [9, 'ACCEPTABLE'], [10, 'ACCEPTABLE'], [11, 'ACCEPTABLE'], [12, 'ACCEPTABLE'], [13, 'ACCEPTABLE'], [14, 'ACCEPTABLE'],
    [15, 'OPTIMAL'], [16, 'OPTIMAL'], [17, 'OPTIMAL'], [18, 'OPTIMAL'],
  ];

  it('covers every total 0..18', () => {
    expect(expected.map(([t]) => t)).toEqual(Array.from({ length: 19 }, (_, i) => i));
  });

  it.each(expected)('total %i → %s', (total, level) => {
    expect(scorecardLevel(total)).toBe(level);
  });

  it('boundary 8/9: 8 is unacceptable, 9 is acceptable', () => {
    expect(scorecardLevel(8)).toBe('UNACCEPTABLE');
    expect(scorecardLevel(9)).toBe('ACCEPTABLE');
  });

  it('boundary 14/15: 14 is acceptable, 15 is optimal', () => {
    expect(scorecardLevel(14)).toBe('ACCEPTABLE');
    expect(scorecardLevel(15)).toBe('OPTIMAL');
  });

  it.each([-1, 19, 100, 8.5, 14.99, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for %p', (total) => {
    expect(() => scorecardLevel(total)).toThrow(RangeError);
  });
});

describe('validateIndicatorScore', () => {
  it.each([0, 1, 2])('accepts %p', (v) => expect(validateIndicatorScore(v)).toBe(true));
  it.each([-1, 3, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.0001])('rejects %p', (v) =>
    expect(validateIndicatorScore(v)).toBe(false),
  );
});

describe('scorecardTotal', () => {
  it('sums the scored indicators and skips nulls', () => {
    expect(scorecardTotal([])).toBe(0);
    expect(scorecardTotal([2, 2, 2, 2, 2, 2, 2, 2, 2])).toBe(18);
    expect(scorecardTotal([0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(scorecardTotal([2, null, 1, null, 2, 0, null, 1, 2])).toBe(8);
    expect(scorecardTotal([null, null, null])).toBe(0);
  });

  it('rejects invalid scores and more than nine entries', () => {
    expect(() => scorecardTotal([2, 3])).toThrow(RangeError);
    expect(() => scorecardTotal([1, -1])).toThrow(RangeError);
    expect(() => scorecardTotal([1.5])).toThrow(RangeError);
    expect(() => scorecardTotal(Array(10).fill(1))).toThrow(RangeError);
  });

  it('a full scorecard maps to a level', () => {
    expect(scorecardLevel(scorecardTotal([2, 2, 2, 2, 2, 1, 2, 1, 1]))).toBe('OPTIMAL'); // 15
    expect(scorecardLevel(scorecardTotal([2, 2, 1, 1, 1, 1, 2, 1, 1]))).toBe('ACCEPTABLE'); // 12
    expect(scorecardLevel(scorecardTotal([1, 1, 1, 1, 1, 1, 1, 1, 0]))).toBe('UNACCEPTABLE'); // 8
  });
});

describe('missingIndicators', () => {
  it('lists the indicator numbers still null', () => {
    expect(missingIndicators([2, null, 1, null, 2, 0, null, 1, 2])).toEqual([2, 4, 7]);
    expect(missingIndicators([2, 2, 2, 2, 2, 2, 2, 2, 2])).toEqual([]);
    expect(missingIndicators(Array(9).fill(null))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('treats positions beyond a short array as missing', () => {
    expect(missingIndicators([])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(missingIndicators([1, 1, 1, 1, 1, 1, 1])).toEqual([8, 9]);
  });

  it('a score of 0 is a given score, not a missing one', () => {
    expect(missingIndicators([0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual([]);
  });
});

describe('canFinalise', () => {
  it('needs exactly nine scores, all 0..2', () => {
    expect(canFinalise([2, 1, 0, 2, 1, 0, 2, 1, 0])).toBe(true);
    expect(canFinalise([0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(true);
    expect(canFinalise([2, 1, 0, 2, 1, 0, 2, 1])).toBe(false); // eight
    expect(canFinalise([2, 1, 0, 2, 1, 0, 2, 1, 0, 1])).toBe(false); // ten
    expect(canFinalise([2, 1, 0, 2, null, 0, 2, 1, 0])).toBe(false); // one missing
    expect(canFinalise([2, 1, 0, 2, 3, 0, 2, 1, 0])).toBe(false); // invalid value
    expect(canFinalise([2, 1, 0, 2, 1.5, 0, 2, 1, 0])).toBe(false); // non-integer
    expect(canFinalise([])).toBe(false);
  });
});
