import ExcelJS from 'exceljs';
import { COLUMN_ORDER, COLUMNS, normalizeLabel, type ColumnKey } from './import.labels.ru';
import type { Problem } from './import.rules';

/** A cell as read from the file: text (CSV, text cells), a number, or a date (Excel date cells). */
export type RawCell = string | number | Date | boolean | null;

/** One line of the table with its number as the spreadsheet shows it (the header is row 1). */
export interface TableRow {
  row: number;
  values: RawCell[];
}

export interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, RawCell>>;
}

/** Parses CSV text: «;» or «,» separated (whichever the header uses more), quotes, BOM, CRLF. */
export function parseCsv(text: string): TableRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: TableRow[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    record.push(field);
    rows.push({ row: recordLine, values: record });
    record = [];
    field = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return rows;
}

/** Reads the first worksheet of an .xlsx; formulas give their result, links and rich text their text. */
export async function readXlsx(buffer: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    const values: RawCell[] = [];
    for (let column = 1; column <= excelRow.cellCount; column += 1) values.push(cellValue(excelRow.getCell(column).value));
    rows.push({ row: rowNumber, values });
  });
  return rows;
}

function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

const HEADER_KEYS = new Map(COLUMN_ORDER.map((key) => [normalizeLabel(COLUMNS[key]), key]));

/**
 * Maps the header row (the first non-empty line) to columns; unknown headers are ignored. Answers
 * the data rows (blank ones skipped) and the header's problems: missing required or repeated columns.
 */
export function mapColumns(table: TableRow[]): { rows: SheetRow[]; problems: Problem[] } {
  const [header, ...data] = table.filter((row) => !isBlank(row.values));
  if (!header) return { rows: [], problems: [{ row: 1, column: null, value: null, code: 'EMPTY_FILE', message: 'Файл пуст: нет строки заголовков' }] };
  const problems: Problem[] = [];
  const positions = new Map<ColumnKey, number>();
  header.values.forEach((value, index) => {
    const key = value == null ? undefined : HEADER_KEYS.get(normalizeLabel(String(value)));
    if (!key) return;
    if (positions.has(key)) {
      problems.push({ row: header.row, column: COLUMNS[key], value: String(value), code: 'DUPLICATE_COLUMN', message: `Столбец «${COLUMNS[key]}» указан дважды` });
    } else {
      positions.set(key, index);
    }
  });
  for (const key of ['fullName', 'position'] as const) {
    if (!positions.has(key)) problems.push({ row: header.row, column: COLUMNS[key], value: null, code: 'MISSING_COLUMN', message: `Нет обязательного столбца «${COLUMNS[key]}»` });
  }
  if (!positions.has('experienceYears') && !positions.has('experienceSince')) {
    problems.push({
      row: header.row,
      column: COLUMNS.experienceYears,
      value: null,
      code: 'MISSING_COLUMN',
      message: `Нужен столбец «${COLUMNS.experienceYears}» или «${COLUMNS.experienceSince}»`,
    });
  }
  const rows = data.map((row) => ({
    row: row.row,
    cells: Object.fromEntries([...positions].map(([key, index]) => [key, row.values[index] ?? null])) as SheetRow['cells'],
  }));
  return { rows, problems };
}

function isBlank(values: RawCell[]): boolean {
  return values.every((value) => value === null || (typeof value === 'string' && value.trim() === ''));
}
