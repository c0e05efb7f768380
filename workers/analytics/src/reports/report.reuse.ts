/**
 * The same report over unchanged data is not computed twice. A data version fingerprints every table
 * a report reads (row count and the newest row version, `xmin`, of each, within the municipality)
 * and the date: any insert or update changes it, and the services never delete rows. When it equals the version
 * of the latest finished report of the same scope and year, that workbook is linked in place.
 */
import { createHash, randomUUID } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { today, type GenerateReportJobData, type GenerateReportResult } from '@nastavnik/platform';
import type { Pool } from 'pg';
import { reportFileName } from './report.processor';
import { readOnly, type ReportDatabases } from './report.sources';

type Database = 'participant' | 'program' | 'monitoring';

const TABLES: Record<Database, { table: string; scoped: boolean }[]> = {
  participant: [
    { table: 'school', scoped: true },
    { table: 'person', scoped: true },
    { table: 'mentor_profile', scoped: true },
    { table: 'mentee_profile', scoped: true },
  ],
  program: [
    { table: 'mentoring_program', scoped: true },
    { table: 'pair', scoped: true },
    { table: 'pair_mentee', scoped: false },
    { table: 'meeting', scoped: true },
    { table: 'roadmap_item', scoped: true },
  ],
  monitoring: [
    { table: 'measurement', scoped: true },
    { table: 'parameter', scoped: false },
    { table: 'questionnaire_version', scoped: false },
    { table: 'campaign', scoped: true },
    { table: 'campaign_respondent', scoped: true },
    // Answers change only together with their response (a new revision updates the response row),
    // so `response` stands for `answer`, which has no municipality column and is the largest table.
    { table: 'response', scoped: true },
    { table: 'scorecard', scoped: true },
    { table: 'scorecard_score', scoped: false },
  ],
};

async function fingerprint(pool: Pool, tables: { table: string; scoped: boolean }[], municipalityId: string): Promise<string> {
  const parts = tables.map(
    ({ table, scoped }) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM ${table}${scoped ? ' WHERE municipality_id = $1' : ''})`,
  );
  const { rows } = await readOnly(pool, (client) => client.query<{ version: string }>(`SELECT ${parts.join(" || '|' || ")} AS version`, [municipalityId]));
  return rows[0]!.version;
}

/** Changes whenever the workbook shows something differently (2: aggregates only, small groups withheld). */
const WORKBOOK_FORMAT = 2;

export async function dataVersion(databases: ReportDatabases, job: GenerateReportJobData): Promise<string> {
  const versions = await Promise.all(
    (Object.keys(TABLES) as Database[]).map((name) => fingerprint(databases[name], TABLES[name], job.municipalityId)),
  );
  // The date is part of the data: overdue roadmap items, young specialists and ages follow the calendar.
  // The workbook's format too: a workbook made before small-group suppression is never reused.
  return createHash('sha256').update(JSON.stringify([WORKBOOK_FORMAT, job.scope, job.academicYear, today(), versions])).digest('hex').slice(0, 32);
}

const resultFile = (reportsDir: string, reportId: string) => join(reportsDir, `${reportId}.result.json`);

/** Keeps a finished report's result beside its workbook, so a later report can reuse both. */
export async function storeResult(reportsDir: string, result: GenerateReportResult): Promise<void> {
  const temporary = `${resultFile(reportsDir, result.reportId)}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(result));
  await rename(temporary, resultFile(reportsDir, result.reportId));
}

/** Links the earlier report's workbook under the new id; null when it is gone. */
export async function reuseReport(reportsDir: string, previousId: string, reportId: string): Promise<GenerateReportResult | null> {
  const previous = await readFile(resultFile(reportsDir, previousId), 'utf8').then((text) => JSON.parse(text) as GenerateReportResult, () => null);
  if (!previous) return null;
  const file = join(reportsDir, reportFileName(reportId));
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await link(join(reportsDir, reportFileName(previousId)), temporary);
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true });
    return null;
  }
  const result: GenerateReportResult = { ...previous, reportId, file, reusedFrom: previousId };
  await storeResult(reportsDir, result);
  return result;
}
