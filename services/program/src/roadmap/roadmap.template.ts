/**
 * Roadmap template (дорожная карта) — section 9 of the seed school programme
 * «Дорожная карта по реализации системы наставничества педагогических работников».
 *
 * Every row of the seed table is reproduced in the seed's order and wording (including
 * the seed's own typos and punctuation, e.g. «Приказ об назначении наставников», the
 * unbalanced quotes in 2.1 and the school name «Старина»), so that a school can start
 * from the document it already approved and edit its own copy afterwards.
 *
 * Pure data and pure functions only: no I/O, no clock.
 *
 * ── Month mapping ─────────────────────────────────────────────────────────────────────
 * `fromMonth` / `toMonth` are calendar month numbers (1 = January … 12 = December).
 * A period is read in academic-year order, i.e. it may wrap over the new year
 * (fromMonth > toMonth means "from this month until that month of the next calendar year").
 *
 *   seed label          fromMonth  toMonth   meaning
 *   «Май - август»          5         8      preparation before the school year starts
 *   «Июнь - август»         6         8      preparation before the school year starts
 *   «Август»                8         8      pre-start month (pedagogical council, orders)
 *   «Август – сентябрь»     8         9      around the start of the school year
 *   «сентябрь»              9         9
 *   «В течение года»        9         5      the teaching year: 1 September – 31 May. The seed
 *                                            closes the cycle in May (monitoring «Апрель - май»,
 *                                            final ceremony «Май»), so June–August belongs to the
 *                                            preparation of the next cycle, not to "the year".
 *   «Апрель»                4         4
 *   «Апрель - май»          4         5
 *   «Май»                   5         5      end of the cycle (award ceremony)
 *
 * ── Calendar years (periodDates) ──────────────────────────────────────────────────────
 * The roadmap of academic year Y/Y+1 (which starts on 1 September Y) is a cycle whose
 * periods END inside the window August Y … July Y+1:
 *   - toMonth 8..12 → calendar year Y; toMonth 1..7 → calendar year Y+1;
 *   - fromMonth is in the same calendar year as toMonth when fromMonth <= toMonth,
 *     otherwise (the period wraps over New Year) in the calendar year before.
 * Hence «Май - август» of 2025/26 is 2025-05-01..2025-08-31 (preparation before the year),
 * while «Апрель - май» and «Май» of 2025/26 fall in 2026, and «В течение года» is
 * 2025-09-01..2026-05-31. August is treated as the preparatory month of the year it opens
 * (the seed schedules the pedagogical council and the order on pairs there), so a period
 * can never run September → August; that is not used by the seed.
 */

export type RoadmapSection = 'NORMATIVE_LEGAL' | 'ORGANISATIONAL_METHODICAL' | 'MONITORING' | 'INFORMATIONAL';

/** Section headings as in the seed (without the leading numbers «1.», «2.» …). */
export const ROADMAP_SECTION_LABELS: Readonly<Record<RoadmapSection, string>> = Object.freeze({
  NORMATIVE_LEGAL: 'Нормативно-правовое обеспечение введения системы наставничества',
  ORGANISATIONAL_METHODICAL: 'Организационно-методическое обеспечение введения системы наставничества',
  MONITORING: 'Мониторинг реализации и оценки результатов реализации программ наставничества',
  INFORMATIONAL: 'Информационное обеспечение введения наставничества',
});

/** Sections in the seed's order. */
export const ROADMAP_SECTIONS: ReadonlyArray<RoadmapSection> = Object.freeze([
  'NORMATIVE_LEGAL',
  'ORGANISATIONAL_METHODICAL',
  'MONITORING',
  'INFORMATIONAL',
] as const);

export type RoadmapResponsibleRole =
  | 'DIRECTOR'
  | 'DEPUTY_DIRECTOR'
  | 'CURATOR'
  | 'PSYCHOLOGIST'
  | 'MENTOR'
  | 'PEDAGOGICAL_COUNCIL';

export const ROADMAP_RESPONSIBLE_ROLE_LABELS: Readonly<Record<RoadmapResponsibleRole, string>> = Object.freeze({
  DIRECTOR: 'Директор школы',
  DEPUTY_DIRECTOR: 'Заместитель директора по учебной работе',
  CURATOR: 'Куратор Программы',
  PSYCHOLOGIST: 'Педагог-психолог',
  MENTOR: 'Наставники',
  PEDAGOGICAL_COUNCIL: 'Педагогический совет',
});

export interface RoadmapPeriod {
  /** Calendar month 1..12 the period starts in. */
  fromMonth: number;
  /** Calendar month 1..12 the period ends in (may be "before" fromMonth: the period wraps over New Year). */
  toMonth: number;
  /** The seed's own wording of the deadline («Август – сентябрь», «В течение года» …). */
  label: string;
}

export interface RoadmapTemplateRow {
  /** Row number as in the seed («1.1», «2.10», …; the seed's trailing dot dropped). */
  number: string;
  section: RoadmapSection;
  /** «Мероприятие». */
  event: string;
  /** «Форма представления результата». Empty only where the seed leaves it empty (row 4.1). */
  resultForm: string;
  /** «Сроки». */
  period: RoadmapPeriod;
  /** Primary responsible role («Ответственный»). */
  responsibleRole: RoadmapResponsibleRole;
  /** The seed's «Ответственный» cell verbatim (row 2.6 names two roles). */
  responsibleLabel: string;
}

const MAY_AUGUST = { fromMonth: 5, toMonth: 8, label: 'Май - август' } as const;
const JUNE_AUGUST = { fromMonth: 6, toMonth: 8, label: 'Июнь - август' } as const;
const AUGUST = { fromMonth: 8, toMonth: 8, label: 'Август' } as const;
const AUGUST_SEPTEMBER = { fromMonth: 8, toMonth: 9, label: 'Август – сентябрь' } as const;
const SEPTEMBER = { fromMonth: 9, toMonth: 9, label: 'сентябрь' } as const;
const THROUGH_THE_YEAR = { fromMonth: 9, toMonth: 5, label: 'В течение года' } as const;
const APRIL = { fromMonth: 4, toMonth: 4, label: 'Апрель' } as const;
const APRIL_MAY = { fromMonth: 4, toMonth: 5, label: 'Апрель - май' } as const;
const MAY = { fromMonth: 5, toMonth: 5, label: 'Май' } as const;

const DIRECTOR_LABEL = 'Директор школы';
const DEPUTY_LABEL = 'Заместитель директора по учебной работе';

const rows: RoadmapTemplateRow[] = [
  // 1. Нормативно-правовое обеспечение введения системы наставничества
  {
    number: '1.1',
    section: 'NORMATIVE_LEGAL',
    event: 'Внесение поправок в Положении о наставничестве в школе при необходимости',
    resultForm: '«Положения о наставничестве в школе»;',
    period: MAY_AUGUST,
    responsibleRole: 'DIRECTOR',
    responsibleLabel: DIRECTOR_LABEL,
  },
  // 2. Организационно-методическое обеспечение введения системы наставничества
  {
    number: '2.1',
    section: 'ORGANISATIONAL_METHODICAL',
    event: 'Выбор форм и программ наставничества исходя из потребностей школы',
    resultForm: '«Программа наставничества в МБОУ «СОШ ст. Старина»',
    period: MAY_AUGUST,
    responsibleRole: 'DEPUTY_DIRECTOR',
    responsibleLabel: DEPUTY_LABEL,
  },
  {
    number: '2.2',
    section: 'ORGANISATIONAL_METHODICAL',
    event:
      'Проведение педагогического совета, посвященного введению системы наставничества и разработке необходимых локальных актов',
    resultForm: 'Протокол педагогического совета',
    period: AUGUST,
    responsibleRole: 'DIRECTOR',
    responsibleLabel: DIRECTOR_LABEL,
  },
  {
    number: '2.3',
    section: 'ORGANISATIONAL_METHODICAL',
    event:
      'Формирование банка наставляемых: диагностика профессиональных дефицитов молодых педагогов; сбор дополнительной информации о запросах наставляемых; анализ данных; формирование базы данных наставляемых.',
    resultForm: 'Аналитическая справка о профессиональных дефицитах молодых педагогов. База наставляемых.',
    period: AUGUST_SEPTEMBER,
    responsibleRole: 'DEPUTY_DIRECTOR',
    responsibleLabel: DEPUTY_LABEL,
  },
  {
    number: '2.4',
    section: 'ORGANISATIONAL_METHODICAL',
    event:
      'Формирование базы наставников: проведение собеседования среди потенциальных наставников, желающих принять участие в программе наставничества; анализ результатов собеседования потенциальных наставников и сопоставление анкет с анкетами наставляемых; формирование базы наставников.',
    resultForm: 'База наставников. Приказ об назначении наставников',
    period: AUGUST_SEPTEMBER,
    responsibleRole: 'DEPUTY_DIRECTOR',
    responsibleLabel: DEPUTY_LABEL,
  },
  {
    number: '2.5',
    section: 'ORGANISATIONAL_METHODICAL',
    event: 'Определение наставнических пар на учебный год',
    resultForm: 'Приказ о наставнических парах на учебный год',
    period: AUGUST,
    responsibleRole: 'DIRECTOR',
    responsibleLabel: DIRECTOR_LABEL,
  },
  {
    number: '2.6',
    section: 'ORGANISATIONAL_METHODICAL',
    event: 'Разработка и утверждение «Карты индивидуального образовательного маршрута педагога» наставником',
    resultForm: '«Карты индивидуального образовательного маршрута педагога»',
    period: SEPTEMBER,
    // The seed names «Наставники Директор школы»: the mentor develops the map, the director
    // approves it. The mentor is the one who does the work, so MENTOR is the primary role.
    responsibleRole: 'MENTOR',
    responsibleLabel: 'Наставники Директор школы',
  },
  {
    number: '2.7',
    section: 'ORGANISATIONAL_METHODICAL',
    event:
      'Проведение торжественного мероприятия для подведения итогов Программы наставничества и награждения лучших наставников',
    resultForm: 'Сценарий мероприятия, наградные документы, Приказ о награждении наставников за работу',
    period: MAY,
    responsibleRole: 'DIRECTOR',
    responsibleLabel: DIRECTOR_LABEL,
  },
  {
    number: '2.8',
    section: 'ORGANISATIONAL_METHODICAL',
    event:
      'Проведение методических семинаров с наставниками и наставляемыми по организационным и методическим принципам осуществления наставничества',
    resultForm: 'Методические материалы по организации наставничества для наставников и наставляемых',
    period: THROUGH_THE_YEAR,
    responsibleRole: 'DEPUTY_DIRECTOR',
    responsibleLabel: DEPUTY_LABEL,
  },
  {
    number: '2.9',
    section: 'ORGANISATIONAL_METHODICAL',
    event: 'Обучение наставников для работы с наставляемыми',
    resultForm: 'Удостоверение, сертификаты о прохождении обучения',
    period: THROUGH_THE_YEAR,
    responsibleRole: 'DIRECTOR',
    responsibleLabel: DIRECTOR_LABEL,
  },
  {
    number: '2.10',
    section: 'ORGANISATIONAL_METHODICAL',
    event: 'Организация психолого-педагогической поддержки и сопровождения наставляемых',
    resultForm: 'Проведенные тренинги, консультации',
    period: THROUGH_THE_YEAR,
    responsibleRole: 'PSYCHOLOGIST',
    responsibleLabel: 'Педагог-психолог',
  },
  {
    number: '2.11',
    section: 'ORGANISATIONAL_METHODICAL',
    event:
      'Организация работы в наставнических парах (группах). Регулярные встречи наставника и наставляемого Регулярная обратная связь от участников программы',
    resultForm:
      'Организационное сопровождение наставниками наставляемых. Наличие персонализированных программ для наставнических пар (групп)',
    period: THROUGH_THE_YEAR,
    responsibleRole: 'MENTOR',
    responsibleLabel: 'Наставники',
  },
  // 3. Мониторинг реализации и оценки результатов реализации программ наставничества
  {
    number: '3.1',
    section: 'MONITORING',
    event:
      'Организация внутреннего мониторинга эффективности программы наставничества; Анкетирование участников. Мониторинг личной удовлетворенности участием в программе.',
    resultForm: 'Получены и проанализированы данные мониторинга – информационная справка',
    period: APRIL_MAY,
    responsibleRole: 'DEPUTY_DIRECTOR',
    responsibleLabel: DEPUTY_LABEL,
  },
  {
    number: '3.2',
    section: 'MONITORING',
    event: 'Проведение итогового мероприятия по обмену опыта между наставниками',
    resultForm: 'Методические материалы',
    period: APRIL,
    responsibleRole: 'DEPUTY_DIRECTOR',
    responsibleLabel: DEPUTY_LABEL,
  },
  // 4. Информационное обеспечение введения наставничества
  {
    number: '4.1',
    section: 'INFORMATIONAL',
    event:
      'Информирование педагогического сообщества образовательной организации о реализации Программы наставничества',
    // The seed leaves «Форма представления результата» empty for this row.
    resultForm: '',
    period: JUNE_AUGUST,
    responsibleRole: 'DIRECTOR',
    responsibleLabel: DIRECTOR_LABEL,
  },
];

export const ROADMAP_TEMPLATE: ReadonlyArray<RoadmapTemplateRow> = Object.freeze(
  rows.map((row) => Object.freeze({ ...row, period: Object.freeze({ ...row.period }) })),
);

function assertMonth(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw new RangeError(`${name} must be an integer month 1..12, got ${value}`);
  }
}

function isoDate(year: number, month: number, day: number): string {
  const yyyy = String(year).padStart(4, '0');
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

/** Number of days in a calendar month (leap years included). */
function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any time-zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Calendar dates of a roadmap period in the academic year that starts in September of
 * `academicYearStart` (see the mapping rule at the top of this file).
 * Returns ISO dates: the first day of fromMonth and the last day of toMonth.
 * Throws RangeError for months outside 1..12 or a non-integer year.
 */
export function periodDates(
  period: Pick<RoadmapPeriod, 'fromMonth' | 'toMonth'>,
  academicYearStart: number,
): { startsOn: string; endsOn: string } {
  assertMonth('fromMonth', period.fromMonth);
  assertMonth('toMonth', period.toMonth);
  if (!Number.isInteger(academicYearStart) || academicYearStart < 1 || academicYearStart > 9998) {
    throw new RangeError(`academicYearStart must be an integer year, got ${academicYearStart}`);
  }
  const endYear = period.toMonth >= 8 ? academicYearStart : academicYearStart + 1;
  const startYear = period.fromMonth <= period.toMonth ? endYear : endYear - 1;
  return {
    startsOn: isoDate(startYear, period.fromMonth, 1),
    endsOn: isoDate(endYear, period.toMonth, daysInMonth(endYear, period.toMonth)),
  };
}
