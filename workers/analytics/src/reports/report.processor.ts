/**
 * The GENERATE_REPORT job processor. BullMQ delivers at least once, so a report is made idempotent by
 * its deterministic file name: the workbook is written to a temporary file of this attempt and
 * renamed to `<reportId>.xlsx` only when complete. A killed attempt leaves at most its temporary
 * file, which the next attempt of the same report removes; a rename is atomic, so readers see either
 * no report or a whole one, and two attempts racing leave exactly one file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import { MIN_GROUP_SIZE, type GenerateReportJobData, type GenerateReportResult, type ReportProgress, type ReportSummary, type SchoolHeadline, type SuppressionReason } from '@nastavnik/platform';
import { suppressSmallGroups, type ParameterResult } from './report.accumulator';
import { computeReport, type ComputedReport, type ReportSources } from './report.engine';
import { writeReportWorkbook, type IncompleteMeasurement, type SchoolRow } from './report.workbook';
import { PROGRAM_LABEL, REPORT_TITLE } from './labels.ru';
import type { ProgramScorecard } from './report.seams';

export interface ReportProcessorOptions {
  reportsDir: string;
  /** Null when the worker has no database URLs: jobs fail with that reason instead of retrying. */
  sources: ReportSources | null;
  /**
   * Groups of fewer participants are withheld from the workbook (MIN_GROUP_SIZE, the platform's one
   * threshold); tests that check figures on a small fixture lower it.
   */
  minGroupSize?: number;
  /** Called after every progress update; tests use it to stop an attempt at a chosen stage. */
  onProgress?: (progress: ReportProgress, job: Job<GenerateReportJobData>) => Promise<void>;
}

const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^[0-9]{4}\/[0-9]{4}$/;

export function reportFileName(reportId: string): string {
  return `${reportId}.xlsx`;
}
function temporaryPrefix(reportId: string): string {
  return `.${reportId}.`;
}

/** Refuses job data that cannot ever succeed, so BullMQ does not retry it. */
export function validateReportJob(data: GenerateReportJobData): void {
  const problems: string[] = [];
  if (!REPORT_ID.test(data?.reportId ?? '')) problems.push('reportId must be 1–128 letters, digits, "-" or "_"');
  if (!['MUNICIPALITY', 'SCHOOL', 'PROGRAM'].includes(data?.scope?.kind)) problems.push('scope.kind must be MUNICIPALITY, SCHOOL or PROGRAM');
  if (!UUID.test(data?.scope?.id ?? '')) problems.push('scope.id must be a UUID');
  if (!UUID.test(data?.municipalityId ?? '')) problems.push('municipalityId must be a UUID');
  if (data?.scope?.kind === 'MUNICIPALITY' && data.scope.id !== data.municipalityId) problems.push('a MUNICIPALITY scope must be the job\'s municipality');
  if (!YEAR.test(data?.academicYear ?? '')) problems.push('academicYear must look like 2025/2026');
  if (problems.length) throw new UnrecoverableError(`Invalid report job: ${problems.join('; ')}`);
}

export function createReportProcessor(options: ReportProcessorOptions) {
  return async function processReport(job: Job<GenerateReportJobData>): Promise<GenerateReportResult> {
    validateReportJob(job.data);
    if (!options.sources) {
      throw new UnrecoverableError('The worker has no PARTICIPANT_DATABASE_URL, PROGRAM_DATABASE_URL and MONITORING_DATABASE_URL: it cannot build reports');
    }
    const { reportId } = job.data;
    const progress = async (percent: number, stage: ReportProgress['stage']) => {
      const value: ReportProgress = { percent: Math.round(percent), stage };
      await job.updateProgress(value);
      await options.onProgress?.(value, job);
    };

    const computed = await computeReport(job.data, options.sources, (fraction, stage) =>
      progress(stage === 'LOADING_FACTS' ? fraction * 10 : 10 + fraction * 60, stage),
    );
    await progress(70, 'COMPUTING');

    await mkdir(options.reportsDir, { recursive: true });
    await removeStaleTemporaryFiles(options.reportsDir, reportId);
    const temporary = join(options.reportsDir, `${temporaryPrefix(reportId)}${randomUUID()}.xlsx.tmp`);
    const file = join(options.reportsDir, reportFileName(reportId));
    try {
      const content = workbookContent(job.data, computed, options.minGroupSize ?? MIN_GROUP_SIZE);
      await writeReportWorkbook(temporary, { ...content, onSheetWritten: (f) => progress(70 + f * 25, 'WRITING_WORKBOOK') });
      await progress(95, 'STORING');
      // Durable before visible: the renamed file must not turn out empty after a power cut.
      const handle = await open(temporary, 'r');
      await handle.sync().finally(() => handle.close());
      await rename(temporary, file);
      const { size } = await stat(file);
      const sha256 = await fileSha256(file);
      await progress(100, 'DONE');
      return {
        reportId,
        file,
        size,
        sha256,
        rowCounts: {
          measurementRows: computed.measurementRows,
          changes: computed.changes,
          incomplete: computed.incomplete,
          groupRows: computed.parameterResults.reduce((sum, r) => sum + r.groups.length, 0),
          schools: computed.schools.length,
          parameters: computed.parameters.length,
        },
        summary: summarize(job.data, computed, content.schoolRows),
      };
    } finally {
      await rm(temporary, { force: true });
    }
  };
}

async function removeStaleTemporaryFiles(dir: string, reportId: string): Promise<void> {
  const prefix = temporaryPrefix(reportId);
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * What the workbook shows. Workbooks are read by the office and the school's administration and are
 * e-mailed, so they carry aggregates only: no names, small groups withheld (suppressSmallGroups).
 */
function workbookContent(job: GenerateReportJobData, computed: ComputedReport, minGroupSize: number) {
  const { facts } = computed;
  for (const result of computed.parameterResults) suppressSmallGroups(result, minGroupSize);
  const activityBySchool = new Map((computed.activity ?? []).map((a) => [a.schoolId, a]));
  const lowestScorecard = new Map<string, ProgramScorecard>();
  for (const card of computed.scorecards ?? []) {
    const current = lowestScorecard.get(card.schoolId);
    if (!current || card.total < current.total) lowestScorecard.set(card.schoolId, card);
  }
  const schoolMeans = new Map<string, Map<string, number | null>>();
  const schoolSuppressed = new Map<string, Map<string, SuppressionReason>>();
  for (const result of computed.parameterResults) {
    for (const g of result.groups) {
      if (g.group.dimension !== 'SCHOOL') continue;
      let means = schoolMeans.get(g.group.value);
      if (!means) schoolMeans.set(g.group.value, (means = new Map()));
      means.set(result.parameter.key, g.summary.meanChange);
      if (g.suppressed) {
        let suppressed = schoolSuppressed.get(g.group.value);
        if (!suppressed) schoolSuppressed.set(g.group.value, (suppressed = new Map()));
        suppressed.set(result.parameter.key, g.suppressed);
      }
    }
  }
  const schoolRows: SchoolRow[] = computed.schools.map((school) => ({
    school,
    indicators: computed.indicators.get(school.id)!,
    activity: activityBySchool.get(school.id) ?? null,
    scorecard: lowestScorecard.get(school.id) ?? null,
    measuredParticipants: computed.measuredBySchool.get(school.id) ?? 0,
    meanChanges: schoolMeans.get(school.id) ?? new Map(),
    suppressedMeans: schoolSuppressed.get(school.id) ?? new Map(),
  }));
  const incomplete: Array<IncompleteMeasurement & { order: number }> = [];
  computed.parameterResults.forEach((result, order) => {
    for (const g of result.groups) {
      if (g.group.dimension !== 'PROGRAM' || g.incompleteMissingBefore + g.incompleteMissingAfter === 0) continue;
      const program = facts.programs.get(g.group.value);
      const schoolName = program ? facts.schools.get(program.schoolId)?.name ?? program.schoolId : '';
      incomplete.push({
        schoolName,
        programLabel: program ? PROGRAM_LABEL(schoolName, program.form, program.academicYear) : g.group.value,
        parameterName: result.parameter.name,
        missingBefore: g.incompleteMissingBefore,
        missingAfter: g.incompleteMissingAfter,
        suppressed: g.suppressed,
        order,
      });
    }
  });
  incomplete.sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'ru') || a.programLabel.localeCompare(b.programLabel, 'ru') || a.order - b.order);
  return {
    title: `${REPORT_TITLE}, ${job.academicYear}`,
    requestedBy: job.requestedBy,
    municipalityId: job.municipalityId,
    parameters: computed.parameters,
    schoolRows,
    parameterResults: computed.parameterResults,
    schools: facts.schools,
    programs: facts.programs,
    stage1: computed.stage1,
    scorecards: computed.scorecards,
    incomplete,
    minGroupSize,
  };
}

const schoolN = (result: ParameterResult, schoolId: string) =>
  result.groups.find((g) => g.group.dimension === 'SCHOOL' && g.group.value === schoolId)?.summary.n ?? 0;

/** The dashboards' figures, unsuppressed: monitoring suppresses them per caller. */
const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

function summarize(job: GenerateReportJobData, computed: ComputedReport, rows: SchoolRow[]): ReportSummary {
  const schools: SchoolHeadline[] = rows.map((row) => ({
    schoolId: row.school.id,
    schoolName: row.school.name,
    mentors: row.indicators.mentors,
    mentees: row.indicators.mentees,
    activePairs: row.indicators.activePairs,
    shareYoungSpecialistsInMentoring: row.indicators.shareYoungSpecialistsInMentoring,
    shareUnder35InMentoring: row.indicators.shareUnder35InMentoring,
    measuredParticipants: row.measuredParticipants,
    meanChanges: Object.fromEntries(computed.parameters.map((p) => [p.key, round3(row.meanChanges.get(p.key) ?? null)])),
    measuredByParameter: Object.fromEntries(computed.parameterResults.map((r) => [r.parameter.key, schoolN(r, row.school.id)])),
  }));
  const parameters = computed.parameterResults.map((result) => {
    const total = result.groups.find((g) => g.group.dimension === 'MUNICIPALITY');
    return {
      parameterKey: result.parameter.key,
      n: total?.summary.n ?? 0,
      meanChange: total?.summary.meanChange ?? null,
      shareImproved: total?.summary.shareImproved ?? null,
      wilcoxonP: total?.summary.wilcoxon.pValue ?? null,
    };
  });
  return { academicYear: job.academicYear, scope: job.scope, parameters, schools };
}
