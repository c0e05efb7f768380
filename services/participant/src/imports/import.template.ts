import ExcelJS from 'exceljs';
import { COLUMN_HELP, COLUMN_ORDER, COLUMNS, HELP_HEADERS, HELP_SHEET, STAFF_SHEET, TEMPLATE_EXAMPLE } from './import.labels.ru';

/** The .xlsx template: the header row (bold, frozen), one example row, and a «Справка» sheet. */
export async function buildStaffTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(STAFF_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_ORDER.map((key) => ({ header: COLUMNS[key], key, width: Math.max(14, COLUMNS[key].length + 4) }));
  sheet.getColumn('fullName').width = 32;
  sheet.getColumn('email').width = 26;
  sheet.getColumn('mentorKind').width = 30;
  sheet.getColumn('menteeCategories').width = 30;
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(TEMPLATE_EXAMPLE);
  // Text columns stay text: Excel must not turn «0001» into 1.
  for (const key of ['staffNumber', 'phone', 'hiredOn', 'experienceSince'] as const) sheet.getColumn(key).numFmt = '@';

  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: HELP_HEADERS[0], width: 32 },
    { header: HELP_HEADERS[1], width: 120 },
  ];
  help.getRow(1).font = { bold: true };
  help.views = [{ state: 'frozen', ySplit: 1 }];
  for (const key of COLUMN_ORDER) help.addRow([COLUMNS[key], COLUMN_HELP[key]]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
