import type { ClearingStep } from '@nastavnik/platform';

const PAIRS_OF_PERSON = `SELECT id FROM pair WHERE mentor_id = $1 UNION SELECT pair_id FROM pair_mentee WHERE mentee_id = $1`;
const PLANS_OF_PERSON = `SELECT id FROM development_plan WHERE mentee_id = $1`;

/**
 * Free texts the program database holds about or by a person; ids, dates, durations, statuses and
 * counts stay (a plan keeps as many goals, each replaced by the neutral text).
 */
export const PROGRAM_CLEARING: readonly ClearingStep[] = [
  {
    table: 'meeting',
    columns: ['topic', 'notes'],
    sql: `UPDATE meeting SET topic = $2, notes = NULL WHERE pair_id IN (${PAIRS_OF_PERSON}) AND (topic <> $2 OR notes IS NOT NULL)`,
  },
  { table: 'pair', columns: ['closing_note'], sql: `UPDATE pair SET closing_note = NULL WHERE id IN (${PAIRS_OF_PERSON}) AND closing_note IS NOT NULL` },
  {
    table: 'development_plan',
    columns: ['goals'],
    sql: `UPDATE development_plan SET goals = array_fill($2::text, ARRAY[cardinality(goals)]) WHERE mentee_id = $1 AND goals <> array_fill($2::text, ARRAY[cardinality(goals)])`,
  },
  { table: 'plan_task', columns: ['title'], sql: `UPDATE plan_task SET title = $2 WHERE plan_id IN (${PLANS_OF_PERSON}) AND title <> $2` },
  {
    table: 'award',
    columns: ['evidence', 'evidence_url'],
    sql: `UPDATE award SET evidence = $2, evidence_url = NULL WHERE (person_id = $1 OR pair_id IN (${PAIRS_OF_PERSON})) AND (evidence <> $2 OR evidence_url IS NOT NULL)`,
  },
  {
    table: 'roadmap_item',
    columns: ['responsible_label'],
    sql: `UPDATE roadmap_item SET responsible_label = NULL WHERE responsible_person_id = $1 AND responsible_label IS NOT NULL`,
  },
  {
    table: 'best_practice',
    columns: ['title', 'description', 'url', 'tags'],
    sql: `UPDATE best_practice SET title = $2, description = $2, url = NULL, tags = '{}' WHERE mentor_id = $1 AND (title <> $2 OR description <> $2 OR url IS NOT NULL OR tags <> '{}')`,
  },
];
