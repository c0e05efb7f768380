import ExcelJS from 'exceljs';
import { createPerson, createSchool } from './fixtures';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * Importing a school's staff from .xlsx and CSV through the gateway: validation with row and column,
 * one transaction, no duplicates on a second import, all-or-nothing, dry run, the template, and the
 * school boundary. Everything written is read back with the office's token.
 */

let system: TestSystem;
let office: string;
let schoolA: string;
let schoolB: string;
let curatorA: string;
let curatorB: string;

const IMPORT = `mutation($input: StaffImportInput!) {
  importStaff(input: $input) { rows created updated unchanged skipped committed problems { row column value code message } }
}`;

interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  committed: boolean;
  problems: { row: number; column: string | null; value: string | null; code: string; message: string }[];
}

interface PersonRow {
  fullName: string;
  staffNumber: string | null;
  email: string | null;
  subjects: string[];
  pedagogicalExperienceYears: number;
  qualificationCategory: string;
  hiredOn: string | null;
  version: number;
  mentorProfiles: { kind: string; status: string }[];
  menteeProfiles: { categories: string[]; requests: string[] }[];
  menteeCategories: string[];
}

const HEADER = [
  'ФИО', 'Должность', 'Предметы', 'Педагогический стаж, лет', 'Стаж с (дата)', 'Дата приёма', 'Квалификационная категория',
  'Год рождения', 'Email', 'Телефон', 'Табельный номер', 'База', 'Вид наставника', 'Категории наставляемого', 'Запросы', 'Дефициты', 'Согласия',
];

type Cell = string | number | Date | null;

async function xlsx(rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Сотрудники');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function importStaff(token: string, input: Record<string, unknown>): Promise<ImportResult> {
  return (await system.request<{ importStaff: ImportResult }>(IMPORT, { input: { format: 'XLSX', ...input } }, token)).importStaff;
}

/** The school's staff as its curator sees them (burnout included, which only the curator and the psychologist see). */
async function staffOf(schoolId: string): Promise<PersonRow[]> {
  const data = await system.request<{ people: { nodes: PersonRow[] } }>(
    `query($filter: PersonFilter) { people(filter: $filter, page: { first: 100 }) { nodes {
      fullName staffNumber email subjects pedagogicalExperienceYears qualificationCategory hiredOn version
      mentorProfiles { kind status } menteeProfiles { categories requests } menteeCategories } } }`,
    { filter: { schoolId, includeArchived: true } },
    await system.token(Role.CURATOR, schoolId),
  );
  return data.people.nodes;
}

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа импорта А');
  schoolB = await createSchool(system, office, 'Школа импорта Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
  curatorB = await system.token(Role.CURATOR, schoolB);
});

afterAll(() => system?.stop());

const GOOD: Cell[][] = [
  ['Алексеева Ольга Ивановна', 'Учитель', 'Математика; Физика', 25, null, '01.09.2001', 'высшая', 1970, 'alekseeva@import.example', '+7 900 111-22-33', 'T-1', 'наставник', 'опытный педагог', null, null, null, 'персональные данные'],
  ['Борисов Пётр Сергеевич', 'Учитель', 'Информатика', 1, null, new Date(Date.UTC(2025, 7, 25)), 'без категории', 2001, 'borisov@import.example', null, 'T-2', 'наставляемый', null, 'цифровые навыки', 'Подготовка к ОГЭ', 'Работа с родителями', 'персональные данные; мониторинг'],
  ['Васильева Нина Павловна', 'Учитель начальных классов', null, 12, null, null, 'первая', null, 'Vasilyeva@Import.example', null, null, 'наставляемый', null, 'эмоциональное выгорание', null, null, 'Персональные данные; психологическая диагностика'],
  ['Григорьев Иван', 'Педагог-психолог', null, null, '2015-09-01', null, null, null, null, null, 'T-4', null, null, null, null, null],
];
const BAD: Cell[][] = [
  ['Дмитриева Анна', 'Учитель', null, 10, null, null, 'вторая', null, 'dmitrieva@import.example', null, 'T-5', null, null, null, null, null],
  ['Егоров Олег', 'Учитель', null, 10, null, null, null, null, 'не-адрес', null, null, 'наставляемый', null, 'молодой специалист', null, null],
  ['Алексеева-двойник', 'Учитель', null, 3, null, null, null, null, null, null, 'T-1', null, null, null, null, null],
];

describe('import from .xlsx', () => {
  it('imports the valid rows with their base entries and lists the problems by row and column', async () => {
    const file = await xlsx([...GOOD, ...BAD]);
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64: file, mode: 'VALID_ROWS' });
    expect(result).toMatchObject({ rows: 7, created: 4, updated: 0, unchanged: 0, skipped: 3, committed: true });
    expect(result.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 6, column: 'Квалификационная категория', code: 'UNKNOWN_VALUE' },
      { row: 7, column: 'Email', code: 'INVALID_EMAIL' },
      { row: 7, column: 'Категории наставляемого', code: 'YOUNG_SPECIALIST_MISMATCH' },
      { row: 8, column: 'Табельный номер', code: 'DUPLICATE_KEY' },
    ]);
    expect(result.problems[0]!.value).toBe('вторая');

    const staff = await staffOf(schoolA);
    expect(staff.map((person) => person.fullName)).toEqual(GOOD.map((row) => row[0]));
    const [alekseeva, borisov, vasilyeva, grigoriev] = staff;
    expect(alekseeva).toMatchObject({
      staffNumber: 'T-1', subjects: ['Математика', 'Физика'], pedagogicalExperienceYears: 25, qualificationCategory: 'HIGHEST', hiredOn: '2001-09-01',
      mentorProfiles: [{ kind: 'EXPERIENCED_TEACHER', status: 'CANDIDATE' }], menteeProfiles: [],
    });
    expect(borisov).toMatchObject({ hiredOn: '2025-08-25', menteeCategories: ['YOUNG_SPECIALIST', 'DIGITAL_SKILLS'], menteeProfiles: [{ requests: ['Подготовка к ОГЭ'] }] });
    expect(vasilyeva).toMatchObject({ staffNumber: null, email: 'Vasilyeva@Import.example', menteeCategories: ['BURNOUT'] });
    expect(grigoriev).toMatchObject({ email: null, qualificationCategory: 'NONE', mentorProfiles: [], menteeProfiles: [] });
  });

  it('creates no duplicates when the same file comes again', async () => {
    const file = await xlsx([...GOOD, ...BAD]);
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64: file });
    expect(result).toMatchObject({ rows: 7, created: 0, updated: 0, unchanged: 4, skipped: 3, committed: true });
    const staff = await staffOf(schoolA);
    expect(staff).toHaveLength(4);
    expect(staff.every((person) => person.version === 1)).toBe(true);
    expect(staff.flatMap((person) => [...person.mentorProfiles, ...person.menteeProfiles])).toHaveLength(3);
  });

  it('updates changed fields by the staff number or the e-mail in any case, and opens a missing base entry', async () => {
    const changed: Cell[][] = [
      ['Алексеева Ольга Ивановна', 'Заместитель директора', 'Математика; Физика', 25, null, '01.09.2001', 'высшая', 1970, 'alekseeva@import.example', '+7 900 111-22-33', 'T-1', 'наставник', 'опытный педагог', null, null, null],
      ['Васильева Нина Павловна', 'Учитель начальных классов', null, 12, null, null, 'первая', null, 'vasilyeva@import.EXAMPLE', null, null, 'наставляемый', null, 'эмоциональное выгорание', null, null],
      ['Григорьев Иван', 'Педагог-психолог', null, null, '2015-09-01', null, null, null, null, null, 'T-4', 'наставник', 'педагог-новатор', null, null, null, 'персональные данные'],
    ];
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64: await xlsx(changed) });
    expect(result).toMatchObject({ rows: 3, created: 0, updated: 2, unchanged: 1, skipped: 0, problems: [] });
    const staff = await staffOf(schoolA);
    expect(staff).toHaveLength(4);
    expect(staff[0]).toMatchObject({ fullName: 'Алексеева Ольга Ивановна', version: 2, mentorProfiles: [{ kind: 'EXPERIENCED_TEACHER' }] });
    expect(staff[3]).toMatchObject({ fullName: 'Григорьев Иван', version: 1, mentorProfiles: [{ kind: 'INNOVATOR', status: 'CANDIDATE' }] });
  });

  it('writes nothing in ALL_OR_NOTHING mode when one row has a problem', async () => {
    const file = await xlsx([['Жукова Мария', 'Учитель', null, 2, null, null, null, null, 'zhukova@import.example', null, null, null, null, null, null, null], BAD[0]!]);
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64: file, mode: 'ALL_OR_NOTHING' });
    expect(result).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 0, skipped: 2, committed: false });
    expect(result.problems).toEqual([expect.objectContaining({ row: 3, column: 'Квалификационная категория', code: 'UNKNOWN_VALUE' })]);
    expect(await staffOf(schoolA)).toHaveLength(4);
  });

  it('counts but writes nothing on a dry run', async () => {
    const file = await xlsx([['Жукова Мария', 'Учитель', null, 2, null, null, null, null, 'zhukova@import.example', null, null, 'наставляемый', null, null, null, null, 'персональные данные']]);
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64: file, dryRun: true });
    expect(result).toMatchObject({ rows: 1, created: 1, skipped: 0, committed: false, problems: [] });
    expect(await staffOf(schoolA)).toHaveLength(4);
  });

  it('refuses an e-mail that belongs to a person of another school', async () => {
    await createPerson(system, curatorB, schoolB, { email: 'taken@import.example' });
    const file = await xlsx([['Зайцева Ирина', 'Учитель', null, 5, null, null, null, null, 'TAKEN@import.example', null, null, null, null, null, null, null]]);
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64: file });
    expect(result).toMatchObject({ created: 0, skipped: 1, problems: [expect.objectContaining({ row: 2, column: 'Email', code: 'EMAIL_TAKEN' })] });
    expect(await staffOf(schoolA)).toHaveLength(4);
  });
});

describe('consents', () => {
  const CONSENTS = `query($id: ID!) { person(id: $id) { activeConsentScopes consents { givenOn recordedBy } } }`;

  it('records the consents of the row, and enters nobody into a base without the consent it needs', async () => {
    const schoolId = await createSchool(system, office, 'Школа импорта согласий');
    const curator = await system.token(Role.CURATOR, schoolId);
    const file = await xlsx([
      ['Без Согласия', 'Учитель', null, 1, null, null, null, null, null, null, 'C-1', 'наставляемый', null, null, null, null, 'мониторинг'],
      ['Выгорание Без Согласия', 'Учитель', null, 12, null, null, null, null, null, null, 'C-2', 'наставляемый', null, 'эмоциональное выгорание', null, null, 'персональные данные'],
      ['Только Сотрудник', 'Учитель', null, 12, null, null, null, null, null, null, 'C-3', null, null, null, null, null, null],
      ['Неизвестное Согласие', 'Учитель', null, 12, null, null, null, null, null, null, 'C-4', null, null, null, null, null, 'на всё'],
      ['С Согласием', 'Учитель', null, 1, null, null, null, null, null, null, 'C-5', 'наставляемый', null, null, null, null, 'персональные данные; мониторинг'],
    ]);
    const result = await importStaff(curator, { schoolId, fileBase64: file });
    expect(result).toMatchObject({ rows: 5, created: 2, skipped: 3, committed: true });
    expect(result.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: 'Согласия', code: 'CONSENT_REQUIRED' },
      { row: 3, column: 'Согласия', code: 'CONSENT_REQUIRED' },
      { row: 5, column: 'Согласия', code: 'UNKNOWN_VALUE' },
    ]);
    expect(result.problems[0]!.message).toContain('«персональные данные»');
    expect(result.problems[1]!.message).toContain('«психологическая диагностика»');
    expect(result.problems[1]!.message).not.toContain('«персональные данные»');

    const staff = await staffOf(schoolId);
    expect(staff.map((person) => person.fullName).sort()).toEqual(['С Согласием', 'Только Сотрудник']);
    const people = await system.request<{ people: { nodes: { id: string; fullName: string }[] } }>(
      'query($filter: PersonFilter) { people(filter: $filter) { nodes { id fullName } } }',
      { filter: { schoolId } },
      curator,
    );
    const consenting = people.people.nodes.find((person) => person.fullName === 'С Согласием')!;
    const read = (await system.request<{ person: { activeConsentScopes: string[]; consents: { recordedBy: string }[] } }>(CONSENTS, { id: consenting.id }, curator)).person;
    expect(read.activeConsentScopes).toEqual(['MONITORING', 'PERSONAL_DATA']);
    expect(read.consents.every((consent) => consent.recordedBy === `test-curator-${schoolId}`)).toBe(true);
    expect(staff.find((person) => person.fullName === 'С Согласием')!.menteeProfiles).toHaveLength(1);

    // A person whose consent is already on record enters the base without the column.
    const staffOnly = people.people.nodes.find((person) => person.fullName === 'Только Сотрудник')!;
    await system.request('mutation($id: ID!) { giveConsent(input: { personId: $id, scope: PERSONAL_DATA }) { id } }', { id: staffOnly.id }, curator);
    const again = await importStaff(curator, {
      schoolId,
      fileBase64: await xlsx([['Только Сотрудник', 'Учитель', null, 12, null, null, null, null, null, null, 'C-3', 'наставник', 'опытный педагог', null, null, null, null]]),
    });
    expect(again).toMatchObject({ updated: 1, problems: [] });
  });
});

describe('import from CSV', () => {
  it('reads «;» separated UTF-8 with a BOM and skips rows already imported', async () => {
    const csv = [
      'ФИО;Должность;Педагогический стаж, лет;Email;Табельный номер;База;Категории наставляемого;Согласия',
      'Иванова Светлана;Учитель;2;ivanova.s@import.example;;наставляемый;;персональные данные',
      '"Алексеева Ольга Ивановна";Заместитель директора;25;alekseeva@import.example;T-1;;;',
      'Кузнецов Олег;Учитель;1;;;наставляемый;молодой специалист;персональные данные',
    ].join('\r\n');
    const fileBase64 = Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64');
    const result = await importStaff(curatorA, { schoolId: schoolA, fileBase64, format: 'CSV' });
    expect(result).toMatchObject({ rows: 3, created: 1, updated: 0, unchanged: 1, skipped: 1, committed: true });
    expect(result.problems).toEqual([expect.objectContaining({ row: 4, column: 'Табельный номер', code: 'MISSING_KEY' })]);
    const ivanova = (await staffOf(schoolA)).find((person) => person.fullName === 'Иванова Светлана');
    expect(ivanova).toMatchObject({ menteeCategories: ['YOUNG_SPECIALIST'], pedagogicalExperienceYears: 2 });
  });
});

describe('the template', () => {
  it('downloads, has the Russian headers and a help sheet, and its example row imports', async () => {
    const { staffImportTemplate } = await system.request<{ staffImportTemplate: string }>('{ staffImportTemplate }', {}, curatorB);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(staffImportTemplate, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Сотрудники', 'Справка']);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.worksheets[1]!.rowCount).toBe(HEADER.length + 1);

    const result = await importStaff(curatorB, { schoolId: schoolB, fileBase64: staffImportTemplate });
    expect(result).toMatchObject({ rows: 1, created: 1, skipped: 0, problems: [] });
    const imported = (await staffOf(schoolB)).find((person) => person.staffNumber === '0001');
    expect(imported).toMatchObject({ fullName: 'Иванова Мария Петровна', menteeCategories: ['YOUNG_SPECIALIST', 'DIGITAL_SKILLS'] });
  });
});

describe('refusals', () => {
  it('answers NOT_FOUND on input.schoolId to a curator of another school, and writes nothing', async () => {
    const file = await xlsx([GOOD[0]!]);
    const { body } = await system.post(IMPORT, { input: { schoolId: schoolA, fileBase64: file, format: 'XLSX' } }, curatorB);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.schoolId' });
  });

  it('refuses a mentor of the school', async () => {
    const mentor = await system.token(Role.MENTOR, schoolA);
    const { body } = await system.post(IMPORT, { input: { schoolId: schoolA, fileBase64: await xlsx([]), format: 'XLSX' } }, mentor);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a file that is not a workbook, and one that is too large', async () => {
    const notXlsx = await system.post(IMPORT, { input: { schoolId: schoolA, fileBase64: Buffer.from('hello').toString('base64'), format: 'XLSX' } }, curatorA);
    expect(notXlsx.body.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.fileBase64' });
    const large = Buffer.alloc(720 * 1024, 65).toString('base64');
    const tooLarge = await system.post(IMPORT, { input: { schoolId: schoolA, fileBase64: large, format: 'CSV' } }, curatorA);
    expect(tooLarge.body.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.fileBase64' });
    expect(tooLarge.body.errors?.[0]?.message).toMatch(/FILE_TOO_LARGE/);
  });
});
