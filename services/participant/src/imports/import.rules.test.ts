import ExcelJS from 'exceljs';
import { experienceSinceFromYears } from '../people/experience.rules';
import { COLUMNS, type ColumnKey } from './import.labels.ru';
import { mapColumns, parseCsv, readXlsx, type RawCell, type SheetRow } from './import.parse';
import { parseDate, parseLabel, validateRow, validateRows } from './import.rules';
import { buildStaffTemplate } from './import.template';
import { QUALIFICATION_LABELS } from './import.labels.ru';

const AS_OF = '2026-03-15';

function row(cells: Partial<Record<ColumnKey, RawCell>>, number = 2): SheetRow {
  return { row: number, cells: { fullName: 'Петрова Анна Сергеевна', position: 'Учитель', experienceYears: 10, email: 'petrova@school.example', ...cells } };
}

describe('parseDate', () => {
  it.each<[RawCell, string | null]>([
    ['01.09.2024', '2024-09-01'],
    ['1.9.2024', '2024-09-01'],
    ['2024-09-01', '2024-09-01'],
    [new Date(Date.UTC(2024, 8, 1)), '2024-09-01'],
    [45536, '2024-09-01'],
    ['31.02.2024', null],
    ['2024/09/01', null],
    ['завтра', null],
    [1.5, null],
  ])('%p → %p', (value, expected) => expect(parseDate(value)).toBe(expected));
});

describe('parseLabel', () => {
  it('takes Russian labels in any case and with ё/е, and the enum names', () => {
    expect(parseLabel('Высшая', QUALIFICATION_LABELS)).toBe('HIGHEST');
    expect(parseLabel('  соответствие   занимаемой должности ', QUALIFICATION_LABELS)).toBe('COMPLIES_WITH_POSITION');
    expect(parseLabel('first', QUALIFICATION_LABELS)).toBe('FIRST');
    expect(parseLabel('вторая', QUALIFICATION_LABELS)).toBeNull();
  });
});

describe('validateRow', () => {
  it('accepts a full row and converts it', () => {
    const { value, problems } = validateRow(
      row({
        subjects: 'Математика; Физика;',
        hiredOn: '01.09.2020',
        qualificationCategory: 'первая',
        birthYear: '1985',
        phone: 79001234567,
        staffNumber: 17,
        base: 'Наставник',
        mentorKind: 'опытный педагог',
      }),
      AS_OF,
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      key: 'staff:17',
      subjects: ['Математика', 'Физика'],
      experienceSince: experienceSinceFromYears(10, AS_OF),
      hiredOn: '2020-09-01',
      qualificationCategory: 'FIRST',
      birthYear: 1985,
      phone: '79001234567',
      base: 'MENTOR',
      mentorKind: 'EXPERIENCED_TEACHER',
    });
  });

  it('keys by e-mail in lower case without a staff number', () => {
    expect(validateRow(row({ email: 'Petrova@School.Example' }), AS_OF).value?.key).toBe('email:petrova@school.example');
  });

  it.each<[string, Partial<Record<ColumnKey, RawCell>>, ColumnKey, string]>([
    ['no name', { fullName: '' }, 'fullName', 'REQUIRED'],
    ['short position', { position: 'У' }, 'position', 'INVALID_LENGTH'],
    ['no experience', { experienceYears: null }, 'experienceYears', 'REQUIRED'],
    ['negative years', { experienceYears: -1 }, 'experienceYears', 'INVALID_NUMBER'],
    ['fractional years', { experienceYears: '2,5' }, 'experienceYears', 'INVALID_NUMBER'],
    ['bad start date', { experienceYears: null, experienceSince: '32.01.2020' }, 'experienceSince', 'INVALID_DATE'],
    ['start in the future', { experienceYears: null, experienceSince: '2030-01-01' }, 'experienceSince', 'INVALID_DATE'],
    ['years and date disagree', { experienceYears: 2, experienceSince: '01.01.2010' }, 'experienceYears', 'EXPERIENCE_MISMATCH'],
    ['bad hire date', { hiredOn: '2020-13-01' }, 'hiredOn', 'INVALID_DATE'],
    ['unknown qualification', { qualificationCategory: 'вторая' }, 'qualificationCategory', 'UNKNOWN_VALUE'],
    ['birth year out of range', { birthYear: 1900 }, 'birthYear', 'INVALID_NUMBER'],
    ['bad e-mail', { email: 'petrova@' }, 'email', 'INVALID_EMAIL'],
    ['bad phone', { phone: 'звонить вечером' }, 'phone', 'INVALID_PHONE'],
    ['no key', { email: null, staffNumber: '' }, 'staffNumber', 'MISSING_KEY'],
    ['unknown base', { base: 'куратор' }, 'base', 'UNKNOWN_VALUE'],
    ['mentor without kind', { base: 'наставник' }, 'mentorKind', 'REQUIRED'],
    ['unknown mentor kind', { base: 'наставник', mentorKind: 'гуру' }, 'mentorKind', 'UNKNOWN_VALUE'],
    ['mentor kind outside the mentor base', { mentorKind: 'педагог-новатор' }, 'mentorKind', 'NOT_APPLICABLE'],
    ['categories outside the mentee base', { menteeCategories: 'цифровые навыки' }, 'menteeCategories', 'NOT_APPLICABLE'],
    ['requests outside the mentee base', { requests: 'ОГЭ' }, 'requests', 'NOT_APPLICABLE'],
    ['unknown category', { base: 'наставляемый', menteeCategories: 'лень' }, 'menteeCategories', 'UNKNOWN_VALUE'],
    ['young specialist with 10 years', { base: 'наставляемый', menteeCategories: 'молодой специалист' }, 'menteeCategories', 'YOUNG_SPECIALIST_MISMATCH'],
    ['experienced mentee without a category', { base: 'наставляемый' }, 'menteeCategories', 'REQUIRED'],
  ])('%s', (_, cells, column, code) => {
    const { value, problems } = validateRow(row(cells, 7), AS_OF);
    expect(value).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ row: 7, column: COLUMNS[column], code }));
  });

  it('reads the signed consents by label or scope name, and refuses an unknown one', () => {
    expect(validateRow(row({ consents: 'Психологическая диагностика; персональные данные; MONITORING; персональные данные' }), AS_OF).value?.consents).toEqual([
      'MONITORING',
      'PERSONAL_DATA',
      'PSYCHOLOGICAL_DIAGNOSTICS',
    ]);
    expect(validateRow(row({}), AS_OF).value?.consents).toEqual([]);
    const { problems } = validateRow(row({ consents: 'персональные данные; на всё' }), AS_OF);
    expect(problems).toEqual([expect.objectContaining({ column: COLUMNS.consents, code: 'UNKNOWN_VALUE', value: 'персональные данные; на всё' })]);
  });

  it('derives the young specialist and never stores it', () => {
    const derived = validateRow(row({ experienceYears: 2, base: 'наставляемый' }), AS_OF);
    expect(derived.problems).toEqual([]);
    expect(derived.value?.menteeCategories).toEqual([]);
    const given = validateRow(row({ experienceYears: 1, base: 'наставляемый', menteeCategories: 'молодой специалист; цифровые навыки' }), AS_OF);
    expect(given.value?.menteeCategories).toEqual(['DIGITAL_SKILLS']);
  });

  it('reports every problem of a row, not just the first', () => {
    const { problems } = validateRow(row({ fullName: '', email: 'x', birthYear: 3000 }), AS_OF);
    expect(problems.map((problem) => problem.code).sort()).toEqual(['INVALID_EMAIL', 'INVALID_NUMBER', 'REQUIRED']);
  });
});

describe('validateRows', () => {
  it('reports keys and e-mails repeated in the file, keeping the first row', () => {
    const { valid, problems } = validateRows(
      [
        row({ staffNumber: '1' }, 2),
        row({ staffNumber: '1', email: 'other@school.example' }, 3),
        row({ staffNumber: '2' }, 4),
        row({ email: 'Other@School.example' }, 5),
      ],
      AS_OF,
    );
    expect(valid.map((r) => r.row)).toEqual([2, 5]);
    expect(problems).toEqual([
      expect.objectContaining({ row: 3, column: COLUMNS.staffNumber, code: 'DUPLICATE_KEY' }),
      expect.objectContaining({ row: 4, column: COLUMNS.email, code: 'DUPLICATE_KEY' }),
    ]);
  });
});

describe('parseCsv and mapColumns', () => {
  it('reads «;» with a BOM, quotes and CRLF, numbering rows as the file does', () => {
    const csv = '\uFEFFФИО;Должность;Педагогический стаж, лет;Email;Неизвестный\r\n"Петрова; Анна";Учитель;5;a@b.ru;x\r\n;;;;\r\nИванов Иван;"Учитель ""Б""";1;c@d.ru;\r\n';
    const { rows, problems } = mapColumns(parseCsv(csv));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, cells: { fullName: 'Петрова; Анна', position: 'Учитель', experienceYears: '5', email: 'a@b.ru' } },
      { row: 4, cells: { fullName: 'Иванов Иван', position: 'Учитель "Б"', experienceYears: '1', email: 'c@d.ru' } },
    ]);
  });

  it('reads «,» separated files', () => {
    const { rows } = mapColumns(parseCsv('фио,должность,стаж с (дата),email\nПетрова Анна,Учитель,01.09.2020,a@b.ru\n'));
    expect(rows[0]?.cells).toEqual({ fullName: 'Петрова Анна', position: 'Учитель', experienceSince: '01.09.2020', email: 'a@b.ru' });
  });

  it('reports missing required columns on row 1', () => {
    const { problems } = mapColumns(parseCsv('ФИО;Email\nПетрова;a@b.ru\n'));
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, 'Должность', 'MISSING_COLUMN'],
      [1, 'Педагогический стаж, лет', 'MISSING_COLUMN'],
    ]);
  });
});

describe('xlsx', () => {
  it('reads date cells, numbers, hyperlinks and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow(['ФИО', 'Должность', 'Стаж с (дата)', 'Email', 'Табельный номер']);
    sheet.addRow([{ richText: [{ text: 'Петрова ' }, { text: 'Анна' }] }, 'Учитель', new Date(Date.UTC(2020, 8, 1)), { text: 'a@b.ru', hyperlink: 'mailto:a@b.ru' }, 42]);
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    const { rows } = mapColumns(table);
    const { value, problems } = validateRow(rows[0]!, AS_OF);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ row: 2, fullName: 'Петрова Анна', experienceSince: '2020-09-01', email: 'a@b.ru', key: 'staff:42' });
  });

  it('builds a template whose example row is valid', async () => {
    const table = await readXlsx(await buildStaffTemplate());
    const { rows, problems } = mapColumns(table);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(validateRows(rows, AS_OF).problems).toEqual([]);
  });
});
