/** The one look of every sheet: frozen filtered header, number formats, fitted widths, no error values. */
import type ExcelJS from 'exceljs';

export type Column = { header: string; key: string; width: number; numFmt?: string };
export const INTEGER = '0';
export const DECIMAL = '0.00';
export const PERCENT = '0.0%';
export const P_VALUE = '0.0000';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const MAX_WIDTH = 60;
/** Rows written synchronously pile up in the sheet's buffer; yielding lets the zip stream take them. */
export const YIELD_EVERY_ROWS = 200;
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Opens a sheet with a frozen, filtered, styled header row. */
export function openSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[], filter = true): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(MAX_WIDTH, c.width), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  if (filter) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export function addRow(sheet: ExcelJS.Worksheet, values: Record<string, unknown>): ExcelJS.Row {
  // Absent figures stay empty cells: never NaN, Infinity or a formula that could show an error.
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    clean[key] = value;
  }
  return sheet.addRow(clean);
}

/** Width that fits the header (wrapped over up to three lines) and the longest value. */
export function fit(header: string, longestValue = 0, minimum = 8): number {
  return Math.max(minimum, Math.ceil(header.length / 3) + 2, longestValue + 2);
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()) || taken.has(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name);
  taken.add(name.toLowerCase());
  return name;
}
