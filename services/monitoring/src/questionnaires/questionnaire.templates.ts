/**
 * Ready questionnaire templates for the two monitoring stages of the seed programme
 * (section 6 «Мониторинг и оценка результатов реализации Программы»).
 *
 * Stage 1 — «Оценка качества процесса реализации Программы наставничества»: feedback from
 * mentees, mentors and curators collected by questionnaire; «Анкета содержит открытые вопросы,
 * закрытые вопросы, вопросы с оценочным параметром. Анкета учитывает особенности требований к
 * используемой форме наставничества» — so every stage-1 form mixes OPEN_TEXT, SINGLE/MULTIPLE_CHOICE
 * and RATING items and asks which «Учитель – учитель» sub-form the pair worked in.
 * The seed gives no question wording; texts below are written for a school psychologist.
 * Stage-1 ratings use a 1..10 scale («1 — самый низкий балл, 10 — самый высокий»), as in the
 * federal methodological recommendations; they do not feed measured parameters.
 *
 * Stage 2 — «Оценка мотивационно-личностного, компетентностного, профессионального роста
 * участников»: «все зависящие от воздействия Программы наставничества параметры фиксируются дважды» —
 * before entering the programme and after it. Every stage-2 item is a RATING that feeds one
 * parameter of PARAMETER_CATALOGUE and uses exactly that parameter's scale (1..5), so answers can
 * be averaged per parameter and compared before/after.
 * Items are keyed in the direction of their parameter: a higher answer always means "more of the
 * parameter" (more anxiety for `anxiety`, more fatigue for `fatigue`). There are no reverse-keyed
 * items, so a consumer never has to flip a score; whether growth is good is given by `direction`.
 *
 * Before/after rule (the brief's choice): each stage-2 instrument is exported ONCE, with stage
 * 'STAGE2_BEFORE'. `stage2Pair(template)` derives the 'STAGE2_AFTER' administration from it:
 * same `key`, same title, the very same questions (same question keys, texts and scales), only
 * `stage` and the instruction text differ. A questionnaire is therefore identified by
 * (key, stage); keeping the key and the questions identical is what makes the before/after
 * comparison valid — the instrument must not change between the two measurements.
 *
 * All exported templates are deeply frozen; copy them before editing a school-specific variant.
 */

export type QuestionType = 'OPEN_TEXT' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'RATING';
export type RespondentRole = 'MENTEE' | 'MENTOR' | 'CURATOR';
export type MonitoringStage = 'STAGE1_PROCESS' | 'STAGE2_BEFORE' | 'STAGE2_AFTER';
export type MenteeCategory = 'YOUNG_SPECIALIST' | 'BURNOUT' | 'NEW_WORKPLACE' | 'DIGITAL_SKILLS';
export type ParameterDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

export interface RatingScale {
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
}

export interface QuestionTemplate {
  /** Stable English snake_case key, unique within its questionnaire. */
  key: string;
  text: string;
  type: QuestionType;
  required: boolean;
  /** Answer options, only for SINGLE_CHOICE and MULTIPLE_CHOICE (at least two). */
  options?: string[];
  /** Only for RATING. */
  scale?: RatingScale;
  /** Stage-2 items: the PARAMETER_CATALOGUE key this item feeds. */
  parameterKey?: string;
}

export interface QuestionnaireTemplate {
  /** Stable English snake_case key; together with `stage` it identifies a questionnaire. */
  key: string;
  title: string;
  respondentRole: RespondentRole;
  stage: MonitoringStage;
  /** Stage-2 mentee instruments: the mentee-base category the instrument is for. */
  menteeCategory?: MenteeCategory;
  /** Instruction shown to the respondent above the questions. */
  intro?: string;
  questions: QuestionTemplate[];
}

export interface MeasuredParameter {
  key: string;
  name: string;
  scaleMin: number;
  scaleMax: number;
  direction: ParameterDirection;
}

// ── Labels ───────────────────────────────────────────────────────────────────────────────

export const RESPONDENT_ROLE_LABELS: Readonly<Record<RespondentRole, string>> = Object.freeze({
  MENTEE: 'Наставляемый',
  MENTOR: 'Наставник',
  CURATOR: 'Куратор',
});

/** Seed wording where it has one (section 6). */
export const MONITORING_STAGE_LABELS: Readonly<Record<MonitoringStage, string>> = Object.freeze({
  STAGE1_PROCESS: 'Этап 1. Оценка качества процесса реализации Программы наставничества',
  STAGE2_BEFORE: 'Этап 2. Оценка роста участников: до входа в Программу наставничества',
  STAGE2_AFTER: 'Этап 2. Оценка роста участников: по итогам прохождения Программы',
});

/** Mentee-base categories as the seed lists them (section 4). */
export const MENTEE_CATEGORY_LABELS: Readonly<Record<MenteeCategory, string>> = Object.freeze({
  YOUNG_SPECIALIST: 'Молодой специалист',
  BURNOUT: 'Находящийся в состоянии эмоционального выгорания, хронической усталости',
  NEW_WORKPLACE: 'Находящийся в процессе адаптации на новом месте работы',
  DIGITAL_SKILLS: 'Желающий овладеть современными программами, цифровыми навыками, ИКТ-компетенциями',
});

export const MENTEE_CATEGORIES: ReadonlyArray<MenteeCategory> = Object.freeze([
  'YOUNG_SPECIALIST',
  'BURNOUT',
  'NEW_WORKPLACE',
  'DIGITAL_SKILLS',
] as const);

export const RESPONDENT_ROLES: ReadonlyArray<RespondentRole> = Object.freeze(['MENTEE', 'MENTOR', 'CURATOR'] as const);

// ── Measured parameters (stage 2) ────────────────────────────────────────────────────────

const LIKERT_MIN = 1;
const LIKERT_MAX = 5;

export const PARAMETER_CATALOGUE: ReadonlyArray<MeasuredParameter> = deepFreeze([
  { key: 'motivation', name: 'Мотивация к профессиональной деятельности', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'HIGHER_IS_BETTER' },
  { key: 'anxiety', name: 'Тревожность', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'LOWER_IS_BETTER' },
  { key: 'professional_competence', name: 'Профессиональная компетентность', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'HIGHER_IS_BETTER' },
  { key: 'work_satisfaction', name: 'Удовлетворённость собственной работой', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'HIGHER_IS_BETTER' },
  { key: 'adaptation', name: 'Адаптация в профессии и педагогическом коллективе', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'HIGHER_IS_BETTER' },
  { key: 'digital_skills', name: 'Цифровые навыки, ИКТ-компетентность', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'HIGHER_IS_BETTER' },
  { key: 'fatigue', name: 'Эмоциональное истощение, хроническая усталость', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'LOWER_IS_BETTER' },
  { key: 'school_traditions_knowledge', name: 'Знание традиций, особенностей, регламента и принципов школы', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'HIGHER_IS_BETTER' },
  { key: 'professional_difficulties', name: 'Профессиональные затруднения', scaleMin: LIKERT_MIN, scaleMax: LIKERT_MAX, direction: 'LOWER_IS_BETTER' },
] satisfies MeasuredParameter[]);

export function findParameter(key: string): MeasuredParameter | undefined {
  return PARAMETER_CATALOGUE.find((p) => p.key === key);
}

// ── Builders ─────────────────────────────────────────────────────────────────────────────

const YES_NO_UNSURE = ['Да', 'Нет', 'Затрудняюсь ответить'];

/** The five «Учитель – учитель» interaction sub-forms of the seed (section 5). */
const INTERACTION_FORMS = [
  'Опытный педагог – молодой специалист',
  'Опытный классный руководитель – молодой специалист',
  'Лидер педагогического сообщества – педагог, испытывающий проблемы',
  'Педагог-новатор – консервативный педагог',
  'Опытный предметник – неопытный предметник',
];

const MEETING_FREQUENCY = [
  'Несколько раз в неделю',
  'Раз в неделю',
  'Раз в две недели',
  'Раз в месяц',
  'Реже одного раза в месяц',
];

function open(key: string, text: string, required = false): QuestionTemplate {
  return { key, text, type: 'OPEN_TEXT', required };
}

function single(key: string, text: string, options: string[], required = true): QuestionTemplate {
  return { key, text, type: 'SINGLE_CHOICE', required, options: [...options] };
}

function multiple(key: string, text: string, options: string[], required = false): QuestionTemplate {
  return { key, text, type: 'MULTIPLE_CHOICE', required, options: [...options] };
}

/** Stage-1 rating on 1..10. */
function rate10(key: string, text: string, minLabel: string, maxLabel: string): QuestionTemplate {
  return { key, text, type: 'RATING', required: true, scale: { min: 1, max: 10, minLabel, maxLabel } };
}

type Anchors = readonly [minLabel: string, maxLabel: string];
const AGREE: Anchors = ['совершенно не согласен(на)', 'полностью согласен(на)'];
const FREQUENCY: Anchors = ['никогда', 'почти всегда'];
const DIFFICULTY: Anchors = ['не испытываю трудностей', 'испытываю серьёзные трудности'];
const SKILL: Anchors = ['не владею', 'владею свободно, могу научить коллег'];

/** Stage-2 item: the scale is taken from the parameter so the two can never drift apart. */
function measure(key: string, text: string, parameterKey: string, anchors: Anchors): QuestionTemplate {
  const parameter = findParameter(parameterKey);
  if (!parameter) throw new Error(`unknown parameter ${parameterKey}`);
  return {
    key,
    text,
    type: 'RATING',
    required: true,
    parameterKey,
    scale: { min: parameter.scaleMin, max: parameter.scaleMax, minLabel: anchors[0], maxLabel: anchors[1] },
  };
}

// ── Stage 1: quality of the process ──────────────────────────────────────────────────────

const STAGE1_INTRO =
  'Уважаемый коллега! Просим вас ответить на вопросы анкеты. Ваши ответы помогут оценить, как проходит ' +
  'программа наставничества в нашей школе, и сделать её удобнее и полезнее для всех участников. ' +
  'Результаты анкетирования используются в обобщённом виде. В вопросах с оценкой поставьте балл от 1 до 10, ' +
  'где 1 — самый низкий балл, 10 — самый высокий.';

const CLIMATE_ANCHORS: Anchors = ['напряжённый, некомфортный', 'доброжелательный, комфортный'];

export const STAGE1_MENTEE_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage1_mentee',
  title: 'Анкета наставляемого: оценка качества реализации программы наставничества',
  respondentRole: 'MENTEE',
  stage: 'STAGE1_PROCESS',
  intro: STAGE1_INTRO,
  questions: [
    single('interaction_form', 'В какой форме взаимодействия вы работали с наставником?', INTERACTION_FORMS),
    single('previous_mentoring_experience', 'Участвовали ли вы раньше в программах наставничества?', ['Да', 'Нет']),
    single('meeting_frequency', 'Как часто проходили ваши встречи с наставником?', MEETING_FREQUENCY),
    rate10('pair_satisfaction', 'Насколько вы удовлетворены совместной работой с наставником?', 'совсем не удовлетворён(а)', 'полностью удовлетворён(а)'),
    rate10('communication_comfort', 'Насколько комфортным было для вас общение с наставником?', 'совсем некомфортно', 'очень комфортно'),
    rate10('meeting_regularity', 'Насколько регулярными были ваши встречи с наставником?', 'от случая к случаю', 'строго по согласованному графику'),
    rate10('meeting_usefulness', 'Насколько полезными для вашей работы были встречи с наставником?', 'совсем бесполезными', 'очень полезными'),
    rate10('mentor_support', 'Насколько вы ощущали поддержку наставника в трудных профессиональных ситуациях?', 'не ощущал(а) совсем', 'ощущал(а) постоянно'),
    rate10(
      'route_map_clarity',
      'Насколько понятными для вас были цели и задачи вашей «Карты индивидуального образовательного маршрута педагога»?',
      'совсем непонятными',
      'полностью понятными',
    ),
    rate10('psychological_climate', 'Оцените психологический климат в педагогическом коллективе школы', CLIMATE_ANCHORS[0], CLIMATE_ANCHORS[1]),
    rate10('expectations_met', 'Насколько оправдались ваши ожидания от участия в программе наставничества?', 'совсем не оправдались', 'полностью оправдались'),
    multiple('useful_activities', 'Какие формы работы с наставником оказались для вас наиболее полезными?', [
      'Индивидуальные консультации',
      'Посещение уроков наставника',
      'Посещение наставником моих уроков с последующим разбором',
      'Совместная подготовка уроков и методических материалов',
      'Мастер-классы и открытые уроки',
      'Методические семинары и групповые встречи',
      'Общение в мессенджерах и по электронной почте',
    ]),
    open('most_valuable', 'Что было для вас особенно ценным в работе с наставником?', true),
    open('what_was_missing', 'Чего вам не хватило в программе наставничества? Что бы вы хотели изменить?'),
    open('remaining_difficulties', 'С какими профессиональными затруднениями вам по-прежнему нужна помощь?'),
    single('wants_to_continue', 'Хотели бы вы продолжить участие в программе наставничества в следующем учебном году?', YES_NO_UNSURE),
    single('ready_to_mentor', 'Готовы ли вы в будущем сами стать наставником для коллеги?', YES_NO_UNSURE),
  ],
});

export const STAGE1_MENTOR_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage1_mentor',
  title: 'Анкета наставника: оценка качества реализации программы наставничества',
  respondentRole: 'MENTOR',
  stage: 'STAGE1_PROCESS',
  intro: STAGE1_INTRO,
  questions: [
    single('interaction_form', 'В какой форме взаимодействия вы работали с наставляемым?', INTERACTION_FORMS),
    single('meeting_frequency', 'Как часто проходили ваши встречи с наставляемым?', MEETING_FREQUENCY),
    rate10('pair_satisfaction', 'Насколько вы удовлетворены совместной работой с наставляемым?', 'совсем не удовлетворён(а)', 'полностью удовлетворён(а)'),
    rate10('communication_comfort', 'Насколько комфортным было для вас общение с наставляемым?', 'совсем некомфортно', 'очень комфортно'),
    rate10('meeting_regularity', 'Насколько регулярными были ваши встречи с наставляемым?', 'от случая к случаю', 'строго по согласованному графику'),
    rate10('meeting_usefulness', 'Насколько полезными, на ваш взгляд, были встречи для наставляемого?', 'совсем бесполезными', 'очень полезными'),
    rate10('mentee_engagement', 'Насколько активно и заинтересованно наставляемый участвовал в совместной работе?', 'пассивно, без интереса', 'очень активно и заинтересованно'),
    rate10('mentee_applies_experience', 'В какой мере наставляемый применяет в работе полученные от вас знания, умения и опыт?', 'не применяет', 'применяет постоянно'),
    rate10('own_role_satisfaction', 'Насколько вы удовлетворены своей деятельностью в роли наставника?', 'совсем не удовлетворён(а)', 'полностью удовлетворён(а)'),
    rate10('training_usefulness', 'Насколько обучение наставников помогло вам в работе с наставляемым?', 'совсем не помогло', 'очень помогло'),
    rate10('administration_support', 'Насколько вы ощущали поддержку куратора программы и администрации школы?', 'не ощущал(а) совсем', 'ощущал(а) постоянно'),
    rate10('psychological_climate', 'Оцените психологический климат в педагогическом коллективе школы', CLIMATE_ANCHORS[0], CLIMATE_ANCHORS[1]),
    multiple('support_needed', 'Что помогло бы вам в работе наставника?', [
      'Методические семинары для наставников',
      'Курсы повышения квалификации по наставничеству',
      'Консультации педагога-психолога',
      'Время для встреч, предусмотренное в расписании',
      'Обмен опытом с другими наставниками',
      'Моральное и материальное поощрение',
    ]),
    open('mentee_changes', 'Какие изменения в профессиональной деятельности наставляемого вы заметили?', true),
    open('mentor_difficulties', 'С какими трудностями вы столкнулись в роли наставника?'),
    open('suggestions', 'Что бы вы предложили изменить в организации программы наставничества?'),
    single('ready_to_continue', 'Готовы ли вы продолжить работу наставником в следующем учебном году?', [
      'Да, с тем же наставляемым',
      'Да, с другим наставляемым',
      'Нет',
      'Затрудняюсь ответить',
    ]),
  ],
});

export const STAGE1_CURATOR_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage1_curator',
  title: 'Анкета куратора: оценка качества реализации программы наставничества',
  respondentRole: 'CURATOR',
  stage: 'STAGE1_PROCESS',
  intro:
    'Анкета заполняется куратором программы по итогам учебного года и служит основой для анализа ' +
    'реализуемой Программы наставничества, её сильных и слабых сторон. В вопросах с оценкой поставьте ' +
    'балл от 1 до 10, где 1 — самый низкий балл, 10 — самый высокий.',
  questions: [
    rate10('goals_alignment', 'Насколько наставническая деятельность в школе соответствует цели и задачам программы?', 'совсем не соответствует', 'полностью соответствует'),
    rate10('pairs_stability', 'Насколько стабильно и продуктивно работают наставнические пары (группы)?', 'нестабильно, без результата', 'стабильно и результативно'),
    rate10('meeting_regularity', 'Насколько регулярно, по вашим наблюдениям, проходят встречи в наставнических парах (группах)?', 'от случая к случаю', 'строго по согласованному графику'),
    rate10('route_maps_progress', 'Насколько успешно выполняются «Карты индивидуального образовательного маршрута педагога»?', 'не выполняются', 'выполняются полностью и в срок'),
    rate10('feedback_completeness', 'Насколько полно и своевременно участники предоставляют обратную связь?', 'не предоставляют', 'полно и своевременно'),
    rate10('psychological_climate', 'Оцените психологический климат в педагогическом коллективе школы', CLIMATE_ANCHORS[0], CLIMATE_ANCHORS[1]),
    rate10('administration_support', 'Насколько достаточна поддержка программы со стороны администрации школы?', 'совсем недостаточна', 'полностью достаточна'),
    multiple('most_effective_forms', 'Какие формы взаимодействия показали себя наиболее эффективными в этом учебном году?', INTERACTION_FORMS, true),
    multiple('organisational_difficulties', 'С какими трудностями вы столкнулись при организации программы?', [
      'Нехватка времени у участников для встреч',
      'Недостаточная мотивация наставников',
      'Недостаточная мотивация наставляемых',
      'Психологическая несовместимость в парах',
      'Недостаток методических материалов',
      'Сложности с оформлением документации',
      'Трудностей не возникало',
    ]),
    single('pairs_reformed', 'Приходилось ли в этом учебном году переформировывать наставнические пары (группы)?', [
      'Нет',
      'Да, одну пару (группу)',
      'Да, несколько пар (групп)',
    ]),
    open('strengths', 'Какие сильные стороны программы наставничества вы бы отметили?', true),
    open('weaknesses', 'Какие слабые стороны программы требуют доработки?', true),
    open('pairing_strategy', 'Какой принцип подбора пар «наставник – наставляемый» оказался наиболее удачным и почему?'),
    open('best_practices', 'Какие практики наставничества вы рекомендуете включить в методическую копилку школы?'),
  ],
});

export const STAGE1_TEMPLATES: ReadonlyArray<QuestionnaireTemplate> = Object.freeze([
  STAGE1_MENTEE_TEMPLATE,
  STAGE1_MENTOR_TEMPLATE,
  STAGE1_CURATOR_TEMPLATE,
]);

// ── Stage 2: growth of participants (before / after) ─────────────────────────────────────

/** Instruction for each administration of a stage-2 instrument; the only text that differs. */
export const STAGE2_INSTRUCTIONS: Readonly<Record<'STAGE2_BEFORE' | 'STAGE2_AFTER', string>> = Object.freeze({
  STAGE2_BEFORE:
    'Уважаемый коллега! Эта анкета заполняется до начала работы в программе наставничества. ' +
    'Оцените, насколько каждое утверждение относится к вам сейчас, по шкале от 1 до 5. ' +
    'Здесь нет правильных и неправильных ответов: важна ваша собственная оценка. ' +
    'По итогам программы вы заполните эту же анкету ещё раз, чтобы увидеть изменения.',
  STAGE2_AFTER:
    'Уважаемый коллега! Эта анкета заполняется по итогам участия в программе наставничества. ' +
    'Оцените, насколько каждое утверждение относится к вам сейчас, по шкале от 1 до 5. ' +
    'Здесь нет правильных и неправильных ответов: важна ваша собственная оценка. ' +
    'Ответы сравниваются с анкетой, заполненной до начала программы.',
});

export const STAGE2_YOUNG_SPECIALIST_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage2_young_specialist',
  title: 'Самооценка молодого специалиста: адаптация и профессиональные затруднения',
  respondentRole: 'MENTEE',
  stage: 'STAGE2_BEFORE',
  menteeCategory: 'YOUNG_SPECIALIST',
  intro: STAGE2_INSTRUCTIONS.STAGE2_BEFORE,
  questions: [
    measure('feels_confident_as_teacher', 'Я чувствую себя уверенно в роли учителя в нашей школе', 'adaptation', AGREE),
    measure('feels_part_of_staff', 'Я чувствую себя частью педагогического коллектива', 'adaptation', AGREE),
    measure('knows_whom_to_ask', 'Я знаю, к кому из коллег обратиться за помощью в трудной ситуации', 'adaptation', AGREE),
    measure(
      'difficulty_organising_lessons',
      'Насколько трудно вам организовывать учебный процесс (планировать и готовить уроки, укладываться во время урока)?',
      'professional_difficulties',
      DIFFICULTY,
    ),
    measure(
      'difficulty_with_pupils',
      'Насколько трудно вам взаимодействовать с обучающимися (поддерживать дисциплину, вовлекать класс в работу)?',
      'professional_difficulties',
      DIFFICULTY,
    ),
    measure('difficulty_with_colleagues', 'Насколько трудно вам взаимодействовать с другими педагогами?', 'professional_difficulties', DIFFICULTY),
    measure('difficulty_with_parents', 'Насколько трудно вам взаимодействовать с родителями обучающихся?', 'professional_difficulties', DIFFICULTY),
    measure(
      'difficulty_with_documentation',
      'Насколько трудно вам вести школьную документацию (рабочие программы, электронный журнал, отчёты)?',
      'professional_difficulties',
      DIFFICULTY,
    ),
    measure('plans_lessons_by_standard', 'Я умею планировать урок в соответствии с требованиями ФГОС', 'professional_competence', AGREE),
    measure('assesses_pupils_results', 'Я умею объективно оценивать результаты обучающихся и давать им обратную связь', 'professional_competence', AGREE),
    measure('interested_in_teaching', 'Мне интересна педагогическая деятельность, я хочу в ней развиваться', 'motivation', AGREE),
    measure('plans_to_stay', 'Я планирую продолжать работу в нашей школе в следующем учебном году', 'motivation', AGREE),
    measure('satisfied_with_work', 'В целом я удовлетворён(а) своей работой', 'work_satisfaction', AGREE),
    measure('worries_before_lessons', 'Я испытываю тревогу перед уроками, проверками или встречами с родителями', 'anxiety', FREQUENCY),
  ],
});

export const STAGE2_BURNOUT_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage2_burnout',
  title: 'Самооценка эмоционального состояния педагога: усталость и тревожность',
  respondentRole: 'MENTEE',
  stage: 'STAGE2_BEFORE',
  menteeCategory: 'BURNOUT',
  intro: STAGE2_INSTRUCTIONS.STAGE2_BEFORE,
  questions: [
    measure('drained_after_work', 'К концу рабочего дня я чувствую себя эмоционально опустошённым(ой)', 'fatigue', FREQUENCY),
    measure('hard_to_start_morning', 'Утром мне трудно настроиться на работу', 'fatigue', FREQUENCY),
    measure('not_rested_after_weekend', 'Даже после выходных я не чувствую себя отдохнувшим(ей)', 'fatigue', FREQUENCY),
    measure('irritated_by_work', 'Общение с учениками и коллегами вызывает у меня раздражение', 'fatigue', FREQUENCY),
    measure('worries_about_workday', 'Я испытываю беспокойство, думая о предстоящем рабочем дне', 'anxiety', FREQUENCY),
    measure('fears_conflicts', 'Я опасаюсь конфликтов с учениками, родителями или администрацией', 'anxiety', FREQUENCY),
    measure('cannot_switch_off', 'Мне трудно отвлечься от мыслей о работе в свободное время', 'anxiety', FREQUENCY),
    measure('work_brings_satisfaction', 'Моя работа приносит мне удовлетворение', 'work_satisfaction', AGREE),
    measure('sees_results', 'Я вижу результаты своего труда', 'work_satisfaction', AGREE),
    measure('wants_to_try_new', 'У меня есть желание пробовать новое в своей работе', 'motivation', AGREE),
  ],
});

export const STAGE2_NEW_WORKPLACE_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage2_new_workplace',
  title: 'Самооценка адаптации на новом месте работы: традиции, регламент и принципы школы',
  respondentRole: 'MENTEE',
  stage: 'STAGE2_BEFORE',
  menteeCategory: 'NEW_WORKPLACE',
  intro: STAGE2_INSTRUCTIONS.STAGE2_BEFORE,
  questions: [
    measure('knows_school_traditions', 'Я знаю традиции школы и ежегодные общешкольные мероприятия', 'school_traditions_knowledge', AGREE),
    measure(
      'knows_local_acts',
      'Я знаю устав и локальные акты школы, которые касаются моей работы (правила внутреннего трудового распорядка, положения о текущем контроле и др.)',
      'school_traditions_knowledge',
      AGREE,
    ),
    measure('knows_reporting_rules', 'Я знаю порядок ведения школьной документации и сроки отчётности', 'school_traditions_knowledge', AGREE),
    measure('understands_school_principles', 'Я понимаю принципы и ценности, на которых строится образовательный процесс в нашей школе', 'school_traditions_knowledge', AGREE),
    measure('knows_whom_to_address', 'Я знаю, к кому из администрации и коллег обращаться по разным рабочим вопросам', 'school_traditions_knowledge', AGREE),
    measure('accepted_by_staff', 'Я чувствую себя принятым(ой) в педагогическом коллективе', 'adaptation', AGREE),
    measure('settled_in_routine', 'Я освоился(ась) в новом режиме работы (расписание, кабинет, нагрузка)', 'adaptation', AGREE),
    measure('satisfied_with_choice', 'Я доволен(льна) своим решением работать в этой школе', 'work_satisfaction', AGREE),
    measure('tense_about_unwritten_rules', 'Я испытываю напряжение из-за того, что ещё не знаю принятых в коллективе правил', 'anxiety', FREQUENCY),
  ],
});

export const STAGE2_DIGITAL_SKILLS_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage2_digital_skills',
  title: 'Самооценка ИКТ-компетентности педагога',
  respondentRole: 'MENTEE',
  stage: 'STAGE2_BEFORE',
  menteeCategory: 'DIGITAL_SKILLS',
  intro: STAGE2_INSTRUCTIONS.STAGE2_BEFORE,
  questions: [
    measure('electronic_journal', 'Работа с электронным журналом и электронным дневником', 'digital_skills', SKILL),
    measure('teaching_materials', 'Создание презентаций и дидактических материалов в офисных и графических редакторах', 'digital_skills', SKILL),
    measure('interactive_equipment', 'Использование интерактивной доски и другого цифрового оборудования на уроке', 'digital_skills', SKILL),
    measure('digital_platforms', 'Использование цифровых образовательных платформ и электронных образовательных ресурсов', 'digital_skills', SKILL),
    measure('online_testing', 'Проведение онлайн-тестирования и опросов обучающихся', 'digital_skills', SKILL),
    measure('remote_communication', 'Организация дистанционного взаимодействия с обучающимися и родителями (видеосвязь, сетевые сообщества)', 'digital_skills', SKILL),
    measure('information_security', 'Соблюдение правил информационной безопасности и защиты персональных данных', 'digital_skills', SKILL),
    measure('purposeful_ict_use', 'Я умею встраивать цифровые инструменты в урок так, чтобы они работали на образовательный результат', 'professional_competence', AGREE),
    measure('interested_in_new_tools', 'Мне интересно осваивать новые цифровые инструменты', 'motivation', AGREE),
    measure('uneasy_with_new_tech', 'Я испытываю неуверенность, когда нужно использовать на уроке новую технологию', 'anxiety', FREQUENCY),
  ],
});

/**
 * Not one of the four mentee categories, but the seed measures the growth of «всех участников»
 * and «удовлетворенности наставника своей деятельностью», and the team's anxiety; so mentors get a
 * short before/after instrument too (no menteeCategory).
 */
export const STAGE2_MENTOR_TEMPLATE: QuestionnaireTemplate = deepFreeze({
  key: 'stage2_mentor',
  title: 'Самооценка наставника: мотивация и профессиональное благополучие',
  respondentRole: 'MENTOR',
  stage: 'STAGE2_BEFORE',
  intro: STAGE2_INSTRUCTIONS.STAGE2_BEFORE,
  questions: [
    measure('wants_to_share_experience', 'Мне хочется делиться своим профессиональным опытом с коллегами', 'motivation', AGREE),
    measure('develops_through_mentoring', 'Работа с коллегами помогает мне самому(ой) профессионально развиваться', 'motivation', AGREE),
    measure('can_support_colleague', 'Я умею выстраивать доверительное общение и оказывать коллеге методическую поддержку', 'professional_competence', AGREE),
    measure('satisfied_with_work', 'В целом я удовлетворён(а) своей работой', 'work_satisfaction', AGREE),
    measure('drained_after_work', 'К концу рабочего дня я чувствую себя эмоционально опустошённым(ой)', 'fatigue', FREQUENCY),
    measure('worries_about_workday', 'Я испытываю беспокойство, думая о предстоящем рабочем дне', 'anxiety', FREQUENCY),
  ],
});

/**
 * Stage-2 instruments, all with stage 'STAGE2_BEFORE': one per mentee category (in MENTEE_CATEGORIES
 * order), then the mentors' instrument. Use stage2Pair for the 'STAGE2_AFTER' administration.
 */
export const STAGE2_TEMPLATES: ReadonlyArray<QuestionnaireTemplate> = Object.freeze([
  STAGE2_YOUNG_SPECIALIST_TEMPLATE,
  STAGE2_BURNOUT_TEMPLATE,
  STAGE2_NEW_WORKPLACE_TEMPLATE,
  STAGE2_DIGITAL_SKILLS_TEMPLATE,
  STAGE2_MENTOR_TEMPLATE,
]);

/** Every shipped template (stage 2 in its 'STAGE2_BEFORE' form). Keys are unique. */
export const QUESTIONNAIRE_TEMPLATES: ReadonlyArray<QuestionnaireTemplate> = Object.freeze([
  ...STAGE1_TEMPLATES,
  ...STAGE2_TEMPLATES,
]);

// ── Functions ────────────────────────────────────────────────────────────────────────────

/**
 * Both administrations of a stage-2 instrument. `before` and `after` share key, title and the
 * very same question objects; only `stage` and `intro` differ. Accepts either administration.
 * Throws for a stage-1 questionnaire.
 */
export function stage2Pair(template: QuestionnaireTemplate): {
  before: QuestionnaireTemplate;
  after: QuestionnaireTemplate;
} {
  if (template.stage === 'STAGE1_PROCESS') {
    throw new Error(`questionnaire ${template.key} is a stage-1 questionnaire and is not measured twice`);
  }
  const administration = (stage: 'STAGE2_BEFORE' | 'STAGE2_AFTER'): QuestionnaireTemplate =>
    template.stage === stage
      ? template
      : Object.freeze({ ...template, stage, intro: STAGE2_INSTRUCTIONS[stage] });
  return { before: administration('STAGE2_BEFORE'), after: administration('STAGE2_AFTER') };
}

export function stage1TemplateFor(role: RespondentRole): QuestionnaireTemplate {
  const template = STAGE1_TEMPLATES.find((t) => t.respondentRole === role);
  if (!template) throw new Error(`no stage-1 questionnaire for ${role}`);
  return template;
}

export function stage2TemplateFor(
  category: MenteeCategory,
  stage: 'STAGE2_BEFORE' | 'STAGE2_AFTER' = 'STAGE2_BEFORE',
): QuestionnaireTemplate {
  const template = STAGE2_TEMPLATES.find((t) => t.menteeCategory === category);
  if (!template) throw new Error(`no stage-2 questionnaire for ${category}`);
  return stage === 'STAGE2_BEFORE' ? stage2Pair(template).before : stage2Pair(template).after;
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * Structural problems of a questionnaire template (empty when it is valid). Used by the tests on
 * the shipped templates and meant for school-specific copies edited by a curator.
 */
export function validateQuestionnaireTemplate(template: QuestionnaireTemplate): string[] {
  const problems: string[] = [];
  const where = (q?: QuestionTemplate) => (q ? `${template.key}.${q.key}` : template.key);
  const isStage2 = template.stage !== 'STAGE1_PROCESS';

  if (!SNAKE_CASE.test(template.key)) problems.push(`${where()}: key is not snake_case`);
  if (!template.title.trim()) problems.push(`${where()}: empty title`);
  if (template.questions.length === 0) problems.push(`${where()}: no questions`);
  if (isStage2 && template.respondentRole === 'MENTEE' && !template.menteeCategory) {
    problems.push(`${where()}: a stage-2 mentee instrument needs a menteeCategory`);
  }

  const seen = new Set<string>();
  for (const q of template.questions) {
    if (!SNAKE_CASE.test(q.key)) problems.push(`${where(q)}: key is not snake_case`);
    if (seen.has(q.key)) problems.push(`${where(q)}: duplicate question key`);
    seen.add(q.key);
    if (!q.text.trim()) problems.push(`${where(q)}: empty text`);

    const isChoice = q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE';
    if (isChoice) {
      const options = q.options ?? [];
      if (options.length < 2) problems.push(`${where(q)}: a choice needs at least two options`);
      if (new Set(options).size !== options.length) problems.push(`${where(q)}: duplicate options`);
      if (options.some((o) => !o.trim())) problems.push(`${where(q)}: empty option`);
    } else if (q.options !== undefined) {
      problems.push(`${where(q)}: options are only for choice questions`);
    }

    if (q.type === 'RATING') {
      const s = q.scale;
      if (!s) {
        problems.push(`${where(q)}: a rating needs a scale`);
      } else {
        if (!Number.isInteger(s.min) || !Number.isInteger(s.max) || s.min >= s.max) {
          problems.push(`${where(q)}: scale needs integers min < max`);
        }
        if (!s.minLabel.trim() || !s.maxLabel.trim()) problems.push(`${where(q)}: scale needs both labels`);
      }
    } else if (q.scale !== undefined) {
      problems.push(`${where(q)}: a scale is only for ratings`);
    }

    if (q.parameterKey !== undefined) {
      const parameter = findParameter(q.parameterKey);
      if (!parameter) {
        problems.push(`${where(q)}: unknown parameter ${q.parameterKey}`);
      } else if (q.type !== 'RATING') {
        problems.push(`${where(q)}: only a rating can feed a parameter`);
      } else if (q.scale && (q.scale.min !== parameter.scaleMin || q.scale.max !== parameter.scaleMax)) {
        problems.push(
          `${where(q)}: scale ${q.scale.min}..${q.scale.max} differs from ${parameter.key} ${parameter.scaleMin}..${parameter.scaleMax}`,
        );
      }
    } else if (isStage2) {
      problems.push(`${where(q)}: a stage-2 question must feed a parameter`);
    }
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
