import {
  MENTEE_CATEGORIES,
  MENTEE_CATEGORY_LABELS,
  MONITORING_STAGE_LABELS,
  PARAMETER_CATALOGUE,
  QUESTIONNAIRE_TEMPLATES,
  QuestionnaireTemplate,
  RESPONDENT_ROLES,
  RESPONDENT_ROLE_LABELS,
  STAGE1_TEMPLATES,
  STAGE2_INSTRUCTIONS,
  STAGE2_TEMPLATES,
  findParameter,
  stage1TemplateFor,
  stage2Pair,
  stage2TemplateFor,
  validateQuestionnaireTemplate,
} from './questionnaire.templates';

const CYRILLIC = /[А-Яа-яЁё]/;
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const allQuestions = QUESTIONNAIRE_TEMPLATES.flatMap((t) => t.questions.map((q) => ({ t, q })));

describe('PARAMETER_CATALOGUE', () => {
  it('contains the required parameters with the right direction', () => {
    const byKey = new Map(PARAMETER_CATALOGUE.map((p) => [p.key, p]));
    const required = {
      motivation: 'HIGHER_IS_BETTER',
      anxiety: 'LOWER_IS_BETTER',
      professional_competence: 'HIGHER_IS_BETTER',
      work_satisfaction: 'HIGHER_IS_BETTER',
      adaptation: 'HIGHER_IS_BETTER',
      digital_skills: 'HIGHER_IS_BETTER',
      fatigue: 'LOWER_IS_BETTER',
      school_traditions_knowledge: 'HIGHER_IS_BETTER',
    } as const;
    for (const [key, direction] of Object.entries(required)) {
      expect(byKey.get(key)?.direction).toBe(direction);
    }
  });

  it('has unique snake_case keys, Russian names and valid scales', () => {
    expect(new Set(PARAMETER_CATALOGUE.map((p) => p.key)).size).toBe(PARAMETER_CATALOGUE.length);
    for (const p of PARAMETER_CATALOGUE) {
      expect(p.key).toMatch(SNAKE_CASE);
      expect(p.name).toMatch(CYRILLIC);
      expect(Number.isInteger(p.scaleMin) && Number.isInteger(p.scaleMax)).toBe(true);
      expect(p.scaleMin).toBeLessThan(p.scaleMax);
    }
  });

  it('findParameter', () => {
    expect(findParameter('anxiety')?.direction).toBe('LOWER_IS_BETTER');
    expect(findParameter('nope')).toBeUndefined();
  });
});

describe('shipped questionnaire templates', () => {
  it.each(QUESTIONNAIRE_TEMPLATES.map((t) => [t.key, t] as const))('%s passes validation', (_key, template) => {
    expect(validateQuestionnaireTemplate(template)).toEqual([]);
  });

  it('have unique snake_case template keys', () => {
    const keys = QUESTIONNAIRE_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(SNAKE_CASE);
  });

  it('have unique snake_case question keys inside each template', () => {
    for (const t of QUESTIONNAIRE_TEMPLATES) {
      const keys = t.questions.map((q) => q.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(k).toMatch(SNAKE_CASE);
    }
  });

  it('are written in Russian', () => {
    for (const t of QUESTIONNAIRE_TEMPLATES) {
      expect(t.title).toMatch(CYRILLIC);
      expect(t.intro ?? '').toMatch(CYRILLIC);
    }
    for (const { q } of allQuestions) {
      expect(q.text).toMatch(CYRILLIC);
      for (const o of q.options ?? []) expect(o).toMatch(CYRILLIC);
      if (q.scale) {
        expect(q.scale.minLabel).toMatch(CYRILLIC);
        expect(q.scale.maxLabel).toMatch(CYRILLIC);
      }
    }
  });

  it('choices have at least two distinct options; other types have none', () => {
    for (const { q } of allQuestions) {
      if (q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE') {
        expect(q.options?.length ?? 0).toBeGreaterThanOrEqual(2);
        expect(new Set(q.options).size).toBe(q.options?.length);
      } else {
        expect(q.options).toBeUndefined();
      }
    }
  });

  it('ratings have an integer scale with min < max; other types have no scale', () => {
    for (const { q } of allQuestions) {
      if (q.type === 'RATING') {
        expect(q.scale).toBeDefined();
        expect(Number.isInteger(q.scale!.min) && Number.isInteger(q.scale!.max)).toBe(true);
        expect(q.scale!.min).toBeLessThan(q.scale!.max);
      } else {
        expect(q.scale).toBeUndefined();
      }
    }
  });

  it('every stage-2 question feeds a catalogued parameter with the same scale', () => {
    const stage2 = allQuestions.filter(({ t }) => t.stage !== 'STAGE1_PROCESS');
    expect(stage2.length).toBeGreaterThan(0);
    for (const { t, q } of stage2) {
      const parameter = findParameter(q.parameterKey ?? '');
      expect({ at: `${t.key}.${q.key}`, found: parameter !== undefined }).toEqual({ at: `${t.key}.${q.key}`, found: true });
      expect(q.type).toBe('RATING');
      expect([q.scale?.min, q.scale?.max]).toEqual([parameter!.scaleMin, parameter!.scaleMax]);
    }
  });

  it('stage-1 questions do not feed parameters', () => {
    for (const { t, q } of allQuestions) if (t.stage === 'STAGE1_PROCESS') expect(q.parameterKey).toBeUndefined();
  });

  it('every catalogued parameter is measured by some stage-2 instrument', () => {
    const used = new Set(allQuestions.map(({ q }) => q.parameterKey).filter(Boolean));
    for (const p of PARAMETER_CATALOGUE) expect(used.has(p.key)).toBe(true);
  });

  it('stage-1 questionnaires mix open, closed and rating questions (seed section 6)', () => {
    for (const t of STAGE1_TEMPLATES) {
      const types = new Set(t.questions.map((q) => q.type));
      expect(types.has('OPEN_TEXT')).toBe(true);
      expect(types.has('RATING')).toBe(true);
      expect(types.has('SINGLE_CHOICE') || types.has('MULTIPLE_CHOICE')).toBe(true);
    }
  });

  it('stage-1 covers satisfaction with the pair, meetings and psychological climate', () => {
    for (const role of ['MENTEE', 'MENTOR'] as const) {
      const keys = stage1TemplateFor(role).questions.map((q) => q.key);
      expect(keys).toEqual(
        expect.arrayContaining(['pair_satisfaction', 'meeting_regularity', 'meeting_usefulness', 'psychological_climate', 'interaction_form']),
      );
    }
    expect(stage1TemplateFor('CURATOR').questions.map((q) => q.key)).toEqual(
      expect.arrayContaining(['meeting_regularity', 'psychological_climate', 'strengths', 'weaknesses']),
    );
  });

  it('every respondent role has a stage-1 template', () => {
    for (const role of RESPONDENT_ROLES) {
      const t = stage1TemplateFor(role);
      expect(t.stage).toBe('STAGE1_PROCESS');
      expect(t.respondentRole).toBe(role);
      expect(RESPONDENT_ROLE_LABELS[role]).toMatch(CYRILLIC);
    }
    expect(new Set(STAGE1_TEMPLATES.map((t) => t.respondentRole))).toEqual(new Set(RESPONDENT_ROLES));
  });

  it('every mentee category has a stage-2 template for mentees', () => {
    for (const category of MENTEE_CATEGORIES) {
      const t = stage2TemplateFor(category);
      expect(t.stage).toBe('STAGE2_BEFORE');
      expect(t.respondentRole).toBe('MENTEE');
      expect(t.menteeCategory).toBe(category);
      expect(MENTEE_CATEGORY_LABELS[category]).toMatch(CYRILLIC);
    }
    expect(STAGE2_TEMPLATES.every((t) => t.stage === 'STAGE2_BEFORE')).toBe(true);
  });

  it('stage-2 instruments measure what the brief names for each category', () => {
    const params = (t: QuestionnaireTemplate) => new Set(t.questions.map((q) => q.parameterKey));
    expect([...params(stage2TemplateFor('YOUNG_SPECIALIST'))]).toEqual(expect.arrayContaining(['adaptation', 'professional_difficulties']));
    expect([...params(stage2TemplateFor('BURNOUT'))]).toEqual(expect.arrayContaining(['fatigue', 'anxiety']));
    expect([...params(stage2TemplateFor('DIGITAL_SKILLS'))]).toEqual(expect.arrayContaining(['digital_skills']));
    expect([...params(stage2TemplateFor('NEW_WORKPLACE'))]).toEqual(expect.arrayContaining(['school_traditions_knowledge']));
  });

  it('has labels for every monitoring stage', () => {
    for (const s of ['STAGE1_PROCESS', 'STAGE2_BEFORE', 'STAGE2_AFTER'] as const) expect(MONITORING_STAGE_LABELS[s]).toMatch(CYRILLIC);
  });

  it('templates are deeply frozen', () => {
    const t = QUESTIONNAIRE_TEMPLATES[0];
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.questions)).toBe(true);
    expect(Object.isFrozen(t.questions[0])).toBe(true);
  });
});

describe('stage2Pair', () => {
  it.each(STAGE2_TEMPLATES.map((t) => [t.key, t] as const))('%s: before and after are the same instrument', (_key, template) => {
    const { before, after } = stage2Pair(template);
    expect(before).toBe(template);
    expect(before.stage).toBe('STAGE2_BEFORE');
    expect(after.stage).toBe('STAGE2_AFTER');
    expect(after.key).toBe(before.key);
    expect(after.title).toBe(before.title);
    expect(after.respondentRole).toBe(before.respondentRole);
    expect(after.menteeCategory).toBe(before.menteeCategory);
    expect(after.questions).toBe(before.questions);
    expect(after.intro).toBe(STAGE2_INSTRUCTIONS.STAGE2_AFTER);
    expect(before.intro).toBe(STAGE2_INSTRUCTIONS.STAGE2_BEFORE);
    expect(validateQuestionnaireTemplate(after)).toEqual([]);
  });

  it('accepts the after administration and gives back the same pair', () => {
    const { after } = stage2Pair(STAGE2_TEMPLATES[0]);
    const again = stage2Pair(after);
    expect(again.after).toBe(after);
    expect(again.before.stage).toBe('STAGE2_BEFORE');
    expect(again.before.questions).toBe(STAGE2_TEMPLATES[0].questions);
    expect(stage2TemplateFor('BURNOUT', 'STAGE2_AFTER').stage).toBe('STAGE2_AFTER');
  });

  it('refuses stage-1 questionnaires', () => {
    expect(() => stage2Pair(stage1TemplateFor('MENTEE'))).toThrow();
  });
});

describe('validateQuestionnaireTemplate catches broken templates', () => {
  const base: QuestionnaireTemplate = {
    key: 'custom',
    title: 'Анкета',
    respondentRole: 'MENTEE',
    stage: 'STAGE2_BEFORE',
    menteeCategory: 'BURNOUT',
    questions: [
      { key: 'q1', text: 'Вопрос', type: 'RATING', required: true, parameterKey: 'fatigue', scale: { min: 1, max: 5, minLabel: 'нет', maxLabel: 'да' } },
    ],
  };
  const withQuestion = (q: Partial<QuestionnaireTemplate['questions'][number]>): QuestionnaireTemplate => ({
    ...base,
    questions: [{ ...base.questions[0], ...q }],
  });

  it('accepts the valid base', () => expect(validateQuestionnaireTemplate(base)).toEqual([]));
  it('unknown parameter', () => expect(validateQuestionnaireTemplate(withQuestion({ parameterKey: 'luck' })).join()).toMatch(/unknown parameter/));
  it('scale differs from the parameter', () =>
    expect(validateQuestionnaireTemplate(withQuestion({ scale: { min: 1, max: 10, minLabel: 'a', maxLabel: 'b' } })).join()).toMatch(/differs/));
  it('rating with min >= max', () =>
    expect(validateQuestionnaireTemplate(withQuestion({ scale: { min: 5, max: 5, minLabel: 'a', maxLabel: 'b' } })).join()).toMatch(/min < max/));
  it('stage-2 question without parameter', () =>
    expect(validateQuestionnaireTemplate(withQuestion({ parameterKey: undefined })).join()).toMatch(/must feed a parameter/));
  it('choice with one option', () =>
    expect(
      validateQuestionnaireTemplate({
        ...base,
        stage: 'STAGE1_PROCESS',
        questions: [{ key: 'c', text: 'Выбор', type: 'SINGLE_CHOICE', required: true, options: ['Да'] }],
      }).join(),
    ).toMatch(/at least two options/));
  it('duplicate question keys', () =>
    expect(validateQuestionnaireTemplate({ ...base, questions: [base.questions[0], base.questions[0]] }).join()).toMatch(/duplicate question key/));
  it('non snake_case key', () => expect(validateQuestionnaireTemplate({ ...base, key: 'Custom-Key' }).join()).toMatch(/snake_case/));
});
