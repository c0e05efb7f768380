import { assembleStage1Questions, orderParameters, scorecardLevelOf, scoresOf, type ParameterRow, type Stage1ChoiceRow, type Stage1QuestionRow } from './report.section-sources';

const parameter = (key: string, name: string, shipped: boolean): ParameterRow => ({ key, name, scale_min: 1, scale_max: 5, direction: 'HIGHER_IS_BETTER', shipped });

describe('orderParameters', () => {
  it('puts the shipped catalogue first, then the municipality\'s own, each by name in Russian order', () => {
    const ordered = orderParameters([
      parameter('own_b', 'Ёмкость', false),
      parameter('anxiety', 'Тревожность', true),
      parameter('own_a', 'Доверие', false),
      parameter('motivation', 'Мотивация', true),
      parameter('adaptation', 'Адаптация', true),
    ]);
    expect(ordered.map((p) => p.key)).toEqual(['adaptation', 'motivation', 'anxiety', 'own_a', 'own_b']);
    expect(ordered[0]).toEqual({ key: 'adaptation', name: 'Адаптация', direction: 'HIGHER_IS_BETTER', scaleMin: 1, scaleMax: 5, catalogued: true });
  });

  it('breaks a tie of names by key', () => {
    expect(orderParameters([parameter('b', 'Same', true), parameter('a', 'Same', true)]).map((p) => p.key)).toEqual(['a', 'b']);
  });
});

describe('scorecardLevelOf', () => {
  it.each([
    [18, 'OPTIMAL'],
    [15, 'OPTIMAL'],
    [14, 'ACCEPTABLE'],
    [9, 'ACCEPTABLE'],
    [8, 'UNACCEPTABLE'],
    [0, 'UNACCEPTABLE'],
  ])('total %i → %s', (total, level) => expect(scorecardLevelOf(total)).toBe(level));
});

describe('scoresOf', () => {
  it('maps indicators to scores and leaves unscored ones out', () => {
    expect(scoresOf([{ indicator: 1, score: 2 }, { indicator: 2, score: null }, { indicator: 9, score: 0 }])).toEqual({ 1: 2, 9: 0 });
  });
  it('a scorecard without score rows has no scores', () => expect(scoresOf(null)).toEqual({}));
});

describe('assembleStage1Questions', () => {
  const row = (questionKey: string, type: string, extra: Partial<Stage1QuestionRow> = {}): Stage1QuestionRow => ({
    questionnaire_key: 'q',
    questionnaire_title: 'Анкета',
    respondent_role: 'MENTEE',
    question_key: questionKey,
    question_text: `Текст ${questionKey}`,
    question_type: type,
    options: [],
    responses: 0,
    mean_rating: null,
    open_answers: [],
    ...extra,
  });
  const chosen = (questionKey: string, choice: string, respondents: number, role = 'MENTEE'): Stage1ChoiceRow => ({ questionnaire_key: 'q', respondent_role: role, question_key: questionKey, choice, respondents });

  it('lists every option in the questionnaire\'s order, with 0 for the unchosen and older options last', () => {
    const [summary] = assembleStage1Questions(
      [row('formats', 'MULTIPLE_CHOICE', { options: ['Встречи', 'Уроки', 'Чат'], responses: 3 })],
      [chosen('formats', 'Чат', 1), chosen('formats', 'Встречи', 3), chosen('formats', 'Письма', 1), chosen('formats', 'Встречи', 1, 'MENTOR')],
    );
    expect(Object.entries(summary.choices)).toEqual([
      ['Встречи', 3],
      ['Уроки', 0],
      ['Чат', 1],
      ['Письма', 1],
    ]);
    expect(summary).toMatchObject({ questionnaireKey: 'q', questionnaireTitle: 'Анкета', questionKey: 'formats', questionText: 'Текст formats', respondentRole: 'MENTEE', responses: 3, meanRating: null, openAnswers: [] });
  });

  it('keeps the mean only for ratings and the open answers only for open questions', () => {
    const [rating, open, unanswered] = assembleStage1Questions(
      [
        row('rating', 'RATING', { responses: 2, mean_rating: 7.5 }),
        row('wishes', 'OPEN_TEXT', { responses: 2, open_answers: ['a', 'b'] }),
        row('useful', 'SINGLE_CHOICE', { options: ['Да', 'Нет'] }),
      ],
      [],
    );
    expect(rating).toMatchObject({ meanRating: 7.5, choices: {}, openAnswers: [] });
    expect(open).toMatchObject({ meanRating: null, choices: {}, openAnswers: ['a', 'b'] });
    expect(unanswered).toMatchObject({ responses: 0, meanRating: null, choices: { Да: 0, Нет: 0 } });
  });

  it('a rating nobody gave has no mean', () => {
    expect(assembleStage1Questions([row('rating', 'RATING')], [])[0].meanRating).toBeNull();
  });
});
