import type { QuestionTemplate } from '../questionnaires/questionnaire.templates';
import { checkAnswers, parameterValues, sameAnswers, type GivenAnswer } from './answer.rules';

const questions: QuestionTemplate[] = [
  { key: 'form', text: 'Форма', type: 'SINGLE_CHOICE', required: true, options: ['А', 'Б', 'В'] },
  { key: 'useful', text: 'Полезное', type: 'MULTIPLE_CHOICE', required: false, options: ['X', 'Y', 'Z'] },
  { key: 'satisfaction', text: 'Удовлетворённость', type: 'RATING', required: true, scale: { min: 1, max: 10, minLabel: 'мало', maxLabel: 'много' } },
  { key: 'comment', text: 'Комментарий', type: 'OPEN_TEXT', required: false },
];
const valid: GivenAnswer[] = [
  { questionKey: 'form', choices: ['Б'] },
  { questionKey: 'satisfaction', rating: 7 },
];

describe('checkAnswers', () => {
  it.each<[string, GivenAnswer[], string, string]>([
    ['an unknown question', [...valid, { questionKey: 'nope', text: 'x' }], 'ANSWER_INVALID', 'input.answers.2.questionKey'],
    ['a question answered twice', [...valid, { questionKey: 'form', choices: ['А'] }], 'ANSWER_INVALID', 'input.answers.2.questionKey'],
    ['a choice that is not an option', [{ questionKey: 'form', choices: ['Г'] }, valid[1]!], 'ANSWER_INVALID', 'input.answers.0.choices'],
    ['two choices for a single choice', [{ questionKey: 'form', choices: ['А', 'Б'] }, valid[1]!], 'ANSWER_INVALID', 'input.answers.0.choices'],
    ['no choice', [{ questionKey: 'form', choices: [] }, valid[1]!], 'ANSWER_INVALID', 'input.answers.0.choices'],
    ['a repeated option', [...valid, { questionKey: 'useful', choices: ['X', 'X'] }], 'ANSWER_INVALID', 'input.answers.2.choices'],
    ['a rating above the scale', [valid[0]!, { questionKey: 'satisfaction', rating: 11 }], 'ANSWER_INVALID', 'input.answers.1.rating'],
    ['a rating below the scale', [valid[0]!, { questionKey: 'satisfaction', rating: 0 }], 'ANSWER_INVALID', 'input.answers.1.rating'],
    ['a fractional rating', [valid[0]!, { questionKey: 'satisfaction', rating: 7.5 }], 'ANSWER_INVALID', 'input.answers.1.rating'],
    ['text for a rating', [valid[0]!, { questionKey: 'satisfaction', text: 'семь' }], 'ANSWER_INVALID', 'input.answers.1'],
    ['an empty text', [...valid, { questionKey: 'comment', text: '   ' }], 'ANSWER_INVALID', 'input.answers.2.text'],
    ['a missing required question', [valid[0]!], 'REQUIRED_ANSWER_MISSING', 'input.answers'],
  ])('refuses %s', (_case, given, code, field) => {
    const result = checkAnswers(questions, given);
    expect(result.problem).toMatchObject({ code, field });
  });

  it('accepts valid answers and stores them in questionnaire order, choices in option order, text trimmed', () => {
    const result = checkAnswers(questions, [
      { questionKey: 'comment', text: '  спасибо ' },
      { questionKey: 'satisfaction', rating: 10 },
      { questionKey: 'useful', choices: ['Z', 'X'] },
      { questionKey: 'form', choices: ['А'] },
    ]);
    expect(result.problem).toBeNull();
    expect(result.answers).toEqual([
      { questionKey: 'form', text: null, choices: ['А'], rating: null },
      { questionKey: 'useful', text: null, choices: ['X', 'Z'], rating: null },
      { questionKey: 'satisfaction', text: null, choices: null, rating: 10 },
      { questionKey: 'comment', text: 'спасибо', choices: null, rating: null },
    ]);
  });

  it('accepts the rating bounds themselves', () => {
    expect(checkAnswers(questions, [valid[0]!, { questionKey: 'satisfaction', rating: 1 }]).problem).toBeNull();
    expect(checkAnswers(questions, [valid[0]!, { questionKey: 'satisfaction', rating: 10 }]).problem).toBeNull();
  });

  it('treats the same answers in another order as the same', () => {
    const a = checkAnswers(questions, valid).answers!;
    const b = checkAnswers(questions, [...valid].reverse()).answers!;
    expect(sameAnswers(a, b)).toBe(true);
    expect(sameAnswers(a, checkAnswers(questions, [valid[0]!, { questionKey: 'satisfaction', rating: 8 }]).answers!)).toBe(false);
  });
});

describe('parameterValues', () => {
  const stage2: QuestionTemplate[] = [
    { key: 'a', text: 'a', type: 'RATING', required: true, parameterKey: 'motivation', scale: { min: 1, max: 5, minLabel: '-', maxLabel: '+' } },
    { key: 'b', text: 'b', type: 'RATING', required: true, parameterKey: 'motivation', scale: { min: 1, max: 5, minLabel: '-', maxLabel: '+' } },
    { key: 'c', text: 'c', type: 'RATING', required: true, parameterKey: 'anxiety', scale: { min: 1, max: 5, minLabel: '-', maxLabel: '+' } },
    { key: 'd', text: 'd', type: 'RATING', required: false, parameterKey: 'fatigue', scale: { min: 1, max: 5, minLabel: '-', maxLabel: '+' } },
  ];
  it('averages the items of each parameter and leaves out unanswered parameters', () => {
    const answers = checkAnswers(stage2, [
      { questionKey: 'a', rating: 4 },
      { questionKey: 'b', rating: 5 },
      { questionKey: 'c', rating: 2 },
    ]).answers!;
    expect(Object.fromEntries(parameterValues(stage2, answers))).toEqual({ motivation: 4.5, anxiety: 2 });
  });
});
