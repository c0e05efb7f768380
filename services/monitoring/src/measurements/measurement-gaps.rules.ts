import { STAGE2_TEMPLATES, type QuestionnaireTemplate } from '../questionnaires/questionnaire.templates';

/**
 * Parameters of the stage-2 instruments a participant answers: a mentee those of the instruments
 * of their categories, a mentor those of the mentors' instrument.
 */
export function instrumentParameters(
  role: 'MENTOR' | 'MENTEE',
  categories: readonly string[],
  instruments: readonly QuestionnaireTemplate[] = STAGE2_TEMPLATES,
): string[] {
  const keys = new Set<string>();
  for (const instrument of instruments) {
    if (instrument.respondentRole !== role) continue;
    if (role === 'MENTEE' && (!instrument.menteeCategory || !categories.includes(instrument.menteeCategory))) continue;
    for (const question of instrument.questions) if (question.parameterKey) keys.add(question.parameterKey);
  }
  return [...keys].sort();
}

export interface MeasurementGap {
  missingBefore: string[];
  missingAfter: string[];
}

/**
 * «Все зависящие от воздействия Программы наставничества параметры фиксируются дважды»: every
 * parameter of the participant's instruments, and every parameter already measured once (e.g. one
 * the municipality added), needs both a before and an after value.
 */
export function measurementGap(expected: readonly string[], values: readonly { parameterKey: string; stage: string }[]): MeasurementGap {
  const keys = new Set([...expected, ...values.map((value) => value.parameterKey)]);
  const has = (key: string, stage: string) => values.some((value) => value.parameterKey === key && value.stage === stage);
  const sorted = [...keys].sort();
  return {
    missingBefore: sorted.filter((key) => !has(key, 'BEFORE')),
    missingAfter: sorted.filter((key) => !has(key, 'AFTER')),
  };
}
