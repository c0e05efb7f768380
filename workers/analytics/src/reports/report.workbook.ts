/**
 * Writes the report workbook with exceljs's streaming writer: each sheet is written row by row and
 * committed before the next one is opened, so the file is never held in memory as a whole.
 * Everything a person reads comes from labels.ru.ts.
 */
import ExcelJS from 'exceljs';
import { isSmallGroup, type SuppressionReason } from '@nastavnik/platform';
import type { ParameterResult } from './report.accumulator';
import type { SchoolIndicators } from './report.indicators';
import { NONE, MENTEE_CATEGORIES, type GroupKey, type ParameterInfo, type ProgramFact, type SchoolFact } from './report.model';
import type { ProgrammeActivity, ProgramScorecard, Stage1QuestionSummary, Stage1ResponseRate } from './report.seams';
import * as ru from './labels.ru';
import { addRow, DECIMAL, fit, INTEGER, openSheet, PERCENT, P_VALUE, sheetName, YIELD_EVERY_ROWS, yieldToEventLoop, type Column } from './report.sheet-format';
import { writeIncomplete, writeMethodology, writeResponseRates, writeScorecards, writeStage1 } from './report.sheets';

export { sheetName };

/** Participants of a programme lacking one value of a parameter: counts, never names. */
export interface IncompleteMeasurement {
  schoolName: string;
  programLabel: string;
  parameterName: string;
  missingBefore: number;
  missingAfter: number;
  /** The programme's group of this parameter is withheld on the parameter sheet, so are its counts here. */
  suppressed: SuppressionReason | null;
}

export interface SchoolRow {
  school: SchoolFact;
  indicators: SchoolIndicators;
  activity: ProgrammeActivity | null;
  /** The lowest scorecard of the school's programmes: the office looks for the weak spots. */
  scorecard: ProgramScorecard | null;
  measuredParticipants: number;
  /** Mean oriented change per parameter key. */
  meanChanges: Map<string, number | null>;
  /** Parameters whose school mean is withheld, and why (the school's group on the parameter sheet). */
  suppressedMeans: Map<string, SuppressionReason>;
}

export interface WorkbookContent {
  title: string;
  requestedBy: string;
  municipalityId: string;
  parameters: ParameterInfo[];
  schoolRows: SchoolRow[];
  parameterResults: ParameterResult[];
  schools: Map<string, SchoolFact>;
  programs: Map<string, ProgramFact>;
  stage1: { questions: Stage1QuestionSummary[]; responseRates: Stage1ResponseRate[] } | null;
  scorecards: ProgramScorecard[] | null;
  /** Already sorted for reading. */
  incomplete: IncompleteMeasurement[];
  /** Groups of fewer people show «скрыто» instead of figures. */
  minGroupSize: number;
  /** Called after each sheet, with the share of sheets written. */
  onSheetWritten?: (fraction: number) => Promise<void>;
}

export async function writeReportWorkbook(filename: string, content: WorkbookContent): Promise<Record<string, number>> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Наставник: аналитика';
  workbook.title = content.title;
  workbook.subject = `Запросил: ${content.requestedBy}`;
  const rowsPerSheet: Record<string, number> = {};
  const sheetCount = 6 + content.parameters.length;
  let written = 0;
  const done = async (name: string, rows: number) => {
    // Let the zip stream drain the committed sheet before the next one is produced.
    await yieldToEventLoop();
    rowsPerSheet[name] = rows;
    written += 1;
    await content.onSheetWritten?.(written / sheetCount);
  };

  await done(ru.SHEET.summary, await writeSummary(workbook, content));
  const names = new Set<string>(Object.values(ru.SHEET));
  for (const [index, result] of content.parameterResults.entries()) {
    const name = sheetName(`${String(index + 1).padStart(2, '0')} ${result.parameter.name}`, names);
    await done(name, await writeParameterSheet(workbook, name, result, content));
  }
  await done(ru.SHEET.stage1, writeStage1(workbook, content));
  await done(ru.SHEET.responseRates, writeResponseRates(workbook, content));
  await done(ru.SHEET.scorecards, writeScorecards(workbook, content));
  await done(ru.SHEET.incomplete, await writeIncomplete(workbook, content.incomplete));
  await done(ru.SHEET.methodology, writeMethodology(workbook));
  await workbook.commit();
  return rowsPerSheet;
}

async function writeSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: WorkbookContent): Promise<number> {
  const c = ru.SUMMARY_COLUMNS;
  const subForms = [...new Set([...ru.SUB_FORMS, ...content.schoolRows.flatMap((r) => Object.keys(r.indicators.activePairsBySubForm))])];
  const longestSchool = Math.max(0, ...content.schoolRows.map((r) => r.school.name.length));
  const columns: Column[] = [
    { header: c.school, key: 'school', width: fit(c.school, longestSchool, 20) },
    { header: c.mentors, key: 'mentors', width: fit(c.mentors), numFmt: INTEGER },
    { header: c.mentees, key: 'mentees', width: fit(c.mentees), numFmt: INTEGER },
    ...MENTEE_CATEGORIES.map((category) => ({ header: c.menteesOf(category), key: `cat_${category}`, width: fit(c.menteesOf(category)), numFmt: INTEGER })),
    { header: c.activePairs, key: 'activePairs', width: fit(c.activePairs), numFmt: INTEGER },
    ...subForms.map((s) => ({ header: c.activePairsOf(s), key: `sub_${s}`, width: fit(c.activePairsOf(s)), numFmt: INTEGER })),
    { header: c.shareYoung, key: 'shareYoung', width: fit(c.shareYoung), numFmt: PERCENT },
    { header: c.shareUnder35, key: 'shareUnder35', width: fit(c.shareUnder35), numFmt: PERCENT },
    { header: c.meetings, key: 'meetings', width: fit(c.meetings), numFmt: INTEGER },
    { header: c.overdue, key: 'overdue', width: fit(c.overdue), numFmt: INTEGER },
    { header: c.scorecardTotal, key: 'scorecardTotal', width: fit(c.scorecardTotal), numFmt: INTEGER },
    { header: c.scorecardLevel, key: 'scorecardLevel', width: fit(c.scorecardLevel, 12) },
    { header: c.measured, key: 'measured', width: fit(c.measured), numFmt: INTEGER },
    ...content.parameters.map((p) => ({ header: c.meanChangeOf(p.name), key: `param_${p.key}`, width: fit(c.meanChangeOf(p.name)), numFmt: DECIMAL })),
  ];
  const sheet = openSheet(workbook, ru.SHEET.summary, columns);
  sheet.getRow(1).height = 60;
  for (const row of content.schoolRows) {
    const i = row.indicators;
    const values: Record<string, unknown> = {
      school: row.school.name,
      mentors: i.mentors,
      mentees: i.mentees,
      activePairs: i.activePairs,
      shareYoung: i.shareYoungSpecialistsInMentoring,
      shareUnder35: i.shareUnder35InMentoring,
      meetings: row.activity?.meetingsHeld,
      overdue: row.activity?.overdueRoadmapItems,
      scorecardTotal: row.scorecard?.total,
      scorecardLevel: row.scorecard ? ru.SCORECARD_LEVEL_LABELS[row.scorecard.level] : undefined,
      measured: row.measuredParticipants,
    };
    for (const category of MENTEE_CATEGORIES) values[`cat_${category}`] = i.menteesByCategory[category];
    // A handful of burnout cases in one school is itself about those persons.
    if (isSmallGroup(i.menteesByCategory.BURNOUT, content.minGroupSize)) values.cat_BURNOUT = ru.SUPPRESSED.SMALL_GROUP;
    for (const subForm of subForms) values[`sub_${subForm}`] = i.activePairsBySubForm[subForm] ?? 0;
    for (const p of content.parameters) {
      const suppressed = row.suppressedMeans.get(p.key);
      values[`param_${p.key}`] = suppressed ? ru.SUPPRESSED[suppressed] : row.meanChanges.get(p.key);
    }
    const excelRow = addRow(sheet, values);
    if (row.scorecard) excelRow.getCell('scorecardLevel').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ru.SCORECARD_LEVEL_COLOURS[row.scorecard.level] } };
    excelRow.commit();
    if (excelRow.number % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
  }
  sheet.commit();
  return content.schoolRows.length;
}

export function groupLabel(group: GroupKey, schools: Map<string, SchoolFact>, programs: Map<string, ProgramFact>): string {
  if (group.value === NONE) return ru.NONE_LABELS[group.dimension] ?? '—';
  switch (group.dimension) {
    case 'MUNICIPALITY':
      return ru.MUNICIPALITY_LABEL;
    case 'SCHOOL':
      return schools.get(group.value)?.name ?? group.value;
    case 'PROGRAM': {
      const program = programs.get(group.value);
      if (!program) return group.value;
      return ru.PROGRAM_LABEL(schools.get(program.schoolId)?.name ?? program.schoolId, program.form, program.academicYear);
    }
    case 'FORM':
      return ru.FORM_LABELS[group.value] ?? group.value;
    case 'SUB_FORM':
      return ru.SUB_FORM_LABELS[group.value] ?? group.value;
    case 'MENTEE_CATEGORY':
      return ru.CATEGORY_LABELS[group.value as keyof typeof ru.CATEGORY_LABELS] ?? group.value;
    case 'ROLE':
      return ru.ROLE_LABELS[group.value] ?? group.value;
  }
}

async function writeParameterSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, result: ParameterResult, content: WorkbookContent): Promise<number> {
  const c = ru.PARAMETER_COLUMNS;
  const labelled = result.groups.map((g) => ({ ...g, label: groupLabel(g.group, content.schools, content.programs) }));
  // Within a dimension, groups read in alphabetical order of their names.
  labelled.sort((a, b) => (a.group.dimension === b.group.dimension ? a.label.localeCompare(b.label, 'ru') : 0));
  const longest = Math.max(0, ...labelled.map((g) => g.label.length));
  const number = (header: string, key: string, numFmt: string): Column => ({ header, key, width: fit(header, 0, 10), numFmt });
  const sheet = openSheet(workbook, name, [
    { header: c.dimension, key: 'dimension', width: fit(c.dimension, 24) },
    { header: c.group, key: 'group', width: fit(c.group, longest, 20) },
    number(c.n, 'n', INTEGER),
    number(c.meanBefore, 'meanBefore', DECIMAL),
    number(c.meanAfter, 'meanAfter', DECIMAL),
    number(c.meanChange, 'meanChange', DECIMAL),
    number(c.medianChange, 'medianChange', DECIMAL),
    number(c.sdChange, 'sdChange', DECIMAL),
    number(c.shareImproved, 'shareImproved', PERCENT),
    number(c.shareUnchanged, 'shareUnchanged', PERCENT),
    number(c.shareWorsened, 'shareWorsened', PERCENT),
    number(c.wilcoxonV, 'wilcoxonV', DECIMAL),
    number(c.wilcoxonNonZero, 'wilcoxonNonZero', INTEGER),
    number(c.wilcoxonP, 'wilcoxonP', P_VALUE),
    { header: c.wilcoxonMethod, key: 'wilcoxonMethod', width: fit(c.wilcoxonMethod, 22) },
    number(c.tStatistic, 'tStatistic', DECIMAL),
    number(c.tDf, 'tDf', INTEGER),
    number(c.tP, 'tP', P_VALUE),
    number(c.cohensDz, 'cohensDz', DECIMAL),
    number(c.rankBiserial, 'rankBiserial', DECIMAL),
    { header: c.smallSample, key: 'smallSample', width: fit(c.smallSample) },
    number(c.missingBefore, 'missingBefore', INTEGER),
    number(c.missingAfter, 'missingAfter', INTEGER),
  ]);
  sheet.getRow(1).height = 45;
  for (const g of labelled) {
    const s = g.summary;
    if (g.suppressed) {
      const row = addRow(sheet, { dimension: ru.DIMENSION_LABELS[g.group.dimension], group: g.label, n: ru.SUPPRESSED[g.suppressed] });
      row.commit();
      continue;
    }
    const row = addRow(sheet, {
      dimension: ru.DIMENSION_LABELS[g.group.dimension],
      group: g.label,
      n: s.n,
      meanBefore: s.meanBefore,
      meanAfter: s.meanAfter,
      meanChange: s.meanChange,
      medianChange: s.medianChange,
      sdChange: s.sdChange,
      shareImproved: s.shareImproved,
      shareUnchanged: s.shareUnchanged,
      shareWorsened: s.shareWorsened,
      wilcoxonV: s.wilcoxon.nonZero ? s.wilcoxon.vPlus : null,
      wilcoxonNonZero: s.wilcoxon.nonZero,
      wilcoxonP: s.wilcoxon.pValue,
      wilcoxonMethod: ru.WILCOXON_METHOD_LABELS[s.wilcoxon.method],
      tStatistic: s.tTest.t,
      tDf: s.tTest.df,
      tP: s.tTest.pValue,
      cohensDz: s.cohensDz,
      rankBiserial: s.rankBiserial,
      smallSample: s.smallSample ? ru.SMALL_SAMPLE_MARK : null,
      missingBefore: g.incompleteMissingBefore,
      missingAfter: g.incompleteMissingAfter,
    });
    row.commit();
    if (row.number % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
  }
  sheet.commit();
  return labelled.length;
}

