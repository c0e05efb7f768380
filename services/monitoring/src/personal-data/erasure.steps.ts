import type { ClearingStep } from '@nastavnik/platform';

const RESPONSES_OF_PERSON = `SELECT id FROM response WHERE respondent_id = $1`;

/**
 * Free texts the monitoring database holds about or by a person: open answers (also in the revision
 * history), psychologists' conclusions, satisfaction comments. Ratings, choices, scores and
 * measurements stay, so every figure computed from them stays the same.
 */
export const MONITORING_CLEARING: readonly ClearingStep[] = [
  {
    table: 'answer',
    columns: ['text_value'],
    sql: `UPDATE answer SET text_value = NULL WHERE response_id IN (${RESPONSES_OF_PERSON}) AND text_value IS NOT NULL`,
  },
  {
    table: 'response_revision',
    columns: ['answers.text'],
    sql: `UPDATE response_revision SET answers = (
            SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(a -> 'text') = 'string' THEN jsonb_set(a, '{text}', 'null') ELSE a END ORDER BY n), '[]'::jsonb)
            FROM jsonb_array_elements(answers) WITH ORDINALITY AS e(a, n))
          WHERE response_id IN (${RESPONSES_OF_PERSON}) AND jsonb_path_exists(answers, '$[*] ? (@.text.type() == "string")')`,
  },
  {
    table: 'compatibility_result',
    columns: ['conclusion'],
    sql: `UPDATE compatibility_result SET conclusion = NULL WHERE (mentor_id = $1 OR mentee_id = $1) AND conclusion IS NOT NULL`,
  },
  { table: 'satisfaction_check', columns: ['comment'], sql: `UPDATE satisfaction_check SET comment = NULL WHERE person_id = $1 AND comment IS NOT NULL` },
];
