/**
 * Pure statistics for a paired (before/after) comparison of measured parameters.
 *
 * Conventions follow R (`wilcox.test(paired = TRUE)`, `t.test(paired = TRUE)`) and SciPy
 * (`scipy.stats.wilcoxon`, `scipy.stats.ttest_rel`). No dependencies beyond the language.
 */

export type ChangeDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

export interface PairedObservation {
  before: number;
  after: number;
}

export type WilcoxonMethod = 'exact' | 'normal' | 'none';

export interface WilcoxonResult {
  /** Number of non-zero differences actually ranked. */
  nonZero: number;
  /** Sum of ranks of positive differences (R's V). */
  vPlus: number;
  /** Sum of ranks of negative differences. */
  vMinus: number;
  /** min(W+, W−), SciPy's two-sided statistic. */
  statistic: number;
  /** Continuity-corrected z of the normal approximation; null for the exact and empty cases. */
  z: number | null;
  /** Two-sided p-value; null when no non-zero difference remains. */
  pValue: number | null;
  method: WilcoxonMethod;
}

export interface PairedTTestResult {
  n: number;
  df: number | null;
  t: number | null;
  pValue: number | null;
  meanChange: number | null;
  sd: number | null;
}

export interface ChangeSummary {
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  medianChange: number | null;
  sdChange: number | null;
  improved: number;
  unchanged: number;
  worsened: number;
  shareImproved: number | null;
  shareUnchanged: number | null;
  shareWorsened: number | null;
  wilcoxon: WilcoxonResult;
  tTest: PairedTTestResult;
  cohensDz: number | null;
  rankBiserial: number | null;
  smallSample: boolean;
}

/** Below this many non-zero differences (and without ties) the exact null distribution is used, as in R. */
const EXACT_WILCOXON_LIMIT = 50;
const SMALL_SAMPLE_LIMIT = 5;

// ---------------------------------------------------------------------------
// Descriptive statistics
// ---------------------------------------------------------------------------

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Sample standard deviation (denominator n − 1); null when n < 2. */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  // Identical values must give exactly 0 (the mean may carry rounding error, e.g. for 0.1).
  if (values.every((v) => v === values[0])) return 0;
  const m = mean(values) as number;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

// ---------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------

/**
 * Complementary error function, W. J. Cody's rational Chebyshev approximations
 * (Math. Comp. 1969; netlib specfun CALERF), relative accuracy close to machine precision.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - x * erfSmallRatio(y);
  let result: number;
  if (y <= 4) {
    result = scaledExpMinusSquare(y) * erfcMiddleRatio(y);
  } else if (y >= 26.543) {
    result = 0; // underflows a double
  } else {
    result = scaledExpMinusSquare(y) * erfcLargeRatio(y);
  }
  return x < 0 ? 2 - result : result;
}

const ERF_A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const ERF_B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const ERFC_C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const ERFC_D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const ERFC_P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
];
const ERFC_Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const SQRT_1_PI = 0.56418958354775628695;

/** erf(y) / y for |y| ≤ 0.46875. */
function erfSmallRatio(y: number): number {
  const ysq = y > 1.11e-16 ? y * y : 0;
  let num = ERF_A[4] * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_A[i]) * ysq;
    den = (den + ERF_B[i]) * ysq;
  }
  return (num + ERF_A[3]) / (den + ERF_B[3]);
}

/** exp(y²) · erfc(y) for 0.46875 < y ≤ 4. */
function erfcMiddleRatio(y: number): number {
  let num = ERFC_C[8] * y;
  let den = y;
  for (let i = 0; i < 7; i++) {
    num = (num + ERFC_C[i]) * y;
    den = (den + ERFC_D[i]) * y;
  }
  return (num + ERFC_C[7]) / (den + ERFC_D[7]);
}

/** exp(y²) · erfc(y) for y > 4. */
function erfcLargeRatio(y: number): number {
  const ysq = 1 / (y * y);
  let num = ERFC_P[5] * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + ERFC_P[i]) * ysq;
    den = (den + ERFC_Q[i]) * ysq;
  }
  return (SQRT_1_PI - (ysq * (num + ERFC_P[4])) / (den + ERFC_Q[4])) / y;
}

/** exp(−y²) computed in two factors so that rounding of y² does not cost relative accuracy (Cody). */
function scaledExpMinusSquare(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const tail = (y - head) * (y + head);
  return Math.exp(-head * head) * Math.exp(-tail);
}

/** Standard normal CDF Φ(x) = erfc(−x/√2)/2, accurate in both tails. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/** Regularized incomplete beta I_x(a, b) (Numerical Recipes `betai`). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The continued fraction converges fast only on this side of the mean; use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Continued fraction for the incomplete beta, modified Lentz's method (Numerical Recipes `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const maxIterations = 10000;
  const epsilon = 1e-16;
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = nonZero(1 - (qab * x) / qap, tiny);
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    const evenStep = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 / nonZero(1 + evenStep * d, tiny);
    c = nonZero(1 + evenStep / c, tiny);
    h *= d * c;
    const oddStep = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 / nonZero(1 + oddStep * d, tiny);
    c = nonZero(1 + oddStep / c, tiny);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) return h;
  }
  throw new Error(`Incomplete beta continued fraction did not converge (a=${a}, b=${b}, x=${x})`);
}

function nonZero(value: number, tiny: number): number {
  return Math.abs(value) < tiny ? tiny : value;
}

/** Two-sided tail P(|T| ≥ |t|) of Student's t with df degrees of freedom. */
function studentTTwoSidedTail(t: number, df: number): number {
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Student t CDF P(T ≤ t), df > 0. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be positive, got ${df}`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const halfTail = studentTTwoSidedTail(t, df) / 2;
  return t < 0 ? halfTail : 1 - halfTail;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

function assertFinite(values: readonly number[], what: string): void {
  const bad = values.find((v) => !Number.isFinite(v));
  if (bad !== undefined) throw new RangeError(`${what} must be finite numbers, got ${bad}`);
}

/** Ranks 1..n with ties given their average rank; also returns the sizes of tie groups. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((v, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = averageRank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/** Number of subsets of {1..n} with each rank sum 0..n(n+1)/2. Counts ≤ 2^49 stay exact in doubles. */
function signedRankCounts(n: number): number[] {
  const maxSum = (n * (n + 1)) / 2;
  const counts = new Array<number>(maxSum + 1).fill(0);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let sum = maxSum; sum >= rank; sum--) counts[sum] += counts[sum - rank];
  }
  return counts;
}

function exactSignedRankPValue(vPlus: number, n: number): number {
  const counts = signedRankCounts(n);
  const total = 2 ** n;
  let lower = 0;
  let upper = 0;
  counts.forEach((count, sum) => {
    if (sum <= vPlus) lower += count;
    if (sum >= vPlus) upper += count;
  });
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/** Normal approximation with tie-corrected variance and a 0.5 continuity correction (R's `correct = TRUE`). */
function normalSignedRank(vPlus: number, n: number, tieSizes: readonly number[]): { z: number; pValue: number } {
  const tieTerm = tieSizes.reduce((acc, t) => acc + t ** 3 - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const deviation = vPlus - (n * (n + 1)) / 4;
  const z = (deviation - Math.sign(deviation) * 0.5) / sigma;
  const pValue = Math.min(1, Math.max(0, 2 * normalCdf(-Math.abs(z))));
  return { z, pValue };
}

/**
 * Two-sided Wilcoxon signed-rank test of the changes against 0.
 * Zero differences are dropped (zero_method='wilcox'); exact when fewer than 50 remain and |d| has no
 * ties, otherwise the normal approximation as in R's `wilcox.test(paired = TRUE, correct = TRUE)`.
 */
export function wilcoxonSignedRank(changes: readonly number[]): WilcoxonResult {
  assertFinite(changes, 'Changes');
  const nonZeroChanges = changes.filter((d) => d !== 0);
  const n = nonZeroChanges.length;
  if (n === 0) {
    return { nonZero: 0, vPlus: 0, vMinus: 0, statistic: 0, z: null, pValue: null, method: 'none' };
  }
  const { ranks, tieSizes } = averageRanks(nonZeroChanges.map(Math.abs));
  let vPlus = 0;
  nonZeroChanges.forEach((d, i) => {
    if (d > 0) vPlus += ranks[i];
  });
  const vMinus = (n * (n + 1)) / 2 - vPlus;
  const statistic = Math.min(vPlus, vMinus);
  const hasTies = tieSizes.some((size) => size > 1);
  if (n < EXACT_WILCOXON_LIMIT && !hasTies) {
    return { nonZero: n, vPlus, vMinus, statistic, z: null, pValue: exactSignedRankPValue(vPlus, n), method: 'exact' };
  }
  const { z, pValue } = normalSignedRank(vPlus, n, tieSizes);
  return { nonZero: n, vPlus, vMinus, statistic, z, pValue, method: 'normal' };
}

/** Two-sided one-sample t-test of the mean change against 0 (equivalent to the paired t-test). */
export function pairedTTest(changes: readonly number[]): PairedTTestResult {
  assertFinite(changes, 'Changes');
  const n = changes.length;
  const meanChange = mean(changes);
  const sd = sampleStandardDeviation(changes);
  const df = n >= 2 ? n - 1 : null;
  // With n < 2 there is no variance estimate, and with sd = 0 the statistic is ±∞ or 0/0:
  // a p-value would be meaningless, so t and p are reported as null instead.
  if (meanChange === null || sd === null || df === null || sd === 0) {
    return { n, df, t: null, pValue: null, meanChange, sd };
  }
  const t = meanChange / (sd / Math.sqrt(n));
  return { n, df, t, pValue: studentTTwoSidedTail(t, df), meanChange, sd };
}

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

/** Change oriented so that a positive value always means improvement. */
function orientedChange(pair: PairedObservation, direction: ChangeDirection): number {
  // Subtract in the oriented order rather than negating, so that "no change" is +0, never -0.
  return direction === 'LOWER_IS_BETTER' ? pair.before - pair.after : pair.after - pair.before;
}

function share(count: number, n: number): number | null {
  return n === 0 ? null : count / n;
}

function rankBiserialCorrelation(result: WilcoxonResult): number | null {
  const total = result.vPlus + result.vMinus;
  return total === 0 ? null : (result.vPlus - result.vMinus) / total;
}

export function summarizeChanges(
  pairs: ReadonlyArray<PairedObservation>,
  direction: ChangeDirection,
): ChangeSummary {
  const before = pairs.map((p) => p.before);
  const after = pairs.map((p) => p.after);
  assertFinite(before, 'Before values');
  assertFinite(after, 'After values');
  const changes = pairs.map((p) => orientedChange(p, direction));
  const n = changes.length;
  const improved = changes.filter((d) => d > 0).length;
  const worsened = changes.filter((d) => d < 0).length;
  const unchanged = n - improved - worsened;
  const meanChange = mean(changes);
  const sdChange = sampleStandardDeviation(changes);
  const wilcoxon = wilcoxonSignedRank(changes);
  return {
    n,
    meanBefore: mean(before),
    meanAfter: mean(after),
    meanChange,
    medianChange: median(changes),
    sdChange,
    improved,
    unchanged,
    worsened,
    shareImproved: share(improved, n),
    shareUnchanged: share(unchanged, n),
    shareWorsened: share(worsened, n),
    wilcoxon,
    tTest: pairedTTest(changes),
    cohensDz: meanChange !== null && sdChange !== null && sdChange !== 0 ? meanChange / sdChange : null,
    rankBiserial: rankBiserialCorrelation(wilcoxon),
    smallSample: n < SMALL_SAMPLE_LIMIT,
  };
}
