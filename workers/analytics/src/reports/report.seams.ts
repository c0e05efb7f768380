/**
 * The report's section sources: interfaces the report engine calls with the scope. The worker's
 * defaults read the services' tables (report.section-sources.ts); a source answering null makes the
 * workbook show an explained empty section. Tests and benchmarks pass their own implementations to
 * `createReportProcessor` / `startAnalyticsWorker`.
 */
import type { ParameterInfo } from './report.model';

/** Level of an effectiveness scorecard, as the monitoring service stores it in `scorecard.level`. */
export type ScorecardLevel = 'OPTIMAL' | 'ACCEPTABLE' | 'UNACCEPTABLE';

export interface ReportScope {
  municipalityId: string;
  academicYear: string;
  schoolIds: readonly string[];
  programIds: readonly string[];
}

/** Measured parameters (stage 2): the shipped catalogue and the municipality's own, in sheet order. */
export interface ParameterCatalogue {
  load(scope: ReportScope): Promise<ParameterInfo[]>;
}

/** Stage 1 (process quality): per question mean rating, choice distribution, response rates, open answers. */
export interface Stage1QuestionSummary {
  questionnaireKey: string;
  /** Title of the newest questionnaire version the campaigns used. */
  questionnaireTitle: string;
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

