import { experienceSinceFromYears, experienceYears, isYoungSpecialist, resolveExperienceSince, YOUNG_SPECIALIST_MAX_YEARS } from './experience.rules';

describe('experienceYears', () => {
  it.each([
    ['anniversary not yet reached (one day before)', '2020-09-01', '2025-08-31', 4],
    ['anniversary not yet reached (earlier month)', '2020-09-01', '2025-03-15', 4],
    ['exactly on the anniversary', '2020-09-01', '2025-09-01', 5],
    ['the day after the anniversary', '2020-09-01', '2025-09-02', 5],
    ['started today', '2025-09-01', '2025-09-01', 0],
    ['less than a year', '2024-12-31', '2025-12-30', 0],
    ['start in the future', '2026-01-01', '2025-09-01', 0],
    ['start many years in the future', '2040-01-01', '2025-09-01', 0],
    ['started on 29 February, on 28 February of a common year', '2020-02-29', '2021-02-28', 0],
    ['started on 29 February, on 1 March of a common year', '2020-02-29', '2021-03-01', 1],
    ['started on 29 February, on 29 February four years later', '2020-02-29', '2024-02-29', 4],
    ['across the turn of the year', '2015-12-31', '2025-01-01', 9],
  ])('%s: %s → %s is %i years', (_case, since, asOf, years) => {
    expect(experienceYears(since, asOf)).toBe(years);
  });

  it('refuses a value that is not a calendar date', () => {
    expect(() => experienceYears('2025-02-30', '2025-09-01')).toThrow(RangeError);
    expect(() => experienceYears('2020-09-01', '01.09.2025')).toThrow(RangeError);
  });
});

describe('experienceSinceFromYears', () => {
  it.each([
    [0, '2025-09-01', '2025-09-01'],
    [1, '2025-09-01', '2024-09-01'],
    [10, '2025-03-15', '2015-03-15'],
    // 29 February has no match in a common year: the start steps back to 28 February.
    [1, '2024-02-29', '2023-02-28'],
    [3, '2024-02-29', '2021-02-28'],
    // …and stays on 29 February when the start year is a leap year too.
    [4, '2024-02-29', '2020-02-29'],
    [1, '2025-03-01', '2024-03-01'],
    [1, '2025-12-31', '2024-12-31'],
  ])('%i years as of %s started on %s', (years, asOf, since) => {
    expect(experienceSinceFromYears(years, asOf)).toBe(since);
  });

  it.each([
    ['2024-02-29', 0],
    ['2024-02-29', 1],
    ['2024-02-29', 3],
    ['2024-02-29', 4],
    ['2025-02-28', 1],
    ['2025-03-01', 1],
    ['2025-03-01', 5],
    ['2025-12-31', 7],
    ['2026-01-01', 40],
  ])('gives back exactly the years on %s (%i years)', (asOf, years) => {
    expect(experienceYears(experienceSinceFromYears(years, asOf), asOf)).toBe(years);
  });
});

describe('isYoungSpecialist', () => {
  it('treats 0–3 whole years as a young specialist', () => {
    expect(YOUNG_SPECIALIST_MAX_YEARS).toBe(3);
  });

  it.each([
    ['started today', '2025-09-01', '2025-09-01', true],
    ['2 years', '2023-09-01', '2025-09-01', true],
    ['3 years and 364 days', '2021-09-01', '2025-08-31', true],
    ['exactly 3 years', '2022-09-01', '2025-09-01', true],
    ['exactly 4 years', '2021-09-01', '2025-09-01', false],
    ['4 years and a day', '2021-08-31', '2025-09-01', false],
    ['10 years', '2015-09-01', '2025-09-01', false],
    ['start in the future', '2026-09-01', '2025-09-01', true],
  ])('%s (%s as of %s) → %s', (_case, since, asOf, young) => {
    expect(isYoungSpecialist(since, asOf)).toBe(young);
  });
});

describe('resolveExperienceSince', () => {
  const asOf = '2025-09-01';

  it('keeps a date given alone', () => {
    expect(resolveExperienceSince({ pedagogicalExperienceSince: '2019-11-05' }, asOf)).toBe('2019-11-05');
    expect(resolveExperienceSince({ pedagogicalExperienceSince: '2019-11-05', pedagogicalExperienceYears: null }, asOf)).toBe('2019-11-05');
  });

  it('turns years given alone into a start date', () => {
    expect(resolveExperienceSince({ pedagogicalExperienceYears: 6 }, asOf)).toBe('2019-09-01');
    expect(resolveExperienceSince({ pedagogicalExperienceSince: null, pedagogicalExperienceYears: 6 }, asOf)).toBe('2019-09-01');
  });

  it('takes zero years as a start today, not as “not given”', () => {
    expect(resolveExperienceSince({ pedagogicalExperienceYears: 0 }, asOf)).toBe(asOf);
  });

  it('keeps the date when both are given and agree', () => {
    expect(resolveExperienceSince({ pedagogicalExperienceSince: '2019-11-05', pedagogicalExperienceYears: 5 }, asOf)).toBe('2019-11-05');
  });

  it.each([
    ['one year too many', '2019-11-05', 6],
    ['one year too few', '2019-11-05', 4],
    ['the anniversary is tomorrow', '2019-09-02', 6],
  ])('refuses both when they disagree (%s)', (_case, since, years) => {
    expect(() => resolveExperienceSince({ pedagogicalExperienceSince: since, pedagogicalExperienceYears: years }, asOf)).toThrow(RangeError);
  });

  it('answers nothing when neither is given', () => {
    expect(resolveExperienceSince({}, asOf)).toBeUndefined();
    expect(resolveExperienceSince({ pedagogicalExperienceSince: null, pedagogicalExperienceYears: null }, asOf)).toBeUndefined();
  });
});
