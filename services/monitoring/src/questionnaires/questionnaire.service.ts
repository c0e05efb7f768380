import {
  assertCanSeeSchool,
  assertRole,
  DomainError,
  ErrorCode,
  notFound,
  paginate,
  Role,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
} from '@nastavnik/platform';
import { MONITORING_ORGANISERS } from '../access';
import type { ParameterService } from '../parameters/parameter.service';
import { Questionnaire, QuestionnaireVersion } from './questionnaire.entity';
import { QuestionnaireVersionStatus } from './questionnaire.enums';
import { validateQuestionnaireTemplate, type QuestionnaireTemplate, type QuestionTemplate } from './questionnaire.templates';
import type { CreateQuestionnaireInput, EditQuestionnaireInput, QuestionnaireContentInput, QuestionnaireFilter } from './questionnaire.types';

type Content = Pick<QuestionnaireVersion, 'title' | 'intro' | 'questions'>;

export class QuestionnaireService {
  constructor(
    private readonly db: DataSource,
    private readonly parameters: ParameterService,
  ) {}

  /** Shipped templates, the municipality's own, and those of the caller's school. */
  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    const query = manager.getRepository(Questionnaire).createQueryBuilder('questionnaire');
    const own = caller.schoolId === null ? 'TRUE' : '(questionnaire.school_id IS NULL OR questionnaire.school_id = :schoolId)';
    return query.where(`(questionnaire.municipality_id IS NULL OR (questionnaire.municipality_id = :municipalityId AND ${own}))`, {
      municipalityId: caller.municipalityId,
      schoolId: caller.schoolId,
    });
  }

  async getVisible(caller: Caller, id: string, field = 'id', manager?: EntityManager): Promise<Questionnaire> {
    const questionnaire = await this.visible(caller, manager).andWhere('questionnaire.id = :id', { id }).getOne();
    if (!questionnaire) throw notFound('Questionnaire', field);
    return questionnaire;
  }

  list(caller: Caller, filter: QuestionnaireFilter, page: PageInput): Promise<Page<Questionnaire>> {
    const query = this.visible(caller);
    if (filter.stage) query.andWhere('questionnaire.stage = :stage', { stage: filter.stage });
    if (filter.respondentRole) query.andWhere('questionnaire.respondent_role = :role', { role: filter.respondentRole });
    return paginate(query, page, { column: 'questionnaire.key', valueOf: (questionnaire) => questionnaire.key });
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<Questionnaire[]> {
    return this.visible(caller).andWhere('questionnaire.id = ANY(:ids)', { ids }).getMany();
  }

  versionsOf(questionnaireIds: readonly string[]): Promise<QuestionnaireVersion[]> {
    return this.db
      .getRepository(QuestionnaireVersion)
      .createQueryBuilder('version')
      .where('version.questionnaire_id = ANY(:questionnaireIds)', { questionnaireIds })
      .orderBy('version.version')
      .getMany();
  }

  /** Versions by id, limited to questionnaires the caller may see. */
  async findVersionsByIds(caller: Caller, ids: readonly string[], manager: EntityManager = this.db.manager): Promise<QuestionnaireVersion[]> {
    const versions = await manager.getRepository(QuestionnaireVersion).createQueryBuilder('version').where('version.id = ANY(:ids)', { ids }).getMany();
    const visible = new Set((await this.visible(caller, manager).andWhere('questionnaire.id = ANY(:qids)', { qids: versions.map((v) => v.questionnaireId) }).getMany()).map((q) => q.id));
    return versions.filter((version) => visible.has(version.questionnaireId));
  }

  async getVersion(caller: Caller, id: string, field = 'id', manager?: EntityManager): Promise<{ version: QuestionnaireVersion; questionnaire: Questionnaire }> {
    const [version] = await this.findVersionsByIds(caller, [id], manager);
    if (!version) throw notFound('Questionnaire version', field);
    return { version, questionnaire: await this.getVisible(caller, version.questionnaireId, field, manager) };
  }

  /** A school role creates questionnaires of its school; the office also municipal ones for every school. */
  async create(caller: Caller, input: CreateQuestionnaireInput): Promise<Questionnaire> {
    assertRole(caller, MONITORING_ORGANISERS);
    const schoolId = input.schoolId ?? caller.schoolId;
    if (schoolId) assertCanSeeSchool(caller, { municipalityId: caller.municipalityId, schoolId });
    if ((input.content === undefined) === (input.copyOfVersionId === undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Give either the content or a version to copy', 'input.content');
    }
    return this.db.transaction(async (manager) => {
      const source = input.copyOfVersionId ? (await this.getVersion(caller, input.copyOfVersionId, 'input.copyOfVersionId', manager)).version : null;
      const meta = { key: input.key, respondentRole: input.respondentRole, stage: input.stage, menteeCategory: input.menteeCategory ?? null };
      const content = source ? { title: source.title, intro: source.intro, questions: source.questions } : await this.checkContent(caller, meta, input.content!, manager);
      if (source) await this.assertValid(caller, meta, content, manager);
      const repository = manager.getRepository(Questionnaire);
      const questionnaire = await repository.save(
        repository.create({ ...meta, municipalityId: caller.municipalityId, schoolId: schoolId ?? null, createdBy: caller.userId }),
      );
      await manager.getRepository(QuestionnaireVersion).insert({
        ...content,
        questionnaireId: questionnaire.id,
        version: 1,
        status: QuestionnaireVersionStatus.DRAFT,
        publishedAt: null,
        createdBy: caller.userId,
      });
      return questionnaire;
    });
  }

  /**
   * Editing changes the open draft; when every version is published, it starts a new draft
   * version, so a published version (and every answer given to it) stays exactly as it was.
   */
  async edit(caller: Caller, input: EditQuestionnaireInput): Promise<QuestionnaireVersion> {
    return this.db.transaction(async (manager) => {
      const questionnaire = await this.visible(caller, manager)
        .andWhere('questionnaire.id = :id', { id: input.questionnaireId })
        .setLock('pessimistic_write')
        .getOne();
      if (!questionnaire) throw notFound('Questionnaire', 'input.questionnaireId');
      this.assertMayEdit(caller, questionnaire, 'input.questionnaireId');
      const content = await this.checkContent(caller, questionnaire, input.content, manager);
      const versions = manager.getRepository(QuestionnaireVersion);
      const draft = await versions.findOneBy({ questionnaireId: questionnaire.id, status: QuestionnaireVersionStatus.DRAFT });
      if (draft) {
        await versions.update(draft.id, { title: content.title, intro: content.intro, questions: content.questions as never });
        return versions.findOneByOrFail({ id: draft.id });
      }
      const { latest } = (await versions
        .createQueryBuilder('version')
        .select('MAX(version.version)', 'latest')
        .where('version.questionnaire_id = :id', { id: questionnaire.id })
        .getRawOne()) as { latest: number };
      return versions.save(
        versions.create({ ...content, questionnaireId: questionnaire.id, version: latest + 1, status: QuestionnaireVersionStatus.DRAFT, publishedAt: null, createdBy: caller.userId }),
      );
    });
  }

  /** Publishing freezes the version; publishing it again changes nothing. */
  async publish(caller: Caller, versionId: string): Promise<QuestionnaireVersion> {
    return this.db.transaction(async (manager) => {
      const { version, questionnaire } = await this.getVersion(caller, versionId, 'id', manager);
      this.assertMayEdit(caller, questionnaire, 'id');
      const versions = manager.getRepository(QuestionnaireVersion);
      const locked = await versions.createQueryBuilder('version').where('version.id = :id', { id: version.id }).setLock('pessimistic_write').getOneOrFail();
      if (locked.status === QuestionnaireVersionStatus.PUBLISHED) return locked;
      await this.assertValid(caller, questionnaire, locked, manager);
      await versions.update(locked.id, { status: QuestionnaireVersionStatus.PUBLISHED, publishedAt: new Date() });
      return versions.findOneByOrFail({ id: locked.id });
    });
  }

  private assertMayEdit(caller: Caller, questionnaire: Questionnaire, field: string): void {
    if (questionnaire.municipalityId === null) {
      throw new DomainError(ErrorCode.QUESTIONNAIRE_READ_ONLY, 'A shipped template cannot be changed; create a questionnaire as a copy of it', field);
    }
    assertRole(caller, MONITORING_ORGANISERS);
    if (questionnaire.schoolId === null) assertRole(caller, [Role.MUNICIPAL_ADMIN]);
    else assertCanSeeSchool(caller, { municipalityId: questionnaire.municipalityId, schoolId: questionnaire.schoolId });
  }

  private async checkContent(
    caller: Caller,
    meta: Pick<Questionnaire, 'key' | 'respondentRole' | 'stage' | 'menteeCategory'>,
    input: QuestionnaireContentInput,
    manager: EntityManager,
  ): Promise<Content> {
    const questions: QuestionTemplate[] = input.questions.map((q) => ({
      key: q.key,
      text: q.text.trim(),
      type: q.type,
      required: q.required,
      ...(q.options ? { options: q.options.map((option) => option.trim()) } : {}),
      ...(q.scale ? { scale: { min: q.scale.min, max: q.scale.max, minLabel: q.scale.minLabel, maxLabel: q.scale.maxLabel } } : {}),
      ...(q.parameterKey ? { parameterKey: q.parameterKey } : {}),
    }));
    const content = { title: input.title.trim(), intro: input.intro?.trim() || null, questions };
    await this.assertValid(caller, meta, content, manager);
    return content;
  }

  /** The shared structural rules, with the municipality's own parameters counted as known. */
  private async assertValid(
    caller: Caller,
    meta: Pick<Questionnaire, 'key' | 'respondentRole' | 'stage' | 'menteeCategory'>,
    content: Content,
    manager: EntityManager,
  ): Promise<void> {
    const template: QuestionnaireTemplate = { ...meta, menteeCategory: meta.menteeCategory ?? undefined, title: content.title, intro: content.intro ?? undefined, questions: content.questions };
    const problems: string[] = [];
    if (meta.menteeCategory && (meta.respondentRole !== 'MENTEE' || meta.stage === 'STAGE1_PROCESS')) {
      problems.push(`${meta.key}: a mentee category is only for stage-2 mentee instruments`);
    }
    for (const problem of validateQuestionnaireTemplate(template)) {
      const unknown = / unknown parameter (\S+)$/.exec(problem);
      const question = unknown && content.questions.find((q) => q.parameterKey === unknown[1]);
      const parameter = unknown && (await this.parameters.find(caller, unknown[1]!, manager));
      if (question && parameter) {
        if (question.type !== 'RATING') problems.push(`${meta.key}.${question.key}: only a rating can feed a parameter`);
        else if (question.scale && (question.scale.min !== parameter.scaleMin || question.scale.max !== parameter.scaleMax)) {
          problems.push(`${meta.key}.${question.key}: scale differs from ${parameter.key} ${parameter.scaleMin}..${parameter.scaleMax}`);
        }
        continue;
      }
      problems.push(problem);
    }
    if (problems.length > 0) throw new DomainError(ErrorCode.QUESTIONNAIRE_INVALID, `The questionnaire is not valid: ${problems.join('; ')}`, 'input.content');
  }
}
