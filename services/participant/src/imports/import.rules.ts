import { isIsoDate, toIsoDate, type ConsentScope } from '@nastavnik/platform';
import { isEmail } from 'class-validator';
import { MenteeCategory } from '../mentees/mentee.enums';
import { MentorKind } from '../mentors/mentor.enums';
import { experienceYears, isYoungSpecialist, resolveExperienceSince } from '../people/experience.rules';
import { Base, QualificationCategory } from '../people/person.enums';
import { PHONE } from '../people/person.types';
import {
  BASE_LABELS,
  COLUMNS,
  CONSENT_LABELS,
  MENTEE_CATEGORY_LABELS,
  MENTOR_KIND_LABELS,
  normalizeLabel,
  QUALIFICATION_LABELS,
  type ColumnKey,
} from './import.labels.ru';
import type { RawCell, SheetRow } from './import.parse';

/** A problem of one row (as the spreadsheet numbers it, header = 1) and column (its Russian header). */
export interface Problem {
  row: number;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

/** A row that passed validation, in the API's terms. Absent optional values leave stored ones alone. */
export interface StaffRow {
  row: number;
  /** The stable key: `staff:<number>` or `email:<lower-case e-mail>`. */
  key: string;
  fullName: string;
  position: string;
  subjects?: string[];
  experienceSince: string;
  /** Given as whole years only: an existing person with the same years keeps their exact date. */
  experienceYears: number | null;
  experienceGivenAsDate: boolean;
  hiredOn?: string;
  qualificationCategory?: QualificationCategory;
  birthYear?: number;
  email?: string;
  phone?: string;
  staffNumber?: string;
  base: Base | null;
  mentorKind?: MentorKind;
  /** Stored mentee categories: the young-specialist one is derived, never stored. */
  menteeCategories: MenteeCategory[];
  requests: string[];
  deficits: string[];
  /** Consents the person signed, to be recorded by the import (as of the import's date). */
  consents: ConsentScope[];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function text(value: RawCell): string {
  if (value === null) return '';
  if (value instanceof Date) return toIsoDate(value);
  return String(value).trim();
}

function shown(value: RawCell): string | null {
  const shownValue = text(value);
  return shownValue === '' ? null : shownValue;
}

/** dd.mm.yyyy, yyyy-mm-dd, an Excel date cell or an Excel serial day number → ISO date, or null. */
export function parseDate(value: RawCell): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toIsoDate(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2958465) return null;
    return toIsoDate(new Date(EXCEL_EPOCH + value * 86400000));
  }
  const source = text(value);
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(source);
  const iso = russian ? `${russian[3]}-${russian[2]!.padStart(2, '0')}-${russian[1]!.padStart(2, '0')}` : source.replace(/T00:00:00(\.000)?Z?$/, '');
  return isIsoDate(iso) ? iso : null;
}

/** A whole number from a number cell or its text; null when it is not one. */
export function parseInteger(value: RawCell): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const source = text(value);
  return /^-?\d+$/.test(source) ? Number(source) : null;
}

/** A «;»-separated list, trimmed, empty items dropped. */
export function parseList(value: RawCell): string[] {
  return text(value)
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A Russian label (any case, ё = е) or the API's enum name → the enum value, or null. */
export function parseLabel<E extends string>(value: string, labels: Record<E, string>): E | null {
  const wanted = normalizeLabel(value);
  for (const [key, label] of Object.entries(labels) as [E, string][]) {
    if (normalizeLabel(label) === wanted || key.toLowerCase() === wanted) return key;
  }
  return null;
}

/** Validates one row against the same rules as the services; answers the row or its problems. */
export function validateRow(sheetRow: SheetRow, asOf: string): { value: StaffRow | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const cell = (key: ColumnKey): RawCell => sheetRow.cells[key] ?? null;
  const problem = (key: ColumnKey, code: string, message: string) =>
    problems.push({ row: sheetRow.row, column: COLUMNS[key], value: shown(cell(key)), code, message });
  const given = (key: ColumnKey) => text(cell(key)) !== '';

  const fullName = text(cell('fullName')).replace(/\s+/g, ' ');
  if (!fullName) problem('fullName', 'REQUIRED', 'Укажите ФИО');
  else if (fullName.length < 3 || fullName.length > 200) problem('fullName', 'INVALID_LENGTH', 'ФИО должно быть от 3 до 200 символов');

  const position = text(cell('position'));
  if (!position) problem('position', 'REQUIRED', 'Укажите должность');
  else if (position.length < 2 || position.length > 200) problem('position', 'INVALID_LENGTH', 'Должность должна быть от 2 до 200 символов');

  let subjects: string[] | undefined;
  if (given('subjects')) {
    subjects = [...new Set(parseList(cell('subjects')))];
    if (subjects.length > 20) problem('subjects', 'TOO_MANY', 'Не больше 20 предметов');
    else if (subjects.some((subject) => subject.length > 100)) problem('subjects', 'INVALID_LENGTH', 'Название предмета — не длиннее 100 символов');
  }

  let years: number | null = null;
  if (given('experienceYears')) {
    years = parseInteger(cell('experienceYears'));
    if (years === null || years < 0 || years > 70) {
      problem('experienceYears', 'INVALID_NUMBER', 'Стаж — целое число лет от 0 до 70');
      years = null;
    }
  }
  let since: string | null = null;
  if (given('experienceSince')) {
    since = parseDate(cell('experienceSince'));
    if (since === null) problem('experienceSince', 'INVALID_DATE', 'Дата — в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД');
    else if (since > asOf) {
      problem('experienceSince', 'INVALID_DATE', 'Начало стажа не может быть в будущем');
      since = null;
    }
  }
  let experienceSince: string | undefined;
  if (!given('experienceYears') && !given('experienceSince')) {
    problem('experienceYears', 'REQUIRED', `Укажите «${COLUMNS.experienceYears}» или «${COLUMNS.experienceSince}»`);
  } else if ((!given('experienceYears') || years !== null) && (!given('experienceSince') || since !== null)) {
    try {
      experienceSince = resolveExperienceSince({ pedagogicalExperienceSince: since, pedagogicalExperienceYears: years }, asOf);
    } catch {
      problem('experienceYears', 'EXPERIENCE_MISMATCH', `Стаж с ${since} — это ${experienceYears(since!, asOf)} лет, а не ${years}`);
    }
  }

  let hiredOn: string | undefined;
  if (given('hiredOn')) {
    hiredOn = parseDate(cell('hiredOn')) ?? undefined;
    if (!hiredOn) problem('hiredOn', 'INVALID_DATE', 'Дата — в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД');
  }

  let qualificationCategory: QualificationCategory | undefined;
  if (given('qualificationCategory')) {
    qualificationCategory = parseLabel(text(cell('qualificationCategory')), QUALIFICATION_LABELS) ?? undefined;
    if (!qualificationCategory) problem('qualificationCategory', 'UNKNOWN_VALUE', `Одно из: ${Object.values(QUALIFICATION_LABELS).join(', ')}`);
  }

  let birthYear: number | undefined;
  if (given('birthYear')) {
    birthYear = parseInteger(cell('birthYear')) ?? undefined;
    if (birthYear === undefined || birthYear < 1920 || birthYear > 2015) {
      problem('birthYear', 'INVALID_NUMBER', 'Год рождения — от 1920 до 2015');
      birthYear = undefined;
    }
  }

  let email: string | undefined;
  if (given('email')) {
    email = text(cell('email')).replace(/^mailto:/i, '');
    if (!isEmail(email) || email.length > 200) {
      problem('email', 'INVALID_EMAIL', 'Неверный адрес электронной почты');
      email = undefined;
    }
  }

  let phone: string | undefined;
  if (given('phone')) {
    phone = text(cell('phone'));
    if (!PHONE.test(phone)) {
      problem('phone', 'INVALID_PHONE', 'Телефон: цифры, пробелы, скобки, дефисы, в начале может быть «+»');
      phone = undefined;
    }
  }

  let staffNumber: string | undefined;
  if (given('staffNumber')) {
    staffNumber = text(cell('staffNumber'));
    if (staffNumber.length > 50) {
      problem('staffNumber', 'INVALID_LENGTH', 'Табельный номер — не длиннее 50 символов');
      staffNumber = undefined;
    }
  }
  if (!given('staffNumber') && !given('email')) {
    problem('staffNumber', 'MISSING_KEY', `Укажите «${COLUMNS.staffNumber}» или «${COLUMNS.email}»: по ним повторный импорт находит сотрудника`);
  }

  let base: Base | null = null;
  if (given('base')) {
    base = parseLabel(text(cell('base')), BASE_LABELS);
    if (!base) problem('base', 'UNKNOWN_VALUE', `Одно из: ${Object.values(BASE_LABELS).join(', ')} или пусто`);
  }

  let mentorKind: MentorKind | undefined;
  if (given('mentorKind')) {
    mentorKind = parseLabel(text(cell('mentorKind')), MENTOR_KIND_LABELS) ?? undefined;
    if (!mentorKind) problem('mentorKind', 'UNKNOWN_VALUE', `Одно из: ${Object.values(MENTOR_KIND_LABELS).join(', ')}`);
    else if (base !== Base.MENTOR) problem('mentorKind', 'NOT_APPLICABLE', `Вид наставника указывается только для базы «${BASE_LABELS.MENTOR}»`);
  } else if (base === Base.MENTOR) {
    problem('mentorKind', 'REQUIRED', 'Для базы «наставник» укажите вид наставника');
  }

  let menteeCategories: MenteeCategory[] = [];
  const requests = parseList(cell('requests'));
  const deficits = parseList(cell('deficits'));
  if (given('menteeCategories')) {
    const labels = parseList(cell('menteeCategories'));
    const parsed = labels.map((label) => parseLabel(label, MENTEE_CATEGORY_LABELS));
    const unknown = labels.filter((_, index) => parsed[index] === null);
    if (unknown.length) problem('menteeCategories', 'UNKNOWN_VALUE', `Неизвестные категории: ${unknown.join(', ')}. Допустимы: ${Object.values(MENTEE_CATEGORY_LABELS).join(', ')}`);
    else if (base !== Base.MENTEE) problem('menteeCategories', 'NOT_APPLICABLE', `Категории указываются только для базы «${BASE_LABELS.MENTEE}»`);
    else menteeCategories = parsed as MenteeCategory[];
  }
  if ((requests.length || deficits.length) && base !== Base.MENTEE) {
    problem(requests.length ? 'requests' : 'deficits', 'NOT_APPLICABLE', `Запросы и дефициты указываются только для базы «${BASE_LABELS.MENTEE}»`);
  }
  if (requests.length > 30 || requests.some((item) => item.length > 500)) problem('requests', 'TOO_MANY', 'Не больше 30 запросов по 500 символов');
  if (deficits.length > 30 || deficits.some((item) => item.length > 500)) problem('deficits', 'TOO_MANY', 'Не больше 30 дефицитов по 500 символов');

  // The mentee-category rule of the service: young specialist follows from experience.
  if (base === Base.MENTEE && experienceSince) {
    const young = isYoungSpecialist(experienceSince, asOf);
    if (menteeCategories.includes(MenteeCategory.YOUNG_SPECIALIST) && !young) {
      problem('menteeCategories', 'YOUNG_SPECIALIST_MISMATCH', 'Молодой специалист — стаж не больше 3 лет, а здесь больше');
    } else if (!young && menteeCategories.length === 0 && !given('menteeCategories')) {
      problem('menteeCategories', 'REQUIRED', 'Наставляемому со стажем больше 3 лет нужна хотя бы одна категория');
    }
  }

  const consentLabels = parseList(cell('consents'));
  const consents = consentLabels.map((label) => parseLabel(label, CONSENT_LABELS));
  const unknownConsents = consentLabels.filter((_, index) => consents[index] === null);
  if (unknownConsents.length) problem('consents', 'UNKNOWN_VALUE', `Неизвестные согласия: ${unknownConsents.join(', ')}. Допустимы: ${Object.values(CONSENT_LABELS).join(', ')}`);

  if (problems.length) return { value: null, problems };
  return {
    value: {
      row: sheetRow.row,
      key: staffNumber ? `staff:${staffNumber}` : `email:${email!.toLowerCase()}`,
      fullName,
      position,
      subjects,
      experienceSince: experienceSince!,
      experienceYears: since === null ? years : null,
      experienceGivenAsDate: since !== null,
      hiredOn,
      qualificationCategory,
      birthYear,
      email,
      phone,
      staffNumber,
      base,
      mentorKind,
      menteeCategories: [...new Set(menteeCategories.filter((category) => category !== MenteeCategory.YOUNG_SPECIALIST))].sort(),
      requests,
      deficits,
      consents: [...new Set(consents as ConsentScope[])].sort(),
    },
    problems,
  };
}

/** Validates every row, then the file as a whole: a key or an e-mail may appear only once. */
export function validateRows(rows: SheetRow[], asOf: string): { valid: StaffRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const candidates: StaffRow[] = [];
  for (const row of rows) {
    const result = validateRow(row, asOf);
    problems.push(...result.problems);
    if (result.value) candidates.push(result.value);
  }
  const duplicated = new Set<number>();
  const firstRowOf = new Map<string, number>();
  for (const row of candidates) {
    const checks: [string, ColumnKey, string][] = [[row.key, row.staffNumber ? 'staffNumber' : 'email', row.staffNumber ?? row.email!]];
    if (row.email && row.staffNumber) checks.push([`email:${row.email.toLowerCase()}`, 'email', row.email]);
    for (const [key, column, value] of checks) {
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        duplicated.add(row.row);
        problems.push({ row: row.row, column: COLUMNS[column], value, code: 'DUPLICATE_KEY', message: `Тот же сотрудник уже есть в строке ${first}` });
      }
    }
    // A repeated row claims no key: only the first occurrence counts.
    if (!duplicated.has(row.row)) for (const [key] of checks) firstRowOf.set(key, row.row);
  }
  problems.sort((a, b) => a.row - b.row);
  return { valid: candidates.filter((row) => !duplicated.has(row.row)), problems };
}
