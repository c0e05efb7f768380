import type { QuestionTemplate } from '../questionnaires/questionnaire.templates';

/** One answer as given: exactly the field that fits the question's type is set. */
export interface GivenAnswer {
  questionKey: string;
  text?: string | null;
  choices?: string[] | null;
  rating?: number | null;
}

/** An answer as stored: normalised (trimmed text, choices in the questionnaire's order). */
export interface StoredAnswer {
  questionKey: string;
  text: string | null;
  choices: string[] | null;
  rating: number | null;
}

export type AnswerProblemCode = 'ANSWER_INVALID' | 'REQUIRED_ANSWER_MISSING';

export interface AnswerProblem {
  code: AnswerProblemCode;
  /** Path from the argument, e.g. `input.answers.3.rating`. */
  field: string;
  message: string;
}

export const MAX_TEXT_ANSWER = 5000;

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/**
 * Checks a whole set of answers against the questions of the version being answered: every
 * answer names a question once and fits its type (a choice among the options, a rating within the
 * scale, a non-empty text); every required question is answered. The first problem is returned,
 * so the respondent is told exactly which answer to fix.
 */
export function checkAnswers(
  questions: readonly QuestionTemplate[],
  given: readonly GivenAnswer[],
): { answers: StoredAnswer[]; problem: null } | { answers: null; problem: AnswerProblem } {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const seen = new Map<string, StoredAnswer>();
  for (const [index, answer] of given.entries()) {
    const at = `input.answers.${index}`;
    const fail = (message: string, field = at) => ({ answers: null, problem: { code: 'ANSWER_INVALID' as const, field, message } });
    const question = byKey.get(answer.questionKey);
    if (!question) return fail(`The questionnaire has no question "${answer.questionKey}"`, `${at}.questionKey`);
    if (seen.has(question.key)) return fail(`The question "${question.key}" is answered twice`, `${at}.questionKey`);
    const stored: StoredAnswer = { questionKey: question.key, text: null, choices: null, rating: null };
    const others = {
      text: present(answer.text),
      choices: present(answer.choices),
      rating: present(answer.rating),
    };
    switch (question.type) {
      case 'OPEN_TEXT': {
        if (others.choices || others.rating) return fail(`"${question.key}" is an open question: answer with text`);
        const text = answer.text?.trim() ?? '';
        if (!text) return fail(`"${question.key}" needs a text answer`, `${at}.text`);
        if (text.length > MAX_TEXT_ANSWER) return fail(`An answer may have at most ${MAX_TEXT_ANSWER} characters`, `${at}.text`);
        stored.text = text;
        break;
      }
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE': {
        if (others.text || others.rating) return fail(`"${question.key}" is a choice: answer with choices`);
        const choices = answer.choices ?? [];
        const options = question.options ?? [];
        if (choices.length === 0) return fail(`"${question.key}" needs a choice`, `${at}.choices`);
        if (question.type === 'SINGLE_CHOICE' && choices.length !== 1) return fail(`"${question.key}" takes exactly one choice`, `${at}.choices`);
        if (new Set(choices).size !== choices.length) return fail(`A choice is given twice for "${question.key}"`, `${at}.choices`);
        const unknown = choices.find((choice) => !options.includes(choice));
        if (unknown !== undefined) return fail(`"${unknown}" is not an option of "${question.key}"`, `${at}.choices`);
        stored.choices = options.filter((option) => choices.includes(option));
        break;
      }
      case 'RATING': {
        if (others.text || others.choices) return fail(`"${question.key}" is a rating: answer with a rating`);
        const scale = question.scale!;
        const rating = answer.rating;
        if (!present(rating) || !Number.isInteger(rating) || rating < scale.min || rating > scale.max) {
          return fail(`"${question.key}" takes a whole number from ${scale.min} to ${scale.max}`, `${at}.rating`);
        }
        stored.rating = rating;
        break;
      }
    }
    seen.set(question.key, stored);
  }
  const missing = questions.find((question) => question.required && !seen.has(question.key));
  if (missing) {
    return { answers: null, problem: { code: 'REQUIRED_ANSWER_MISSING', field: 'input.answers', message: `The question "${missing.key}" must be answered` } };
  }
  // Questionnaire order, so two submits of the same answers compare equal whatever their order.
  return { answers: questions.filter((q) => seen.has(q.key)).map((q) => seen.get(q.key)!), problem: null };
}

/** Two normalised answer sets say the same thing (a repeated submit changes nothing). */
export function sameAnswers(a: readonly StoredAnswer[], b: readonly StoredAnswer[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Values of measured parameters from a stage-2 response: the mean of the ratings of the items
 * that feed each parameter. Items are keyed in the parameter's direction (see the templates), so
 * no item is ever flipped.
 */
export function parameterValues(questions: readonly QuestionTemplate[], answers: readonly StoredAnswer[]): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  const byKey = new Map(answers.map((answer) => [answer.questionKey, answer]));
  for (const question of questions) {
    const rating = byKey.get(question.key)?.rating;
    if (!question.parameterKey || rating === null || rating === undefined) continue;
    const entry = sums.get(question.parameterKey) ?? { sum: 0, count: 0 };
    entry.sum += rating;
    entry.count += 1;
    sums.set(question.parameterKey, entry);
  }
  return new Map([...sums].map(([key, { sum, count }]) => [key, Math.round((sum / count) * 100) / 100]));
}
