import { ConsentScope } from '@nastavnik/platform';
import { MenteeCategory } from '../mentees/mentee.enums';
import { MentorKind } from '../mentors/mentor.enums';
import { Base, QualificationCategory } from '../people/person.enums';

/** Every Russian label of the staff import and its template, in one place. */

export const COLUMNS = {
  fullName: 'ФИО',
  position: 'Должность',
  subjects: 'Предметы',
  experienceYears: 'Педагогический стаж, лет',
  experienceSince: 'Стаж с (дата)',
  hiredOn: 'Дата приёма',
  qualificationCategory: 'Квалификационная категория',
  birthYear: 'Год рождения',
  email: 'Email',
  phone: 'Телефон',
  staffNumber: 'Табельный номер',
  base: 'База',
  mentorKind: 'Вид наставника',
  menteeCategories: 'Категории наставляемого',
  requests: 'Запросы',
  deficits: 'Дефициты',
  consents: 'Согласия',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_ORDER = Object.keys(COLUMNS) as ColumnKey[];

export const QUALIFICATION_LABELS: Record<QualificationCategory, string> = {
  [QualificationCategory.NONE]: 'без категории',
  [QualificationCategory.COMPLIES_WITH_POSITION]: 'соответствие занимаемой должности',
  [QualificationCategory.FIRST]: 'первая',
  [QualificationCategory.HIGHEST]: 'высшая',
};

export const BASE_LABELS: Record<Base, string> = {
  [Base.MENTOR]: 'наставник',
  [Base.MENTEE]: 'наставляемый',
};

export const MENTOR_KIND_LABELS: Record<MentorKind, string> = {
  [MentorKind.EXPERIENCED_TEACHER]: 'опытный педагог',
  [MentorKind.VETERAN]: 'ветеран педагогического труда',
  [MentorKind.COMMUNITY_LEADER]: 'лидер педагогического сообщества',
  [MentorKind.INNOVATOR]: 'педагог-новатор',
  [MentorKind.EXPERIENCED_CLASS_TEACHER]: 'опытный классный руководитель',
  [MentorKind.EXPERIENCED_SUBJECT_TEACHER]: 'опытный предметник',
};

export const MENTEE_CATEGORY_LABELS: Record<MenteeCategory, string> = {
  [MenteeCategory.YOUNG_SPECIALIST]: 'молодой специалист',
  [MenteeCategory.BURNOUT]: 'эмоциональное выгорание',
  [MenteeCategory.NEW_WORKPLACE]: 'новое место работы',
  [MenteeCategory.DIGITAL_SKILLS]: 'цифровые навыки',
};

export const CONSENT_LABELS: Record<ConsentScope, string> = {
  [ConsentScope.PERSONAL_DATA]: 'персональные данные',
  [ConsentScope.MONITORING]: 'мониторинг',
  [ConsentScope.PSYCHOLOGICAL_DIAGNOSTICS]: 'психологическая диагностика',
};

/** The template's second sheet: what each column takes. */
export const HELP_SHEET = 'Справка';
export const STAFF_SHEET = 'Сотрудники';
export const COLUMN_HELP: Record<ColumnKey, string> = {
  fullName: 'Обязательно. Фамилия, имя, отчество (3–200 символов)',
  position: 'Обязательно. Должность (2–200 символов)',
  subjects: 'Предметы через «;»',
  experienceYears: 'Целое число лет 0–70; обязателен стаж в годах или дата начала стажа (если даны оба — они должны совпадать)',
  experienceSince: 'Дата начала педагогического стажа: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
  hiredOn: 'Дата приёма в школу: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
  qualificationCategory: `Одно из: ${Object.values(QUALIFICATION_LABELS).join(' / ')}; пусто — без категории`,
  birthYear: 'Год рождения, 1920–2015',
  email: 'Адрес электронной почты; ключ сотрудника, если не указан табельный номер',
  phone: 'Цифры, пробелы, скобки, дефисы, в начале может быть «+»',
  staffNumber: 'Табельный номер в школе; ключ сотрудника (повторный импорт не создаёт дублей)',
  base: `Одно из: ${Object.values(BASE_LABELS).join(' / ')}; пусто — только сотрудник`,
  mentorKind: `Для базы «наставник», обязательно. Одно из: ${Object.values(MENTOR_KIND_LABELS).join(' / ')}`,
  menteeCategories: `Для базы «наставляемый», через «;»: ${Object.values(MENTEE_CATEGORY_LABELS).join(' / ')}. «Молодой специалист» выводится из стажа (0–3 года) и может быть указан, только если стаж ему соответствует`,
  requests: 'Для базы «наставляемый»: запросы через «;»',
  deficits: 'Для базы «наставляемый»: профессиональные дефициты через «;»',
  consents: `Подписанные сотрудником согласия через «;»: ${Object.values(CONSENT_LABELS).join(' / ')}; записываются датой импорта. Без согласия «${CONSENT_LABELS.PERSONAL_DATA}» сотрудник не вносится в базу; для категории «${MENTEE_CATEGORY_LABELS.BURNOUT}» нужно и согласие «${CONSENT_LABELS.PSYCHOLOGICAL_DIAGNOSTICS}»`,
};

export const TEMPLATE_EXAMPLE: Record<ColumnKey, string | number> = {
  fullName: 'Иванова Мария Петровна',
  position: 'Учитель',
  subjects: 'Математика; Информатика',
  experienceYears: 2,
  experienceSince: '',
  hiredOn: '01.09.2024',
  qualificationCategory: QUALIFICATION_LABELS.NONE,
  birthYear: 2000,
  email: 'ivanova@school.example',
  phone: '+7 900 000-00-00',
  staffNumber: '0001',
  base: BASE_LABELS.MENTEE,
  mentorKind: '',
  menteeCategories: MENTEE_CATEGORY_LABELS.DIGITAL_SKILLS,
  requests: 'Подготовка к ОГЭ',
  deficits: 'Работа с родителями',
  consents: `${CONSENT_LABELS.PERSONAL_DATA}; ${CONSENT_LABELS.MONITORING}`,
};

export const HELP_HEADERS = ['Столбец', 'Допустимые значения'];

/** Header or label as compared: case, «ё», and spacing do not matter. */
export function normalizeLabel(value: string): string {
  return value.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}
