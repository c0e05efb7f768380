import { PersonalDataKind, type PersonalDataSectionSpec } from '@nastavnik/platform';

const { NUMBER, DATE } = PersonalDataKind;
const PAIRS_OF_PERSON = `SELECT id FROM pair WHERE mentor_id = $1 UNION SELECT pair_id FROM pair_mentee WHERE mentee_id = $1`;

/** What the program database holds about a person, for the personal-data export. */
export const PROGRAM_SECTIONS: readonly PersonalDataSectionSpec[] = [
  {
    key: 'pairs',
    title: 'Пары и группы',
    columns: [
      ['id', 'Пара'],
      ['program', 'Программа'],
      ['academic_year', 'Учебный год'],
      ['role', 'Роль'],
      ['sub_form', 'Форма'],
      ['status', 'Статус'],
      ['started_on', 'Начало', DATE],
      ['ended_on', 'Окончание', DATE],
      ['order_number', 'Номер приказа'],
      ['order_date', 'Дата приказа', DATE],
      ['closing_reason', 'Причина закрытия'],
      ['closing_note', 'Комментарий к закрытию'],
    ],
    sql: `SELECT p.*, g.title AS program, g.academic_year, CASE WHEN p.mentor_id = $1 THEN 'наставник' ELSE 'наставляемый' END AS role
            FROM pair p JOIN mentoring_program g ON g.id = p.program_id WHERE p.id IN (${PAIRS_OF_PERSON}) ORDER BY p.created_at`,
  },
  {
    key: 'meetings',
    title: 'Встречи',
    columns: [
      ['pair_id', 'Пара'],
      ['type', 'Вид встречи'],
      ['held_on', 'Дата', DATE],
      ['duration_minutes', 'Длительность, мин', NUMBER],
      ['topic', 'Тема'],
      ['notes', 'Заметки'],
    ],
    sql: `SELECT * FROM meeting WHERE pair_id IN (${PAIRS_OF_PERSON}) ORDER BY held_on`,
  },
  {
    key: 'plans',
    title: 'Индивидуальные маршруты',
    columns: [
      ['id', 'Маршрут'],
      ['pair_id', 'Пара'],
      ['goals', 'Цели'],
      ['mentor_approved_at', 'Утверждён наставником', DATE],
      ['director_approved_at', 'Утверждён директором', DATE],
    ],
    sql: `SELECT * FROM development_plan WHERE mentee_id = $1 ORDER BY created_at`,
  },
  {
    key: 'planTasks',
    title: 'Задачи маршрута',
    columns: [
      ['plan_id', 'Маршрут'],
      ['title', 'Задача'],
      ['deadline', 'Срок', DATE],
      ['status', 'Статус'],
      ['done_on', 'Выполнена', DATE],
    ],
    sql: `SELECT t.* FROM plan_task t JOIN development_plan d ON d.id = t.plan_id WHERE d.mentee_id = $1 ORDER BY t.deadline`,
  },
  {
    key: 'awards',
    title: 'Номинации и награды',
    columns: [
      ['kind', 'Номинация'],
      ['status', 'Статус'],
      ['pair_id', 'Пара'],
      ['evidence', 'Обоснование'],
      ['evidence_url', 'Ссылка'],
      ['awarded_on', 'Награждён', DATE],
    ],
    sql: `SELECT * FROM award WHERE person_id = $1 OR pair_id IN (${PAIRS_OF_PERSON}) ORDER BY created_at`,
  },
  {
    key: 'events',
    title: 'Мероприятия',
    columns: [
      ['title', 'Мероприятие'],
      ['type', 'Вид'],
      ['held_on', 'Дата', DATE],
      ['certificate_number', 'Номер удостоверения'],
      ['certificate_issued_on', 'Удостоверение выдано', DATE],
    ],
    sql: `SELECT e.title, e.type, e.held_on, c.number AS certificate_number, c.issued_on AS certificate_issued_on
            FROM event_participant p JOIN program_event e ON e.id = p.event_id
            LEFT JOIN certificate c ON c.event_id = p.event_id AND c.person_id = p.person_id
           WHERE p.person_id = $1 ORDER BY e.held_on`,
  },
  {
    key: 'practices',
    title: 'Лучшие практики',
    columns: [
      ['title', 'Практика'],
      ['description', 'Описание'],
      ['url', 'Ссылка'],
      ['tags', 'Теги'],
    ],
    sql: `SELECT * FROM best_practice WHERE mentor_id = $1 ORDER BY created_at`,
  },
  {
    key: 'roadmap',
    title: 'Ответственный в дорожной карте',
    columns: [
      ['event', 'Мероприятие'],
      ['starts_on', 'Начало', DATE],
      ['ends_on', 'Окончание', DATE],
      ['responsible_label', 'Ответственный'],
      ['status', 'Статус'],
    ],
    sql: `SELECT * FROM roadmap_item WHERE responsible_person_id = $1 ORDER BY starts_on`,
  },
];
