/** The workbook's secondary sheets: stage-1 surveys, scorecards, incomplete measurements, methodology. */
import type ExcelJS from 'exceljs';
import { isSmallGroup } from '@nastavnik/platform';
import * as ru from './labels.ru';
import { addRow, DECIMAL, fit, INTEGER, openSheet, PERCENT, YIELD_EVERY_ROWS, yieldToEventLoop } from './report.sheet-format';
import type { IncompleteMeasurement, WorkbookContent } from './report.workbook';

export function writeStage1(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: WorkbookContent): number {
  const sheet = openSheet(workbook, ru.SHEET.stage1, [
    { header: 'Анкета', key: 'questionnaire', width: 30 },
    { header: 'Вопрос', key: 'question', width: 60 },
    { header: 'Респонденты', key: 'role', width: 16 },
    { header: 'Ответов', key: 'responses', width: 10, numFmt: INTEGER },
    { header: 'Средняя оценка', key: 'mean', width: 12, numFmt: DECIMAL },
    { header: 'Распределение выборов', key: 'choices', width: 60 },
    { header: 'Открытых ответов', key: 'open', width: 12, numFmt: INTEGER },
  ], content.stage1 !== null);
  if (!content.stage1) {
    addRow(sheet, { questionnaire: ru.EMPTY_SECTION.stage1 }).commit();
    sheet.commit();
    return 0;
  }
  for (const q of content.stage1.questions) {
    if (isSmallGroup(q.responses, content.minGroupSize)) {
      addRow(sheet, { questionnaire: q.questionnaireTitle, question: q.questionText, role: ru.RESPONDENT_ROLE_LABELS[q.respondentRole] ?? q.respondentRole, responses: ru.SUPPRESSED.SMALL_GROUP }).commit();
      continue;
    }
    addRow(sheet, {
      questionnaire: q.questionnaireTitle,
      question: q.questionText,
      role: ru.RESPONDENT_ROLE_LABELS[q.respondentRole] ?? q.respondentRole,
      responses: q.responses,
      mean: q.meanRating,
      choices: Object.entries(q.choices).map(([option, count]) => `${option}: ${count}`).join('; '),
      // The texts are single persons' answers: the school's curator and psychologist read them in the system.
      open: q.openAnswers.length || undefined,
    }).commit();
  }
  sheet.commit();
  return content.stage1.questions.length;
}

/** Stage-1 response rates by school and respondent role: invited, answered, share. */
export function writeResponseRates(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: WorkbookContent): number {
  const longest = Math.max(20, ...[...content.schools.values()].map((s) => s.name.length));
  const sheet = openSheet(workbook, ru.SHEET.responseRates, [
    { header: 'Школа', key: 'school', width: fit('Школа', longest) },
    { header: 'Респонденты', key: 'role', width: 16 },
    { header: 'Приглашено', key: 'invited', width: 12, numFmt: INTEGER },
    { header: 'Ответили', key: 'responded', width: 12, numFmt: INTEGER },
    { header: 'Доля ответивших', key: 'rate', width: 12, numFmt: PERCENT },
  ], content.stage1 !== null);
  if (!content.stage1) {
    addRow(sheet, { school: ru.EMPTY_SECTION.stage1 }).commit();
    sheet.commit();
    return 0;
  }
  const schoolName = (id: string) => content.schools.get(id)?.name ?? id;
  const rates = [...content.stage1.responseRates].sort(
    (a, b) => schoolName(a.schoolId).localeCompare(schoolName(b.schoolId), 'ru') || a.respondentRole.localeCompare(b.respondentRole),
  );
  for (const rate of rates) {
    if (isSmallGroup(rate.invited, content.minGroupSize)) {
      addRow(sheet, { school: schoolName(rate.schoolId), role: ru.RESPONDENT_ROLE_LABELS[rate.respondentRole] ?? rate.respondentRole, invited: rate.invited, responded: ru.SUPPRESSED.SMALL_GROUP }).commit();
      continue;
    }
    addRow(sheet, {
      school: schoolName(rate.schoolId),
      role: ru.RESPONDENT_ROLE_LABELS[rate.respondentRole] ?? rate.respondentRole,
      invited: rate.invited,
      responded: rate.responded,
      rate: rate.invited > 0 ? rate.responded / rate.invited : null,
    }).commit();
  }
  sheet.commit();
  return rates.length;
}

export function writeScorecards(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: WorkbookContent): number {
  const indicators = Array.from({ length: 9 }, (_, i) => i + 1);
  const longest = Math.max(20, ...[...content.schools.values()].map((s) => s.name.length));
  const sheet = openSheet(workbook, ru.SHEET.scorecards, [
    { header: 'Школа', key: 'school', width: fit('Школа', longest) },
    { header: 'Программа', key: 'program', width: 30 },
    { header: 'Сумма баллов', key: 'total', width: 10, numFmt: INTEGER },
    { header: 'Уровень', key: 'level', width: 14 },
    ...indicators.map((n) => ({ header: `Показатель ${n}`, key: `i${n}`, width: 12, numFmt: INTEGER })),
  ], content.scorecards !== null);
  if (!content.scorecards) {
    addRow(sheet, { school: ru.EMPTY_SECTION.scorecards }).commit();
    sheet.commit();
    return 0;
  }
  const schoolName = (id: string) => content.schools.get(id)?.name ?? id;
  const cards = [...content.scorecards].sort((a, b) => schoolName(a.schoolId).localeCompare(schoolName(b.schoolId), 'ru') || a.programId.localeCompare(b.programId));
  for (const card of cards) {
    const program = content.programs.get(card.programId);
    const values: Record<string, unknown> = {
      school: schoolName(card.schoolId),
      program: program ? ru.FORM_LABELS[program.form] ?? program.form : card.programId,
      total: card.total,
      level: ru.SCORECARD_LEVEL_LABELS[card.level],
    };
    for (const n of indicators) values[`i${n}`] = card.scores[n];
    const row = addRow(sheet, values);
    row.getCell('level').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ru.SCORECARD_LEVEL_COLOURS[card.level] } };
    row.commit();
  }
  sheet.commit();
  return content.scorecards.length;
}

/** Incomplete measurements as counts per programme and parameter: a workbook names nobody. */
export async function writeIncomplete(workbook: ExcelJS.stream.xlsx.WorkbookWriter, incomplete: IncompleteMeasurement[]): Promise<number> {
  const c = ru.INCOMPLETE_COLUMNS;
  const sheet = openSheet(workbook, ru.SHEET.incomplete, [
    { header: c.school, key: 'school', width: fit(c.school, Math.max(0, ...incomplete.map((r) => r.schoolName.length)), 20) },
    { header: c.program, key: 'program', width: fit(c.program, Math.max(0, ...incomplete.map((r) => r.programLabel.length)), 20) },
    { header: c.parameter, key: 'parameter', width: fit(c.parameter, Math.max(0, ...incomplete.map((r) => r.parameterName.length)), 20) },
    { header: c.missingBefore, key: 'missingBefore', width: fit(c.missingBefore, 0, 14), numFmt: INTEGER },
    { header: c.missingAfter, key: 'missingAfter', width: fit(c.missingAfter, 0, 14), numFmt: INTEGER },
  ]);
  if (incomplete.length === 0) addRow(sheet, { school: ru.EMPTY_SECTION.noIncomplete }).commit();
  for (const r of incomplete) {
    const counts = r.suppressed ? { missingBefore: ru.SUPPRESSED[r.suppressed] } : { missingBefore: r.missingBefore, missingAfter: r.missingAfter };
    const row = addRow(sheet, { school: r.schoolName, program: r.programLabel, parameter: r.parameterName, ...counts });
    row.commit();
    if (row.number % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
  }
  sheet.commit();
  return incomplete.length;
}

export function writeMethodology(workbook: ExcelJS.stream.xlsx.WorkbookWriter): number {
  const sheet = openSheet(workbook, ru.SHEET.methodology, [
    { header: 'Показатель', key: 'term', width: 36 },
    { header: 'Что означает и как рассчитан', key: 'text', width: 110 },
  ], false);
  for (const [term, text] of ru.METHODOLOGY) {
    const row = addRow(sheet, { term, text });
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell('term').font = { bold: true };
    row.commit();
  }
  sheet.commit();
  return ru.METHODOLOGY.length;
}

