/**
 * The worker's default section sources: set-based, read-only SQL over the services' own tables.
 * Like report.sources.ts, every statement is fenced by `municipality_id` and runs inside a
 * REPEATABLE READ, READ ONLY transaction (`readOnly`), so a source sees one snapshot and cannot write.
 * Shaping that needs no database (ordering, filling in choices, levels) is in pure helpers below.
 */
import { today } from '@nastavnik/platform';
import type { Pool } from 'pg';
import type { ParameterInfo } from './report.model';
import type {
  ParameterCatalogue,
  ProgrammeActivity,
  ProgrammeActivitySource,
  ProgramScorecard,
  ScorecardLevel,
  ScorecardSource,
  Stage1QuestionSummary,
  Stage1ResponseRate,
  Stage1SurveySource,
} from './report.seams';
import { readOnly, type ReportDatabases } from './report.sources';

// ── Parameters ───────────────────────────────────────────────────────────────────────────

export interface ParameterRow {
  key: string;
  name: string;
  scale_min: number;
  scale_max: number;
  direction: ParameterInfo['direction'];
  shipped: boolean;
}

/**
 * Sheet order of the parameters: the shipped catalogue first, then the municipality's own; within
 * each alphabetically by name (the reader's order; the table keeps no catalogue position).
 */
export function orderParameters(rows: readonly ParameterRow[]): ParameterInfo[] {
  return [...rows]
    .sort((a, b) => Number(b.shipped) - Number(a.shipped) || a.name.localeCompare(b.name, 'ru') || a.key.localeCompare(b.key))
    .map((r) => ({ key: r.key, name: r.name, direction: r.direction, scaleMin: r.scale_min, scaleMax: r.scale_max, catalogued: true }));
}

/**
 * Monitoring's `parameter` table: the shipped rows (municipality_id NULL) and the municipality's own,
 * the rule of the monitoring service's ParameterService. A key is never both (the service refuses a
 * municipal key of the shipped catalogue); should it happen, the shipped row wins.
 */
export function sqlParameterCatalogue(monitoring: Pool): ParameterCatalogue {
  return {
    load: async (scope) => {
      const { rows } = await readOnly(monitoring, (c) =>
        c.query<ParameterRow>(
          `SELECT DISTINCT ON (p.key) p.key, p.name, p.scale_min, p.scale_max, p.direction, p.municipality_id IS NULL AS shipped
             FROM parameter p
            WHERE p.municipality_id IS NULL OR p.municipality_id = $1
            ORDER BY p.key, p.municipality_id NULLS FIRST`,
          [scope.municipalityId],
        ),
      );
      return orderParameters(rows);
    },
  };
}

// ── Stage 1 surveys ──────────────────────────────────────────────────────────────────────

export interface Stage1QuestionRow {
  questionnaire_key: string;
  questionnaire_title: string;
  respondent_role: string;
  question_key: string;
  question_text: string;
  question_type: 'OPEN_TEXT' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'RATING' | string;
  /** The question's options (choice questions), from the questionnaire version. */
  options: unknown;
  responses: number;
  mean_rating: number | null;
  open_answers: string[];
}

export interface Stage1ChoiceRow {
  questionnaire_key: string;
  respondent_role: string;
  question_key: string;
  choice: string;
  respondents: number;
}

const questionId = (r: { questionnaire_key: string; respondent_role: string; question_key: string }) =>
  `${r.questionnaire_key}\u0000${r.respondent_role}\u0000${r.question_key}`;

/**
 * One summary per question. A choice question lists every option of its questionnaire, in the
 * questionnaire's order and with 0 when nobody chose it, then any option chosen under an older
 * version that the newest one no longer has. Ratings are averaged only for RATING questions and open
 * answers kept only for OPEN_TEXT ones.
 */
export function assembleStage1Questions(rows: readonly Stage1QuestionRow[], choiceRows: readonly Stage1ChoiceRow[]): Stage1QuestionSummary[] {
  const chosen = new Map<string, Map<string, number>>();
  for (const row of choiceRows) {
    const id = questionId(row);
    let counts = chosen.get(id);
    if (!counts) chosen.set(id, (counts = new Map()));
    counts.set(row.choice, (counts.get(row.choice) ?? 0) + row.respondents);
  }
  return rows.map((row) => {
    const isChoice = row.question_type === 'SINGLE_CHOICE' || row.question_type === 'MULTIPLE_CHOICE';
    const choices: Record<string, number> = {};
    if (isChoice) {
      const counts = chosen.get(questionId(row)) ?? new Map<string, number>();
      const options = Array.isArray(row.options) ? row.options.filter((o): o is string => typeof o === 'string') : [];
      for (const option of options) choices[option] = counts.get(option) ?? 0;
      for (const [option, count] of counts) if (!(option in choices)) choices[option] = count;
    }
    return {
      questionnaireKey: row.questionnaire_key,
      questionnaireTitle: row.questionnaire_title,
      questionKey: row.question_key,
      questionText: row.question_text,
      respondentRole: row.respondent_role,
      responses: row.responses,
      meanRating: row.question_type === 'RATING' && row.mean_rating !== null ? Number(row.mean_rating) : null,
      choices,
      openAnswers: row.question_type === 'OPEN_TEXT' ? row.open_answers : [],
    };
  });
}

/** Stage-1 campaigns of the scope's programmes; every statement below starts from it. */
const SCOPE_CAMPAIGNS = `scope_campaign AS (
  SELECT c.id, c.questionnaire_version_id, c.respondent_role FROM campaign c
   WHERE c.municipality_id = $1 AND c.program_id = ANY($2::uuid[]) AND c.stage = 'STAGE1_PROCESS')`;

/** Submitted answers (revision > 0, as the monitoring service counts a response) of those campaigns. */
const GIVEN_ANSWERS = `given AS (
  SELECT q.key AS questionnaire_key, c.respondent_role, a.question_key, a.text_value, a.choice_values, a.rating_value,
         r.submitted_at, r.id AS response_id
    FROM scope_campaign c
    JOIN response r ON r.campaign_id = c.id AND r.municipality_id = $1 AND r.revision > 0
    JOIN questionnaire_version qv ON qv.id = r.questionnaire_version_id
    JOIN questionnaire q ON q.id = qv.questionnaire_id
    JOIN answer a ON a.response_id = r.id)`;

/**
 * Monitoring's stage-1 campaigns (stage STAGE1_PROCESS) of the scope's programmes: per questionnaire,
 * respondent role and question (text, type and options from the newest version used), the submitted
 * answers — count, mean rating, choices, open answers in order of submission — and response rates
 * per school and role: invited = `campaign_respondent` rows, responded = those of them with a
 * response of revision > 0 (the service's `responseRates`). Null when the scope has no campaign.
 */
export function sqlStage1Surveys(monitoring: Pool): Stage1SurveySource {
  return {
    load: async (scope) => {
      const parameters = [scope.municipalityId, scope.programIds];
      const { questions, choices, rates } = await readOnly(monitoring, async (c) => ({
        questions: await c.query<Stage1QuestionRow>(
          `WITH ${SCOPE_CAMPAIGNS},
           asked AS (
             SELECT DISTINCT ON (q.key, v.respondent_role, e.item->>'key')
                    q.key AS questionnaire_key, qv.title AS questionnaire_title, v.respondent_role, e.item->>'key' AS question_key,
                    e.item->>'text' AS question_text, e.item->>'type' AS question_type,
                    coalesce(e.item->'options', '[]'::jsonb) AS options, e.position
               FROM (SELECT DISTINCT questionnaire_version_id, respondent_role FROM scope_campaign) v
               JOIN questionnaire_version qv ON qv.id = v.questionnaire_version_id
               JOIN questionnaire q ON q.id = qv.questionnaire_id
               CROSS JOIN LATERAL jsonb_array_elements(qv.questions) WITH ORDINALITY AS e(item, position)
              ORDER BY q.key, v.respondent_role, e.item->>'key', qv.version DESC),
           ${GIVEN_ANSWERS}
           SELECT asked.questionnaire_key, max(asked.questionnaire_title) AS questionnaire_title, asked.respondent_role, asked.question_key, asked.question_text, asked.question_type, asked.options,
                  count(given.response_id)::int AS responses,
                  avg(given.rating_value) AS mean_rating,
                  coalesce(array_agg(given.text_value ORDER BY given.submitted_at, given.response_id) FILTER (WHERE given.text_value IS NOT NULL), '{}') AS open_answers
             FROM asked LEFT JOIN given USING (questionnaire_key, respondent_role, question_key)
            GROUP BY asked.questionnaire_key, asked.respondent_role, asked.question_key, asked.question_text, asked.question_type, asked.options, asked.position
            ORDER BY asked.questionnaire_key, asked.respondent_role, asked.position`,
          parameters,
        ),
        choices: await c.query<Stage1ChoiceRow>(
          `WITH ${SCOPE_CAMPAIGNS}, ${GIVEN_ANSWERS}
           SELECT given.questionnaire_key, given.respondent_role, given.question_key, choice, count(*)::int AS respondents
             FROM given CROSS JOIN LATERAL unnest(given.choice_values) AS choice
            GROUP BY 1, 2, 3, 4`,
          parameters,
        ),
        rates: await c.query<{ school_id: string; respondent_role: string; invited: number; responded: number }>(
          `SELECT c.school_id, c.respondent_role, count(*)::int AS invited, count(r.id)::int AS responded
             FROM campaign c
             JOIN campaign_respondent cr ON cr.campaign_id = c.id AND cr.municipality_id = $1
             LEFT JOIN response r ON r.campaign_id = c.id AND r.respondent_id = cr.person_id AND r.revision > 0
            WHERE c.municipality_id = $1 AND c.program_id = ANY($2::uuid[]) AND c.stage = 'STAGE1_PROCESS'
            GROUP BY c.school_id, c.respondent_role
            ORDER BY c.school_id, c.respondent_role`,
          parameters,
        ),
      }));
      if (questions.rows.length === 0 && rates.rows.length === 0) return null;
      const responseRates: Stage1ResponseRate[] = rates.rows.map((r) => ({ schoolId: r.school_id, respondentRole: r.respondent_role, invited: r.invited, responded: r.responded }));
      return { questions: assembleStage1Questions(questions.rows, choices.rows), responseRates };
    },
  };
}

// ── Scorecards ───────────────────────────────────────────────────────────────────────────

/** The seed's levels of a total 0..18: 15–18 optimal, 9–14 acceptable, 0–8 unacceptable. */
export function scorecardLevelOf(total: number): ScorecardLevel {
  return total >= 15 ? 'OPTIMAL' : total >= 9 ? 'ACCEPTABLE' : 'UNACCEPTABLE';
}

/** Indicator → score; unscored indicators (NULL) are left out, so their cells stay empty. */
export function scoresOf(rows: ReadonlyArray<{ indicator: number; score: number | null }> | null): Record<number, number> {
  const scores: Record<number, number> = {};
  for (const row of rows ?? []) if (row.score !== null) scores[Number(row.indicator)] = Number(row.score);
  return scores;
}

/**
 * Monitoring's `scorecard` / `scorecard_score`: the FINAL programme-level scorecards (pair_id NULL)
 * of the scope's programmes, the newest version should there be two, with their indicator scores.
 * The stored level is used; a FINAL card without one (not expected) gets the level of its total.
 * Null when no programme of the scope has a final scorecard.
 */
export function sqlScorecards(monitoring: Pool): ScorecardSource {
  return {
    load: async (scope) => {
      const { rows } = await readOnly(monitoring, (c) =>
        c.query<{ program_id: string; school_id: string; total: number; level: ScorecardLevel | null; scores: Array<{ indicator: number; score: number | null }> | null }>(
          `SELECT * FROM (
             SELECT DISTINCT ON (s.program_id) s.program_id, s.school_id, s.total, s.level,
                    (SELECT json_agg(json_build_object('indicator', ss.indicator, 'score', ss.score) ORDER BY ss.indicator)
                       FROM scorecard_score ss WHERE ss.scorecard_id = s.id) AS scores
               FROM scorecard s
              WHERE s.municipality_id = $1 AND s.program_id = ANY($2::uuid[]) AND s.pair_id IS NULL AND s.status = 'FINAL'
              ORDER BY s.program_id, s.version DESC
           ) final ORDER BY final.school_id, final.program_id`,
          [scope.municipalityId, scope.programIds],
        ),
      );
      if (rows.length === 0) return null;
      return rows.map(
        (r): ProgramScorecard => ({ programId: r.program_id, schoolId: r.school_id, total: r.total, level: r.level ?? scorecardLevelOf(r.total), scores: scoresOf(r.scores) }),
      );
    },
  };
}

// ── Programme activity ───────────────────────────────────────────────────────────────────

/**
 * The program database, per school of the scope's programmes (the programme's school, as for the
 * measurements): meetings logged for the programmes' pairs (all of them — the program service logs a
 * meeting only after it took place, any pair status), and overdue roadmap items. Overdue mirrors the
 * program service's rule (roadmap.rules.ts `effectiveStatus`, RoadmapService.overdue): a stored status
 * of PLANNED or IN_PROGRESS and `ends_on < asOf`, asOf being today's UTC date as its `dateArgument`
 * defaults to (so CANCELLED items are not overdue, and an item ending today is not yet).
 * Schools without a programme in the scope get no row (empty cells).
 */
export function sqlProgrammeActivity(program: Pool, asOf: () => string = today): ProgrammeActivitySource {
  return {
    load: async (scope) => {
      const { rows } = await readOnly(program, (c) =>
        c.query<{ school_id: string; meetings: number; overdue: number }>(
          `WITH scope_program AS (
             SELECT id, school_id FROM mentoring_program WHERE municipality_id = $1 AND id = ANY($2::uuid[])),
           held AS (
             SELECT sp.school_id, count(*)::int AS n
               FROM scope_program sp
               JOIN pair p ON p.program_id = sp.id AND p.municipality_id = $1
               JOIN meeting m ON m.pair_id = p.id AND m.municipality_id = $1
              GROUP BY sp.school_id),
           overdue AS (
             SELECT sp.school_id, count(*)::int AS n
               FROM scope_program sp
               JOIN roadmap_item ri ON ri.program_id = sp.id AND ri.municipality_id = $1
              WHERE ri.status IN ('PLANNED', 'IN_PROGRESS') AND ri.ends_on < $3::date
              GROUP BY sp.school_id)
           SELECT s.school_id, coalesce(held.n, 0) AS meetings, coalesce(overdue.n, 0) AS overdue
             FROM (SELECT DISTINCT school_id FROM scope_program) s
             LEFT JOIN held USING (school_id) LEFT JOIN overdue USING (school_id)
            ORDER BY s.school_id`,
          [scope.municipalityId, scope.programIds, asOf()],
        ),
      );
      return rows.map((r): ProgrammeActivity => ({ schoolId: r.school_id, meetingsHeld: r.meetings, overdueRoadmapItems: r.overdue }));
    },
  };
}

// ── Defaults ─────────────────────────────────────────────────────────────────────────────

export interface SectionSources {
  parameters: ParameterCatalogue;
  stage1: Stage1SurveySource;
  scorecards: ScorecardSource;
  activity: ProgrammeActivitySource;
}

/** The worker's defaults: every section read from the services' databases. */
export function databaseSectionSources(databases: Pick<ReportDatabases, 'program' | 'monitoring'>, asOf: () => string = today): SectionSources {
  return {
    parameters: sqlParameterCatalogue(databases.monitoring),
    stage1: sqlStage1Surveys(databases.monitoring),
    scorecards: sqlScorecards(databases.monitoring),
    activity: sqlProgrammeActivity(databases.program, asOf),
  };
}
