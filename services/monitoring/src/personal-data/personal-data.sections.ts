import { PersonalDataKind, type PersonalDataSectionSpec } from '@nastavnik/platform';

const { NUMBER, DATE } = PersonalDataKind;

/** What the monitoring database holds about a person, for the personal-data export. */
export const MONITORING_SECTIONS: readonly PersonalDataSectionSpec[] = [
  {
    key: 'measurements',
    title: 'Замеры',
    columns: [
      ['program_id', 'Программа'],
      ['parameter_key', 'Параметр'],
      ['stage', 'Этап'],
      ['value', 'Значение', NUMBER],
      ['measured_on', 'Дата', DATE],
      ['source', 'Источник'],
      ['recorded_by', 'Кто внёс'],
    ],
    sql: `SELECT * FROM measurement WHERE person_id = $1 ORDER BY measured_on, parameter_key`,
  },
  {
    key: 'answers',
    title: 'Ответы на анкеты',
    columns: [
      ['campaign', 'Анкетирование'],
      ['stage', 'Этап'],
      ['submitted_at', 'Отправлено', DATE],
      ['question_key', 'Вопрос'],
      ['text_value', 'Ответ (текст)'],
      ['choice_values', 'Выбранные варианты'],
      ['rating_value', 'Оценка', NUMBER],
    ],
    sql: `SELECT c.title AS campaign, r.stage, r.submitted_at, a.question_key, a.text_value, a.choice_values, a.rating_value
            FROM response r JOIN campaign c ON c.id = r.campaign_id JOIN answer a ON a.response_id = r.id
           WHERE r.respondent_id = $1 ORDER BY r.submitted_at, a.question_key`,
  },
  {
    key: 'compatibility',
    title: 'Психологическая совместимость',
    columns: [
      ['role', 'Роль'],
      ['score', 'Балл', NUMBER],
      ['tested_on', 'Дата', DATE],
      ['method', 'Методика'],
      ['conclusion', 'Заключение'],
    ],
    sql: `SELECT *, CASE WHEN mentor_id = $1 THEN 'наставник' ELSE 'наставляемый' END AS role
            FROM compatibility_result WHERE mentor_id = $1 OR mentee_id = $1 ORDER BY tested_on`,
  },
  {
    key: 'satisfaction',
    title: 'Удовлетворённость',
    columns: [
      ['pair_id', 'Пара'],
      ['satisfaction', 'Оценка', NUMBER],
      ['checked_on', 'Дата', DATE],
      ['comment', 'Комментарий'],
    ],
    sql: `SELECT * FROM satisfaction_check WHERE person_id = $1 ORDER BY checked_on`,
  },
];
