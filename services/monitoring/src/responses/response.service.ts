import {
  assertConsent,
  assertRole,
  AuditAction,
  DomainError,
  ErrorCode,
  notFound,
  ownPersonId,
  paginate,
  Processing,
  recordChange,
  scopeToCaller,
  today,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import { MONITORING_ORGANISERS, PERSONAL_RECORD_QUERIERS, readsPersonalData } from '../access';
import { Campaign, CampaignRespondent } from '../campaigns/campaign.entity';
import { campaignPhase } from '../campaigns/campaign.rules';
import { Measurement } from '../measurements/measurement.entity';
import { MeasurementSource, MeasurementStage } from '../measurements/measurement.enums';
import { QuestionnaireVersion } from '../questionnaires/questionnaire.entity';
import { checkAnswers, parameterValues, sameAnswers, type StoredAnswer } from './answer.rules';
import { Answer, QuestionnaireResponse, ResponseRevision } from './response.entity';
import type { SubmitResponseInput } from './response.types';

export class ResponseService {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ParticipantDirectory,
  ) {}

  /** The school's curator and psychologist see its responses; anybody else only their own. */
  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    const query = scopeToCaller(manager.getRepository(QuestionnaireResponse).createQueryBuilder('response'), caller).andWhere('response.revision > 0');
    if (!readsPersonalData(caller)) query.andWhere('response.respondent_id = :me', { me: ownPersonId(caller) });
    return query;
  }

  /** Answers of a response: the school's curator and psychologist, or the respondent. */
  mayReadAnswers(caller: Caller, response: QuestionnaireResponse): boolean {
    return readsPersonalData(caller) || response.respondentId === caller.personId;
  }

  async getVisible(caller: Caller, id: string): Promise<QuestionnaireResponse> {
    assertRole(caller, PERSONAL_RECORD_QUERIERS);
    const response = await this.visible(caller).andWhere('response.id = :id', { id }).getOne();
    if (!response) throw notFound('Response');
    return response;
  }

  ofCampaign(caller: Caller, campaignId: string, page: PageInput): Promise<Page<QuestionnaireResponse>> {
    assertRole(caller, PERSONAL_RECORD_QUERIERS);
    const query = this.visible(caller).andWhere('response.campaign_id = :campaignId', { campaignId });
    return paginate(query, page, { column: 'response.first_submitted_at', timestamp: true, valueOf: (response) => response.firstSubmittedAt });
  }

  ofCampaigns(caller: Caller, campaignIds: readonly string[]): Promise<QuestionnaireResponse[]> {
    return this.visible(caller).andWhere('response.campaign_id = ANY(:campaignIds)', { campaignIds }).getMany();
  }

  ofPeople(caller: Caller, personIds: readonly string[]): Promise<QuestionnaireResponse[]> {
    return this.visible(caller).andWhere('response.respondent_id = ANY(:personIds)', { personIds }).orderBy('response.first_submitted_at').getMany();
  }

  /** The caller's own responses to these campaigns. */
  mineIn(caller: Caller, campaignIds: readonly string[]): Promise<QuestionnaireResponse[]> {
    if (!caller.personId) return Promise.resolve([]);
    return scopeToCaller(this.db.getRepository(QuestionnaireResponse).createQueryBuilder('response'), caller)
      .andWhere('response.revision > 0 AND response.respondent_id = :me AND response.campaign_id = ANY(:campaignIds)', { me: caller.personId, campaignIds })
      .getMany();
  }

  answersOf(responseIds: readonly string[]): Promise<Answer[]> {
    return this.db.getRepository(Answer).createQueryBuilder('answer').where('answer.response_id = ANY(:responseIds)', { responseIds }).getMany();
  }

  revisionsOf(responseIds: readonly string[]): Promise<ResponseRevision[]> {
    return this.db
      .getRepository(ResponseRevision)
      .createQueryBuilder('revision')
      .where('revision.response_id = ANY(:responseIds)', { responseIds })
      .orderBy('revision.revision')
      .getMany();
  }

  /**
   * One response per respondent per campaign, whatever arrives at once: the row is created with
   * INSERT … ON CONFLICT DO NOTHING and then locked, so concurrent submits run one after the
   * other. Submitting the same answers again changes nothing; different answers become a new
   * revision, and every earlier revision is kept.
   */
  async submit(context: RequestContext, input: SubmitResponseInput): Promise<QuestionnaireResponse> {
    const { caller } = context;
    const respondentId = input.respondentId ?? caller.personId;
    if (!respondentId) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Name the respondent: the caller is not a person of the school', 'input.respondentId');
    // Staff may enter a paper questionnaire on a respondent's behalf; the entry records who did.
    if (respondentId !== caller.personId) assertRole(caller, MONITORING_ORGANISERS);
    // Asked on every submit: after a withdrawal the very next answer is refused, in an open campaign too.
    const respondent = (await this.directory.people(context, [respondentId])).get(respondentId);
    assertConsent(Processing.QUESTIONNAIRE, respondent?.activeConsentScopes ?? [], 'input.respondentId', 'The respondent');
    return this.db.transaction(async (manager) => {
      // A shared lock: closing the campaign (an exclusive lock) waits for submits in flight, and vice versa.
      const campaign = await scopeToCaller(manager.getRepository(Campaign).createQueryBuilder('campaign'), caller)
        .andWhere('campaign.id = :id', { id: input.campaignId })
        .setLock('pessimistic_read')
        .getOne();
      if (!campaign) throw notFound('Campaign', 'input.campaignId');
      if (!(await manager.getRepository(CampaignRespondent).existsBy({ campaignId: campaign.id, personId: respondentId }))) {
        throw new DomainError(ErrorCode.NOT_A_RESPONDENT, 'This person is not asked in this campaign', input.respondentId ? 'input.respondentId' : 'input.campaignId');
      }
      const phase = campaignPhase(campaign, today());
      if (phase === 'NOT_OPEN') throw new DomainError(ErrorCode.CAMPAIGN_NOT_OPEN, `The campaign opens on ${campaign.opensOn}`, 'input.campaignId');
      if (phase === 'CLOSED') throw new DomainError(ErrorCode.CAMPAIGN_CLOSED, 'The campaign is closed; its responses are final', 'input.campaignId');
      const version = await manager.getRepository(QuestionnaireVersion).findOneByOrFail({ id: campaign.questionnaireVersionId });
      const checked = checkAnswers(version.questions, input.answers);
      if (checked.problem) throw new DomainError(ErrorCode[checked.problem.code], checked.problem.message, checked.problem.field);

      const responses = manager.getRepository(QuestionnaireResponse);
      await responses
        .createQueryBuilder()
        .insert()
        .values({
          campaignId: campaign.id,
          respondentId,
          questionnaireVersionId: version.id,
          municipalityId: campaign.municipalityId,
          schoolId: campaign.schoolId,
          programId: campaign.programId,
          respondentRole: campaign.respondentRole,
          stage: campaign.stage,
          revision: 0,
          submittedBy: caller.userId,
          submittedAt: new Date(),
        })
        .orIgnore()
        .execute();
      const response = await responses
        .createQueryBuilder('response')
        .where('response.campaign_id = :campaignId AND response.respondent_id = :respondentId', { campaignId: campaign.id, respondentId })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const current = await manager.getRepository(Answer).findBy({ responseId: response.id });
      if (response.revision > 0 && sameAnswers(this.inQuestionOrder(version, current), checked.answers)) return response;

      const revision = response.revision + 1;
      const submittedAt = new Date();
      await manager.getRepository(Answer).delete({ responseId: response.id });
      await manager.getRepository(Answer).insert(checked.answers.map((answer) => ({ ...answer, responseId: response.id })));
      await manager.getRepository(ResponseRevision).insert({ responseId: response.id, revision, answers: checked.answers as Answer[], submittedBy: caller.userId, submittedAt });
      await responses.update(response.id, { revision, submittedBy: caller.userId, submittedAt });
      await recordChange(manager, context, {
        action: revision === 1 ? AuditAction.CREATE : AuditAction.UPDATE,
        entityType: 'QuestionnaireResponse',
        entityId: response.id,
        personId: respondentId,
        schoolId: response.schoolId,
        fields: checked.answers.map((answer) => `answers.${answer.questionKey}`),
      });
      return responses.findOneByOrFail({ id: response.id });
    });
  }

  private inQuestionOrder(version: QuestionnaireVersion, answers: Answer[]): StoredAnswer[] {
    const byKey = new Map(answers.map((answer) => [answer.questionKey, answer]));
    return version.questions
      .filter((question) => byKey.has(question.key))
      .map((question) => {
        const answer = byKey.get(question.key)!;
        return { questionKey: answer.questionKey, text: answer.text, choices: answer.choices, rating: answer.rating };
      });
  }

  /**
   * Stage-2 responses of a closing campaign become before/after values (source RESPONSE). A value
   * already recorded for the same slot (e.g. entered directly by the psychologist) is kept: the
   * first value of a slot is never silently replaced. Only the respondents in `consenting` (an active
   * MONITORING consent at closing) are measured.
   */
  async recordMeasurements(manager: EntityManager, context: RequestContext, campaign: Campaign, consenting: ReadonlySet<string>): Promise<void> {
    const responses = await manager.getRepository(QuestionnaireResponse).findBy({ campaignId: campaign.id });
    // A respondent who withdrew the monitoring consent since answering gets no measurement from it.
    const answered = responses.filter((response) => response.revision > 0 && consenting.has(response.respondentId));
    if (answered.length === 0) return;
    const version = await manager.getRepository(QuestionnaireVersion).findOneByOrFail({ id: campaign.questionnaireVersionId });
    const answers = await manager.getRepository(Answer).createQueryBuilder('answer').where('answer.response_id = ANY(:ids)', { ids: answered.map((r) => r.id) }).getMany();
    const stage = campaign.stage === 'STAGE2_BEFORE' ? MeasurementStage.BEFORE : MeasurementStage.AFTER;
    const rows = answered.flatMap((response) =>
      [...parameterValues(version.questions, answers.filter((answer) => answer.responseId === response.id))].map(([parameterKey, value]) => ({
        municipalityId: response.municipalityId,
        schoolId: response.schoolId,
        personId: response.respondentId,
        programId: response.programId,
        parameterKey,
        stage,
        value,
        measuredOn: response.submittedAt.toISOString().slice(0, 10),
        source: MeasurementSource.RESPONSE,
        responseId: response.id,
        recordedBy: response.submittedBy,
      })),
    );
    if (rows.length === 0) return;
    const inserted = await manager.getRepository(Measurement).createQueryBuilder().insert().values(rows).orIgnore().returning(['id', 'personId', 'schoolId']).execute();
    await recordChange(
      manager,
      context,
      ...(inserted.raw as { id: string; person_id: string; school_id: string }[]).map((row) => ({
        action: AuditAction.CREATE,
        entityType: 'Measurement',
        entityId: row.id,
        personId: row.person_id,
        schoolId: row.school_id,
        fields: ['parameterKey', 'stage', 'value', 'measuredOn', 'responseId'],
      })),
    );
  }
}
