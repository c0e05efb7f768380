/**
 * Effectiveness scorecard — «Показатели эффективности реализации Программы наставничества»
 * (seed, section 6, stage 2). Nine indicators, each scored
 *   2 — «Производится в полной мере», 1 — «Частично проявляется», 0 — «Не проявляется»;
 * total 0..18: 15–18 «оптимальный уровень», 9–14 «допустимый уровень», 0–8 «недопустимый уровень».
 *
 * Score arrays: `scores[i]` is the score of indicator `i + 1`; `null` (or a missing position in a
 * shorter array) means "not scored yet". Pure functions only.
 */

export type ScorecardIndicatorNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export type IndicatorScore = 0 | 1 | 2;

export interface ScorecardIndicator {
  number: ScorecardIndicatorNumber;
  /** «Критерии» column of the seed table. */
  group: string;
  /** «Показатели» column of the seed table. */
  text: string;
}

/** The seed's three criteria («Критерии»), verbatim. */
export const SCORECARD_GROUPS = Object.freeze({
  PROGRAMME: 'Оценка Программы наставничества в организации',
  PARTICIPANTS: 'Определение эффективности участников наставнической деятельности в организации',
  MENTEE_CHANGES: 'Изменения в личности наставляемого',
} as const);

export const SCORECARD_INDICATORS: ReadonlyArray<ScorecardIndicator> = Object.freeze(
  (
    [
      { number: 1, group: SCORECARD_GROUPS.PROGRAMME, text: 'Соответствие наставнической деятельности цели и задачам, по которым она осуществляется' },
      { number: 2, group: SCORECARD_GROUPS.PROGRAMME, text: 'Оценка соответствия организации наставнической деятельности принципам, заложенным в программе' },
      { number: 3, group: SCORECARD_GROUPS.PROGRAMME, text: 'Соответствие наставнической деятельности современным подходам и технологиям' },
      { number: 4, group: SCORECARD_GROUPS.PROGRAMME, text: 'Наличие комфортного психологического климата в организации' },
      {
        number: 5,
        group: SCORECARD_GROUPS.PROGRAMME,
        text: 'Логичность деятельности наставника, понимание им ситуации наставляемого и правильность выбора основного направления взаимодействия',
      },
      { number: 6, group: SCORECARD_GROUPS.PARTICIPANTS, text: 'Степень удовлетворенности всех участников наставнической деятельности' },
      { number: 7, group: SCORECARD_GROUPS.PARTICIPANTS, text: 'Уровень удовлетворенности партнера от взаимодействия в наставнической деятельности' },
      { number: 8, group: SCORECARD_GROUPS.MENTEE_CHANGES, text: 'Активность и заинтересованность в участии в мероприятиях, связанных с наставнической деятельностью' },
      {
        number: 9,
        group: SCORECARD_GROUPS.MENTEE_CHANGES,
        text: 'Степень применения наставляемыми полученных от наставника знаний, умений и опыта в профессиональных (учебных, жизненных) ситуациях, активная гражданская позиция',
      },
    ] satisfies ScorecardIndicator[]
  ).map((indicator) => Object.freeze(indicator)),
);

export const SCORECARD_INDICATOR_COUNT = 9;
export const SCORECARD_MAX_TOTAL = 18;

/** Column headings of the seed table for each score value. */
export const INDICATOR_SCORE_LABELS: Readonly<Record<IndicatorScore, string>> = Object.freeze({
  2: 'Производится в полной мере',
  1: 'Частично проявляется',
  0: 'Не проявляется',
});

export type ScorecardLevel = 'OPTIMAL' | 'ACCEPTABLE' | 'UNACCEPTABLE';

/** The seed's words: «оптимальный уровень», «допустимый уровень», «недопустимый уровень». */
export const SCORECARD_LEVEL_LABELS: Readonly<Record<ScorecardLevel, string>> = Object.freeze({
  OPTIMAL: 'оптимальный уровень',
  ACCEPTABLE: 'допустимый уровень',
  UNACCEPTABLE: 'недопустимый уровень',
});

/** Inclusive total ranges of each level. */
export const SCORECARD_LEVEL_RANGES: Readonly<Record<ScorecardLevel, Readonly<{ min: number; max: number }>>> =
  Object.freeze({
    OPTIMAL: Object.freeze({ min: 15, max: 18 }),
    ACCEPTABLE: Object.freeze({ min: 9, max: 14 }),
    UNACCEPTABLE: Object.freeze({ min: 0, max: 8 }),
  });

/** True only for the integers 0, 1 and 2. */
export function validateIndicatorScore(value: number): boolean {
  return value === 0 || value === 1 || value === 2;
}

/**
 * Sum of the scores given so far (nulls are skipped).
 * Throws RangeError for more than nine entries or an invalid score: a silently wrong total
 * would put a school on the wrong level.
 */
export function scorecardTotal(scores: ReadonlyArray<number | null>): number {
  if (scores.length > SCORECARD_INDICATOR_COUNT) {
    throw new RangeError(`a scorecard has ${SCORECARD_INDICATOR_COUNT} indicators, got ${scores.length} scores`);
  }
  let total = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const score = scores[i];
    if (score === null || score === undefined) continue;
    if (!validateIndicatorScore(score)) {
      throw new RangeError(`indicator ${i + 1}: score must be 0, 1 or 2, got ${score}`);
    }
    total += score;
  }
  return total;
}

/** Level of a total 0..18. Throws RangeError outside 0..18 or for a non-integer. */
export function scorecardLevel(total: number): ScorecardLevel {
  if (!Number.isInteger(total) || total < 0 || total > SCORECARD_MAX_TOTAL) {
    throw new RangeError(`scorecard total must be an integer 0..${SCORECARD_MAX_TOTAL}, got ${total}`);
  }
  if (total >= SCORECARD_LEVEL_RANGES.OPTIMAL.min) return 'OPTIMAL';
  if (total >= SCORECARD_LEVEL_RANGES.ACCEPTABLE.min) return 'ACCEPTABLE';
  return 'UNACCEPTABLE';
}

/** Numbers (1..9) of the indicators not scored yet: null, or absent from a shorter array. */
export function missingIndicators(scores: ReadonlyArray<number | null>): ScorecardIndicatorNumber[] {
  const missing: ScorecardIndicatorNumber[] = [];
  for (const { number } of SCORECARD_INDICATORS) {
    const score = scores[number - 1];
    if (score === null || score === undefined) missing.push(number);
  }
  return missing;
}

/** A scorecard can be finalised when it has exactly nine scores, each 0, 1 or 2. */
export function canFinalise(scores: ReadonlyArray<number | null>): boolean {
  return scores.length === SCORECARD_INDICATOR_COUNT && scores.every((s) => s !== null && validateIndicatorScore(s));
}
