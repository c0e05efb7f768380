/**
 * The analytics queue's contract, imported by producers (subgraphs) and by the worker alike, so the
 * queue name and the job data are declared once.
 */
export const ANALYTICS_QUEUE = 'analytics';

/** Ticks of report schedules: job schedulers of this queue fire, and the monitoring service turns each tick into a report. */
export const REPORT_TRIGGERS_QUEUE = 'report-triggers';

export const AnalyticsJob = {
  /** A trivial job that proves the worker is alive and connected: answers with its input. */
  PING: 'ping',
  /** Builds the municipal Excel report of one scope and academic year (see GenerateReportJobData). */
  GENERATE_REPORT: 'generate-report',
  /** E-mails a stored report to one recipient (see DeliverReportJobData). */
  DELIVER_REPORT: 'deliver-report',
  /** A tick of a report schedule, on REPORT_TRIGGERS_QUEUE (see ScheduledReportJobData). */
  SCHEDULED_REPORT: 'scheduled-report',
} as const;
export type AnalyticsJobName = (typeof AnalyticsJob)[keyof typeof AnalyticsJob];

export interface PingJobData {
  message: string;
}

export interface PingJobResult {
  pong: string;
  worker: string;
}

export type ReportScopeKind = 'MUNICIPALITY' | 'SCHOOL' | 'PROGRAM';

export interface GenerateReportJobData {
  /**
   * The report's own id, chosen by the producer. It names the file (`<reportId>.xlsx`), so it must be
   * a plain token; use it as the BullMQ job id too, so a repeated request does not queue twice.
   */
  reportId: string;
  scope: { kind: ReportScopeKind; id: string };
  /** Always set, also for SCHOOL and PROGRAM scopes: every query is fenced by it. */
  municipalityId: string;
  /** e.g. '2025/2026' */
  academicYear: string;
  /** Who asked (person id or 'schedule:<name>'); recorded in the workbook's properties. */
  requestedBy: string;
  /** E-mail the finished workbook to these recipients. */
  delivery?: { recipients: string[]; subject: string; attachmentName: string };
  /**
   * The latest finished report of the same scope and year: when the data has not changed since
   * (same data version), its workbook is reused instead of computed again.
   */
  reuse?: { reportId: string; dataVersion: string };
  /** The request id of the GraphQL request that ordered the report, so the worker's log lines carry it. */
  requestId?: string;
}

/** One recipient's copy of one report, retried with backoff until the SMTP server accepts it. */
export interface DeliverReportJobData {
  reportId: string;
  recipient: string;
  /** The stored workbook's file name in REPORTS_DIR. */
  fileName: string;
  /** The name the recipient sees. */
  attachmentName: string;
  subject: string;
  /** The request id of the GraphQL request that ordered the report, so the delivery's log lines carry it. */
  requestId?: string;
}

export interface ScheduledReportJobData {
  scheduleId: string;
}

/** Job ids are deterministic, so a repeated request or a job run again never queues twice. */
export const generateJobId = (reportId: string): string => `report-${reportId}`;
export const deliveryJobId = (reportId: string, index: number): string => `deliver-${reportId}-${index}`;

export type ReportStage = 'LOADING_FACTS' | 'READING_MEASUREMENTS' | 'COMPUTING' | 'WRITING_WORKBOOK' | 'STORING' | 'DONE';

/** What the processor passes to `job.updateProgress`. */
export interface ReportProgress {
  percent: number;
  stage: ReportStage;
}

export interface ReportRowCounts {
  /** Rows of `measurement` read (before and after values counted separately). */
  measurementRows: number;
  /** (participant, programme, parameter) triples with both values: the changes analysed. */
  changes: number;
  /** Triples with only one of the two values, listed on the «Неполные замеры» sheet. */
  incomplete: number;
  /** Rows written to the per-parameter sheets (one per parameter and group). */
  groupRows: number;
  schools: number;
  parameters: number;
}

/** Headline figures of one parameter within a school or the whole scope. */
export interface ParameterHeadline {
  parameterKey: string;
  n: number;
  meanChange: number | null;
  shareImproved: number | null;
  wilcoxonP: number | null;
}

export interface SchoolHeadline {
  schoolId: string;
  schoolName: string;
  mentors: number;
  mentees: number;
  activePairs: number;
  shareYoungSpecialistsInMentoring: number | null;
  shareUnder35InMentoring: number | null;
  /** Participants with at least one complete before/after measurement. */
  measuredParticipants: number;
  /** Mean oriented change (positive = improvement) per parameter key, rounded to 3 decimals. */
  meanChanges: Record<string, number | null>;
  /** Participants behind each mean change (complete pairs), for small-group suppression; absent in older summaries. */
  measuredByParameter?: Record<string, number>;
}

export interface ReportSummary {
  academicYear: string;
  scope: GenerateReportJobData['scope'];
  /** Headline per parameter over the whole scope. */
  parameters: ParameterHeadline[];
  schools: SchoolHeadline[];
}

export interface GenerateReportResult {
  reportId: string;
  /** Fingerprint of every table the report read; equal versions mean equal figures. */
  dataVersion?: string;
  /** Set when the workbook is a copy of this earlier report's, the data being unchanged. */
  reusedFrom?: string;
  /** Absolute path of the stored workbook. */
  file: string;
  size: number;
  /** Hex SHA-256 of the file, for delivery and for checking a copy. */
  sha256: string;
  rowCounts: ReportRowCounts;
  summary: ReportSummary;
}

/** Redis key prefix of the queue, so several deployments (or test runs) can share one Redis. */
export function queuePrefix(env: Record<string, string | undefined>): string {
  return env.QUEUE_PREFIX?.trim() || 'nastavnik';
}
