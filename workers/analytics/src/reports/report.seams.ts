/**
 * Seams for the parts of the report whose source tables are being built in the program and
 * monitoring services right now. Each is an interface the report engine calls with the scope; the
 * defaults answer "no data yet", and the workbook shows an explained empty section. When a table
 * lands, implement the interface with one set-based read-only query and pass it to
 * `createReportProcessor` — nothing else in the engine changes.
 */
import { PARAMETER_CATALOGUE } from '@nastavnik/monitoring/dist/questionnaires/questionnaire.templates';
import type { ScorecardLevel } from '@nastavnik/monitoring/dist/scorecards/scorecard.rules';
import type { ParameterInfo } from './report.model';

export interface ReportScope {
  municipalityId: string;
  academicYear: string;
  schoolIds: readonly string[];
  programIds: readonly string[];
}

/** Measured parameters (stage 2). Today the catalogue in code; later perhaps a `parameter` table. */
export interface ParameterCatalogue {
  load(scope: ReportScope): Promise<ParameterInfo[]>;
}

export const codeParameterCatalogue: ParameterCatalogue = {
  load: async () =>
    PARAMETER_CATALOGUE.map((p) => ({ key: p.key, name: p.name, direction: p.direction, scaleMin: p.scaleMin, scaleMax: p.scaleMax, catalogued: true })),
};

/** Stage 1 (process quality): per question mean rating, choice distribution, response rates, open answers. */
export interface Stage1QuestionSummary {
  questionnaireKey: string;
  questionKey: string;
  questionText: string;
  respondentRole: string;
  responses: number;
  meanRating: number | null;
  /** Option → number of respondents who chose it. */
  choices: Record<string, number>;
  openAnswers: string[];
}
export interface Stage1ResponseRate {
  schoolId: string;
  respondentRole: string;
  invited: number;
  responded: number;
}
export interface Stage1SurveySource {
  load(scope: ReportScope): Promise<{ questions: Stage1QuestionSummary[]; responseRates: Stage1ResponseRate[] } | null>;
}
export const noStage1Surveys: Stage1SurveySource = { load: async () => null };

/** Effectiveness scorecards (nine indicators, 0–2 each, total 0–18) per programme. */
export interface ProgramScorecard {
  programId: string;
  schoolId: string;
  total: number;
  level: ScorecardLevel;
  /** Indicator number (1..9) → score 0..2. */
  scores: Record<number, number>;
}
export interface ScorecardSource {
  load(scope: ReportScope): Promise<ProgramScorecard[] | null>;
}
export const noScorecards: ScorecardSource = { load: async () => null };

/** Meetings held and overdue roadmap items per school. */
export interface ProgrammeActivity {
  schoolId: string;
  meetingsHeld: number;
  overdueRoadmapItems: number;
}
export interface ProgrammeActivitySource {
  load(scope: ReportScope): Promise<ProgrammeActivity[] | null>;
}
export const noProgrammeActivity: ProgrammeActivitySource = { load: async () => null };

export type { ScorecardLevel };
