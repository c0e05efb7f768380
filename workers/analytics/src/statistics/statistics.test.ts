import {
  erfc,
  logGamma,
  mean,
  median,
  normalCdf,
  pairedTTest,
  regularizedIncompleteBeta,
  sampleStandardDeviation,
  studentTCdf,
  summarizeChanges,
  wilcoxonSignedRank,
  type ChangeSummary,
  type PairedObservation,
} from './statistics';

/**
 * Reference values were produced with SciPy 1.17.1 (python3 on this machine); each table says which call.
 * Note on SciPy ≥ 1.13 defaults: `scipy.stats.wilcoxon` defaults to correction=False, switches to a
 * permutation test for n ≤ 13 with ties or zeros, and uses the exact distribution up to n = 50.
 * R's `wilcox.test(paired = TRUE)` (the convention implemented) uses the normal approximation with
 * continuity correction for ties or n ≥ 50, so those references use method='asymptotic', correction=True.
 */

/** Relative closeness, for p-values far below the absolute tolerance of toBeCloseTo. */
function expectRelativelyClose(actual: number | null, expected: number, relativeTolerance = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relativeTolerance * Math.abs(expected));
}

/** Deterministic samples mirrored in the Python snippets that produced the references. */
function distinctChanges(count: number): number[] {
  // python: [(-1 if i%3==0 else 1)*(i+0.25) for i in range(1, N+1)]
  return Array.from({ length: count }, (_, k) => (k + 1) % 3 === 0 ? -(k + 1.25) : k + 1.25);
}

function tiedChanges(count: number): number[] {
  // python: [(-1 if i%4==0 else 1)*math.ceil(i/3) for i in range(1, N+1)]
  return Array.from({ length: count }, (_, k) => ((k + 1) % 4 === 0 ? -1 : 1) * Math.ceil((k + 1) / 3));
}

// Hollander & Wolfe (1973), p. 29: Hamilton depression scale at first (x) and second (y) visit; R ?wilcox.test.
const depressionFirst = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const depressionSecond = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
const depressionDifferences = depressionFirst.map((x, i) => x - depressionSecond[i]);

// R datasets::sleep, extra hours of sleep for drug 1 and drug 2 on the same 10 patients.
const sleepDrug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleepDrug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const sleepDifferences = sleepDrug1.map((x, i) => x - sleepDrug2[i]);

describe('descriptive statistics', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[-1.5], -1.5],
    [[1, 2, 3, 4], 2.5],
    [[10, -10, 4], 4 / 3],
  ])('mean(%j) = %p', (values, expected) => {
    if (expected === null) expect(mean(values)).toBeNull();
    else expect(mean(values)).toBeCloseTo(expected, 12);
  });

  it.each<[number[], number | null]>([
    [[], null],
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, -1, 5, 0], 2.5],
    [[10, 2, 38, 23, 38, 23, 21], 23],
  ])('median(%j) = %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('median does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each<[number[], number | null]>([
    [[], null],
    [[7], null],
    // numpy.std([2,4,4,4,5,5,7,9], ddof=1) -> 2.138089935299395
    [[2, 4, 4, 4, 5, 5, 7, 9], 2.138089935299395],
    [[1, 3], Math.SQRT2],
  ])('sampleStandardDeviation(%j) = %p', (values, expected) => {
    if (expected === null) expect(sampleStandardDeviation(values)).toBeNull();
    else expect(sampleStandardDeviation(values)).toBeCloseTo(expected, 12);
  });

  it('gives exactly 0 for identical values even when their mean is not representable', () => {
    expect(sampleStandardDeviation([0.1, 0.1, 0.1])).toBe(0);
  });
});

describe('special functions', () => {
  // scipy.stats.norm.cdf(x)
  it.each<[number, number]>([
    [-8, 6.22096057427174e-16],
    [-5, 2.866515718791933e-7],
    [-3, 0.0013498980316300933],
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145707],
    [-0.3, 0.3820885778110474],
    [0, 0.5],
    [0.2, 0.579259709439103],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.644853627, 0.950000000005005],
    [2.5, 0.9937903346742238],
    [4, 0.9999683287581669],
    [6, 0.9999999990134123],
  ])('normalCdf(%p) = %p', (x, expected) => {
    expectRelativelyClose(normalCdf(x), expected, 1e-12);
  });

  // scipy.special.erfc(x); erfc(27) underflows to 0
  it.each<[number, number]>([
    [-1, 1.8427007929497148],
    [0.1, 0.8875370839817152],
    [0.46875, 0.507386526782062],
    [0.5, 0.4795001221869535],
    [2, 0.004677734981047266],
    [3.9, 3.479224859723178e-8],
    [4.1, 6.7000276540849075e-9],
    [10, 2.0884875837625446e-45],
  ])('erfc(%p) = %p', (x, expected) => {
    expectRelativelyClose(erfc(x), expected, 1e-13);
  });

  it('erfc underflows to 0 far in the tail', () => {
    expect(erfc(27)).toBe(0);
    expect(erfc(-27)).toBe(2);
  });

  // scipy.special.gammaln(x)
  it.each<[number, number]>([
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247],
    [2.5, 0.2846828704729192],
    [10, 12.801827480081469],
    [100.5, 361.43554046777757],
  ])('logGamma(%p) = %p', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it('logGamma(1) and logGamma(2) are 0', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
  });

  // scipy.special.betainc(a, b, x)
  it.each<[number, number, number, number]>([
    [0.3, 2.5, 0.5, 0.018927124071945658],
    [0.4, 10, 20, 0.7853183897628262],
    [0.99, 0.5, 0.5, 0.9362314391414803],
    [0.98, 200, 0.5, 0.004497916539844504],
  ])('regularizedIncompleteBeta(x=%p, a=%p, b=%p) = %p', (x, a, b, expected) => {
    expectRelativelyClose(regularizedIncompleteBeta(x, a, b), expected, 1e-11);
  });

  // scipy.stats.t.cdf(t, df)
  it.each<[number, number, number]>([
    [-3, 1, 0.10241638234956672],
    [2, 1, 0.8524163823495667],
    [0.5, 2, 0.6666666666666666],
    [-1.5, 2.5, 0.12391822654314809],
    [2.262, 9, 0.9749935772487727],
    [-4.062128, 9, 0.0014164444259589723],
    [1, 30, 0.8373456922869849],
    [-2, 100, 0.024106089365566824],
    [3, 1000, 0.9986166454778809],
    [-10, 5, 8.547378787148181e-5],
    [0, 7, 0.5],
    [25, 3, 0.9999298343050212],
  ])('studentTCdf(%p, df=%p) = %p', (t, df, expected) => {
    expectRelativelyClose(studentTCdf(t, df), expected, 1e-10);
  });

  it.each([0, -1, NaN])('studentTCdf rejects df = %p', (df) => {
    expect(() => studentTCdf(1, df)).toThrow(RangeError);
  });
});

describe('wilcoxonSignedRank', () => {
  describe('exact null distribution (fewer than 50 non-zero differences, no ties)', () => {
    // scipy.stats.wilcoxon(d) -> statistic, pvalue (exact; identical with method='exact')
    it.each<[number[], number, number, number]>([
      [[3], 1, 0, 1],
      [[-2], 0, 0, 1],
      [[1, 2], 3, 0, 0.5],
      [[1, 2, 3], 6, 0, 0.25],
      [[-1, -2, -3, -4], 0, 0, 0.125],
      [[1, 2, 3, 4, 5], 15, 0, 0.0625],
      [[1, 2, 3, 4, 5, 6], 21, 0, 0.03125],
      [[1, 2, -3], 3, 3, 1],
      [[1, -2, 3, -4], 4, 4, 0.875],
      [[2, 3, -1, 4], 9, 1, 0.25],
      [[1.5, -0.5, 2.25, 3, -4.5, 6], 15, 6, 0.4375],
    ])('d = %j -> V = %p, statistic = %p, p = %p', (d, vPlus, statistic, pValue) => {
      const result = wilcoxonSignedRank(d);
      expect(result.method).toBe('exact');
      expect(result.nonZero).toBe(d.length);
      expect(result.vPlus).toBe(vPlus);
      expect(result.vMinus).toBe((d.length * (d.length + 1)) / 2 - vPlus);
      expect(result.statistic).toBe(statistic);
      expect(result.z).toBeNull();
      expect(result.pValue).toBeCloseTo(pValue, 12);
    });

    it('reproduces the Hollander & Wolfe depression example from R ?wilcox.test', () => {
      // R: wilcox.test(x, y, paired = TRUE) -> V = 40, p-value = 0.03906
      // scipy.stats.wilcoxon(x, y) -> statistic=5.0, pvalue=0.0390625
      const result = wilcoxonSignedRank(depressionDifferences);
      expect(result.method).toBe('exact');
      expect(result.vPlus).toBe(40);
      expect(result.statistic).toBe(5);
      expect(result.pValue).toBeCloseTo(0.0390625, 10);
    });

    it('stays exact at n = 49 without overflow in the distribution counts', () => {
      // scipy.stats.wilcoxon(d, method='exact') -> statistic=408.0, pvalue=0.04170385423242351
      const result = wilcoxonSignedRank(distinctChanges(49));
      expect(result.method).toBe('exact');
      expect(result.vPlus).toBe(817);
      expect(result.statistic).toBe(408);
      expectRelativelyClose(result.pValue, 0.04170385423242351, 1e-10);
    });

    it('resolves a tiny exact p-value (all 40 differences positive)', () => {
      // scipy.stats.wilcoxon([i + 0.5 for i in range(1, 41)], method='exact') -> pvalue=1.8189894035458565e-12 (2/2^40)
      const d = Array.from({ length: 40 }, (_, k) => k + 1.5);
      expectRelativelyClose(wilcoxonSignedRank(d).pValue, 1.8189894035458565e-12, 1e-12);
    });
  });

  describe('zero differences', () => {
    it('drops zeros before ranking', () => {
      // scipy.stats.wilcoxon(d) and wilcoxon(d, method='exact') -> statistic=1.0, pvalue=0.25 (same as without zeros).
      // R would switch to the normal approximation here (p = 0.2012); the brief asks for exact after dropping zeros.
      const withZeros = wilcoxonSignedRank([0, 0, 2, -1, 3, 4]);
      expect(withZeros.nonZero).toBe(4);
      expect(withZeros.method).toBe('exact');
      expect(withZeros.vPlus).toBe(9);
      expect(withZeros.pValue).toBeCloseTo(0.25, 12);
      expect(withZeros).toEqual(wilcoxonSignedRank([2, -1, 3, 4]));
    });

    it.each<[number[]]>([[[]], [[0]], [[0, 0, 0]]])('reports no test when nothing non-zero remains: %j', (d) => {
      expect(wilcoxonSignedRank(d)).toEqual({
        nonZero: 0,
        vPlus: 0,
        vMinus: 0,
        statistic: 0,
        z: null,
        pValue: null,
        method: 'none',
      });
    });
  });

  describe('normal approximation (ties or n >= 50), R convention with continuity correction', () => {
    it('uses the tie-corrected variance when |d| has ties', () => {
      // scipy.stats.wilcoxon(d, method='asymptotic', correction=True) -> statistic=7.5, pvalue=0.01440728953676283,
      // zstatistic=-2.446944817687961. (SciPy's default here is a permutation test: p=0.01171875.)
      const result = wilcoxonSignedRank([1, 1, 2, 2, 2, -1, 3, 3, -2, 4, 5, 5]);
      expect(result.method).toBe('normal');
      expect(result.statistic).toBe(7.5);
      expect(result.vPlus).toBe(70.5);
      expect(result.z).toBeCloseTo(2.446944817687961, 10);
      expect(result.pValue).toBeCloseTo(0.01440728953676283, 10);
    });

    it('excludes zeros from the tie correction', () => {
      // scipy.stats.wilcoxon(d, method='asymptotic', correction=True) -> statistic=10.0, pvalue=0.01432574254310813
      // (identical for d without its zeros; SciPy's default permutation test gives 0.01299247205086792)
      const result = wilcoxonSignedRank([0, 1, -1, 0, 2, 2, 3, -3, 4, 5, 6, 6, 7, -0.5, 8]);
      expect(result.method).toBe('normal');
      expect(result.nonZero).toBe(13);
      expect(result.statistic).toBe(10);
      expect(result.pValue).toBeCloseTo(0.01432574254310813, 10);
    });

    it('handles all differences tied (all-equal changes)', () => {
      // scipy.stats.wilcoxon([2,2,2,2], method='asymptotic', correction=True) -> statistic=0.0, pvalue=0.07186063822585158
      const result = wilcoxonSignedRank([2, 2, 2, 2]);
      expect(result.method).toBe('normal');
      expect(result.vPlus).toBe(10);
      expect(result.z).toBeCloseTo(1.8, 12);
      expect(result.pValue).toBeCloseTo(0.07186063822585158, 10);
    });

    // scipy.stats.wilcoxon(d, method='asymptotic', correction=True) -> statistic, pvalue, zstatistic.
    // SciPy's default would still be exact at n = 50 (p=0.02616696817119646); R's exact limit is n < 50.
    it.each<[string, number[], number, number, number, number]>([
      ['n = 50, no ties', distinctChanges(50), 867, 408, 0.027063492176047897, -2.2106008164557025],
      ['n = 60, no ties', distinctChanges(60), 1200, 630, 0.03622649417878663, -2.094376053962742],
      ['n = 60, with ties', tiedChanges(60), 1350, 480, 0.0013767403268097281, -3.1994835729415945],
    ])('%s', (_label, d, vPlus, statistic, pValue, negativeAbsZ) => {
      const result = wilcoxonSignedRank(d);
      expect(result.method).toBe('normal');
      expect(result.nonZero).toBe(d.length);
      expect(result.vPlus).toBe(vPlus);
      expect(result.statistic).toBe(statistic);
      expect(-Math.abs(result.z as number)).toBeCloseTo(negativeAbsZ, 10);
      expectRelativelyClose(result.pValue, pValue, 1e-9);
    });

    it('keeps accuracy in the far tail', () => {
      // scipy.stats.wilcoxon([i + 0.5 for i in range(1, 81)], method='asymptotic', correction=True)
      //   -> pvalue=7.999532481409323e-15, zstatistic=-7.767587107834761
      const d = Array.from({ length: 80 }, (_, k) => k + 1.5);
      expectRelativelyClose(wilcoxonSignedRank(d).pValue, 7.999532481409323e-15, 1e-9);
    });
  });

  it.each<[string, number[]]>([
    ['exact', [1.5, -0.5, 2.25, 3, -4.5, 6]],
    ['normal', tiedChanges(60)],
  ])('is symmetric under sign flip (%s path)', (_label, d) => {
    const original = wilcoxonSignedRank(d);
    const flipped = wilcoxonSignedRank(d.map((x) => -x));
    expect(flipped.vPlus).toBe(original.vMinus);
    expect(flipped.statistic).toBe(original.statistic);
    expect(flipped.pValue).toBeCloseTo(original.pValue as number, 14);
  });

  it.each([NaN, Infinity])('rejects a non-finite difference (%p)', (bad) => {
    expect(() => wilcoxonSignedRank([1, bad, 2])).toThrow(RangeError);
  });
});

describe('pairedTTest', () => {
  it("reproduces R's sleep data paired t-test", () => {
    // R: t.test(extra ~ group, data = sleep, paired = TRUE) -> t = -4.0621, df = 9, p-value = 0.002833
    // scipy.stats.ttest_rel(drug1, drug2) -> statistic=-4.062127683382037, pvalue=0.002832890197384273
    const result = pairedTTest(sleepDifferences);
    expect(result.n).toBe(10);
    expect(result.df).toBe(9);
    expect(result.t).toBeCloseTo(-4.062127683382037, 10);
    expect(result.pValue).toBeCloseTo(0.002832890197384273, 10);
    expect(result.meanChange).toBeCloseTo(-1.58, 12);
    expect(result.sd).toBeCloseTo(1.2299954832798732, 12);
  });

  it('reproduces the paired t-test on the Hollander & Wolfe data', () => {
    // scipy.stats.ttest_rel(x, y) -> pvalue=0.016176627434908088
    expect(pairedTTest(depressionDifferences).pValue).toBeCloseTo(0.016176627434908088, 10);
  });

  // scipy.stats.ttest_1samp(d, 0) -> statistic, pvalue
  it.each<[number[], number, number]>([
    [[1, 3], 2, 0.2951672353008665],
    [[2, 3, -1, 4], 1.851640199545103, 0.1611618472135195],
    [[2, 3, 0, -1, 4], 1.7253243712550146, 0.15955285269839398],
    [[0.5, 1.2, -0.3, 0.8, 1.1, 0.4, 0.9, -0.2], 2.762359612836575, 0.028000604942069053],
    [[1.5, -0.5, 2.25, 3, -4.5, 6], 0.8927380675520639, 0.41289702957778895],
  ])('d = %j -> t = %p, p = %p', (d, t, pValue) => {
    const result = pairedTTest(d);
    expect(result.df).toBe(d.length - 1);
    expect(result.t).toBeCloseTo(t, 10);
    expect(result.pValue).toBeCloseTo(pValue, 10);
  });

  it('keeps relative accuracy for a tiny p-value', () => {
    // scipy.stats.ttest_1samp([5 + ((i*7) % 11)/10 for i in range(30)], 0)
    //   -> statistic=93.17660528174304, pvalue=1.7440017347233025e-37
    const d = Array.from({ length: 30 }, (_, i) => 5 + ((i * 7) % 11) / 10);
    const result = pairedTTest(d);
    expectRelativelyClose(result.t, 93.17660528174304, 1e-10);
    expectRelativelyClose(result.pValue, 1.7440017347233025e-37, 1e-8);
  });

  it.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[3], null, 3],
  ])('has no statistic when n < 2: %j', (d, df, meanChange) => {
    expect(pairedTTest(d)).toEqual({ n: d.length, df, t: null, pValue: null, meanChange, sd: null });
  });

  it('has no statistic when all changes are equal (sd = 0)', () => {
    expect(pairedTTest([2, 2, 2])).toEqual({ n: 3, df: 2, t: null, pValue: null, meanChange: 2, sd: 0 });
  });
});

describe('summarizeChanges', () => {
  const toPairs = (before: number[], after: number[]): PairedObservation[] =>
    before.map((b, i) => ({ before: b, after: after[i] }));

  // Oriented changes (HIGHER_IS_BETTER): [2, 3, 0, -1, 4]
  const handPairs = toPairs([10, 12, 9, 11, 8], [12, 15, 9, 10, 12]);

  it('summarizes a hand-computable case (higher is better)', () => {
    const summary = summarizeChanges(handPairs, 'HIGHER_IS_BETTER');
    expect(summary).toMatchObject({ n: 5, improved: 3, unchanged: 1, worsened: 1, smallSample: false });
    expect(summary.meanBefore).toBeCloseTo(10, 12);
    expect(summary.meanAfter).toBeCloseTo(11.6, 12);
    expect(summary.meanChange).toBeCloseTo(1.6, 12);
    expect(summary.medianChange).toBe(2);
    // squared deviations 0.16 + 1.96 + 2.56 + 6.76 + 5.76 = 17.2; 17.2 / 4 = 4.3
    expect(summary.sdChange).toBeCloseTo(Math.sqrt(4.3), 12);
    expect(summary.cohensDz).toBeCloseTo(1.6 / Math.sqrt(4.3), 12);
    expect(summary.shareImproved).toBeCloseTo(0.6, 12);
    expect(summary.shareUnchanged).toBeCloseTo(0.2, 12);
    expect(summary.shareWorsened).toBeCloseTo(0.2, 12);
    // non-zero |d| = 2, 3, 1, 4 -> ranks 2, 3, 1, 4; W+ = 9, W- = 1; (9 - 1) / 10
    expect(summary.rankBiserial).toBeCloseTo(0.8, 12);
    // scipy.stats.wilcoxon([2, 3, 0, -1, 4]) -> statistic=1.0, pvalue=0.25
    expect(summary.wilcoxon).toMatchObject({ vPlus: 9, statistic: 1, nonZero: 4, method: 'exact' });
    expect(summary.wilcoxon.pValue).toBeCloseTo(0.25, 12);
    // scipy.stats.ttest_1samp([2, 3, 0, -1, 4], 0) -> statistic=1.7253243712550146, pvalue=0.15955285269839398
    expect(summary.tTest.t).toBeCloseTo(1.7253243712550146, 10);
    expect(summary.tTest.pValue).toBeCloseTo(0.15955285269839398, 10);
  });

  it('flips the sign of changes when lower is better, keeping raw means', () => {
    const summary = summarizeChanges(handPairs, 'LOWER_IS_BETTER');
    expect(summary).toMatchObject({ n: 5, improved: 1, unchanged: 1, worsened: 3 });
    expect(summary.meanBefore).toBeCloseTo(10, 12);
    expect(summary.meanAfter).toBeCloseTo(11.6, 12);
    expect(summary.meanChange).toBeCloseTo(-1.6, 12);
    expect(summary.medianChange).toBe(-2);
    expect(summary.sdChange).toBeCloseTo(Math.sqrt(4.3), 12);
    expect(summary.cohensDz).toBeCloseTo(-1.6 / Math.sqrt(4.3), 12);
    expect(summary.rankBiserial).toBeCloseTo(-0.8, 12);
    expect(summary.wilcoxon.vPlus).toBe(1);
    expect(summary.wilcoxon.pValue).toBeCloseTo(0.25, 12);
    expect(summary.tTest.t).toBeCloseTo(-1.7253243712550146, 10);
  });

  it('treats a drop on a lower-is-better scale as improvement (Hollander & Wolfe depression scores)', () => {
    // Change = -(second - first) = first - second, so V is R's V = 40 for wilcox.test(x, y, paired = TRUE).
    const summary = summarizeChanges(toPairs(depressionFirst, depressionSecond), 'LOWER_IS_BETTER');
    expect(summary).toMatchObject({ n: 9, improved: 7, unchanged: 0, worsened: 2, smallSample: false });
    expect(summary.wilcoxon.vPlus).toBe(40);
    expect(summary.wilcoxon.pValue).toBeCloseTo(0.0390625, 10);
    // scipy.stats.ttest_rel(x, y) -> pvalue=0.016176627434908088
    expect(summary.tTest.pValue).toBeCloseTo(0.016176627434908088, 10);
    // W- = ranks of |-0.147| and |-0.08| = 3 + 2 = 5; (40 - 5) / 45
    expect(summary.rankBiserial).toBeCloseTo(35 / 45, 12);
  });

  it('returns nulls, never NaN, for empty input', () => {
    const summary = summarizeChanges([], 'HIGHER_IS_BETTER');
    expect(summary).toEqual<ChangeSummary>({
      n: 0,
      meanBefore: null,
      meanAfter: null,
      meanChange: null,
      medianChange: null,
      sdChange: null,
      improved: 0,
      unchanged: 0,
      worsened: 0,
      shareImproved: null,
      shareUnchanged: null,
      shareWorsened: null,
      wilcoxon: { nonZero: 0, vPlus: 0, vMinus: 0, statistic: 0, z: null, pValue: null, method: 'none' },
      tTest: { n: 0, df: null, t: null, pValue: null, meanChange: null, sd: null },
      cohensDz: null,
      rankBiserial: null,
      smallSample: true,
    });
  });

  it.each([1, 2, 3, 4, 5, 6])('flags a small sample when n < 5 (n = %p)', (n) => {
    const pairs = Array.from({ length: n }, (_, i) => ({ before: i, after: 2 * i + 1 }));
    expect(summarizeChanges(pairs, 'HIGHER_IS_BETTER').smallSample).toBe(n < 5);
  });

  it('handles a single pair without NaN', () => {
    const summary = summarizeChanges([{ before: 3, after: 5 }], 'HIGHER_IS_BETTER');
    expect(summary).toMatchObject({ n: 1, meanChange: 2, medianChange: 2, sdChange: null, cohensDz: null });
    expect(summary.rankBiserial).toBe(1);
    expect(summary.wilcoxon.pValue).toBe(1);
    expect(summary.tTest.pValue).toBeNull();
  });

  it('handles all-equal changes (sd = 0): no d_z or t, but a Wilcoxon result', () => {
    const summary = summarizeChanges(toPairs([1, 2, 3, 4], [3, 4, 5, 6]), 'HIGHER_IS_BETTER');
    expect(summary.sdChange).toBe(0);
    expect(summary.cohensDz).toBeNull();
    expect(summary.tTest.t).toBeNull();
    expect(summary.tTest.pValue).toBeNull();
    expect(summary.rankBiserial).toBe(1);
    expect(summary.shareImproved).toBe(1);
    expect(summary.smallSample).toBe(true);
    // scipy.stats.wilcoxon([2,2,2,2], method='asymptotic', correction=True) -> pvalue=0.07186063822585158
    expect(summary.wilcoxon.pValue).toBeCloseTo(0.07186063822585158, 10);
  });

  it('has no rank-biserial correlation or Wilcoxon p when nothing changed', () => {
    const summary = summarizeChanges(toPairs([1, 2, 3], [1, 2, 3]), 'LOWER_IS_BETTER');
    expect(summary).toMatchObject({ improved: 0, unchanged: 3, worsened: 0, meanChange: 0, sdChange: 0 });
    expect(summary.shareUnchanged).toBe(1);
    expect(summary.rankBiserial).toBeNull();
    expect(summary.cohensDz).toBeNull();
    expect(summary.wilcoxon.method).toBe('none');
    expect(summary.wilcoxon.pValue).toBeNull();
  });

  it.each<[string, PairedObservation]>([
    ['NaN before value', { before: NaN, after: 1 }],
    ['infinite after value', { before: 1, after: Infinity }],
  ])('rejects a %s', (_label, pair) => {
    expect(() => summarizeChanges([pair], 'HIGHER_IS_BETTER')).toThrow(RangeError);
  });
});
