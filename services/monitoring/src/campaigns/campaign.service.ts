import {
  assertCanSeeSchool,
  assertConsent,
  assertRole,
  consentAllows,
  AuditAction,
  DomainError,
  ErrorCode,
  MIN_GROUP_SIZE,
  notFound,
  paginate,
  Processing,
  recordChange,
  scopeToCaller,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import { MONITORING_ORGANISERS, seesPersonsBehindAggregates } from '../access';
import type { ProgramDirectory } from '../programs/program.directory';
import { QuestionnaireVersionStatus, RespondentRole } from '../questionnaires/questionnaire.enums';
import type { QuestionnaireService } from '../questionnaires/questionnaire.service';
import { QuestionnaireResponse } from '../responses/response.entity';
import type { ResponseService } from '../responses/response.service';
import { Campaign, CampaignRespondent } from './campaign.entity';
import { CampaignStatus } from './campaign.enums';
import { fitsInstrument, rateRows, respondentsFromPairs, type CampaignCount, type PairFacts, type Respondent } from './campaign.rules';
import type { CampaignFilter, CreateCampaignInput, ResponseRate, ResponseRateFilter } from './campaign.types';

export class CampaignService {
  constructor(
    private readonly db: DataSource,
    private readonly questionnaires: QuestionnaireService,
    private readonly programs: ProgramDirectory,
    private readonly directory: ParticipantDirectory,
    private readonly responses: ResponseService,
  ) {}

  visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(Campaign).createQueryBuilder('campaign'), caller);
  }

  async getVisible(caller: Caller, id: string, field = 'id', manager?: EntityManager): Promise<Campaign> {
    const campaign = await this.visible(caller, manager).andWhere('campaign.id = :id', { id }).getOne();
    if (!campaign) throw notFound('Campaign', field);
    return campaign;
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<Campaign[]> {
    return this.visible(caller).andWhere('campaign.id = ANY(:ids)', { ids }).getMany();
  }

  ofPrograms(caller: Caller, programIds: readonly string[]): Promise<Campaign[]> {
    return this.visible(caller).andWhere('campaign.program_id = ANY(:programIds)', { programIds }).orderBy('campaign.opens_on').getMany();
  }

  list(caller: Caller, filter: CampaignFilter, page: PageInput): Promise<Page<Campaign>> {
    const query = this.visible(caller);
    if (filter.programId) query.andWhere('campaign.program_id = :programId', { programId: filter.programId });
    if (filter.stage) query.andWhere('campaign.stage = :stage', { stage: filter.stage });
    if (filter.status) query.andWhere('campaign.status = :status', { status: filter.status });
    if (filter.awaitingMe) {
      query.andWhere('EXISTS (SELECT 1 FROM campaign_respondent r WHERE r.campaign_id = campaign.id AND r.person_id = :me)', { me: caller.personId });
    }
    return paginate(query, page, { column: 'campaign.opens_on', valueOf: (campaign) => campaign.opensOn });
  }

  respondentsOf(campaignIds: readonly string[]): Promise<CampaignRespondent[]> {
    return this.db.getRepository(CampaignRespondent).createQueryBuilder('respondent').where('respondent.campaign_id = ANY(:campaignIds)', { campaignIds }).getMany();
  }

  /**
   * Respondents are fixed when the campaign is created, from the programme's pairs as they are
   * that day (mentors or mentees by the questionnaire's role; a category instrument only for
   * mentees of that category), or, for curators, from the ids given. Only people with an active
   * MONITORING consent are asked: pair members without it are left out (the campaign goes on for the
   * others), a curator named without it is refused, since the caller chose that person.
   */
  async create(context: RequestContext, input: CreateCampaignInput): Promise<Campaign> {
    const { caller } = context;
    assertRole(caller, MONITORING_ORGANISERS);
    if (input.closesOn < input.opensOn) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A campaign cannot close before it opens', 'input.closesOn');
    const { version, questionnaire } = await this.questionnaires.getVersion(caller, input.questionnaireVersionId, 'input.questionnaireVersionId');
    if (version.status !== QuestionnaireVersionStatus.PUBLISHED) {
      throw new DomainError(ErrorCode.VERSION_NOT_PUBLISHED, 'Only a published questionnaire version can be sent to respondents', 'input.questionnaireVersionId');
    }
    const program = await this.programs.program(context, input.programId, 'input.programId');
    assertCanSeeSchool(caller, program);
    if (questionnaire.schoolId && questionnaire.schoolId !== program.schoolId) {
      throw new DomainError(ErrorCode.OTHER_SCHOOL, 'This questionnaire belongs to another school', 'input.questionnaireVersionId');
    }
    const respondents = await this.respondentsFor(context, questionnaire.respondentRole, questionnaire.menteeCategory, program, input.curatorIds ?? null);
    if (respondents.length === 0) {
      throw new DomainError(ErrorCode.NO_RESPONDENTS, 'The programme has nobody to answer this questionnaire', 'input.programId');
    }
    return this.db.transaction(async (manager) => {
      const campaign = await manager.getRepository(Campaign).save(
        manager.getRepository(Campaign).create({
          municipalityId: program.municipalityId,
          schoolId: program.schoolId,
          programId: program.id,
          questionnaireVersionId: version.id,
          stage: questionnaire.stage,
          respondentRole: questionnaire.respondentRole,
          title: input.title?.trim() || version.title,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          status: CampaignStatus.OPEN,
          closedAt: null,
          closedBy: null,
          createdBy: caller.userId,
        }),
      );
      await manager.getRepository(CampaignRespondent).insert(
        respondents.map((respondent) => ({ ...respondent, campaignId: campaign.id, municipalityId: program.municipalityId, schoolId: program.schoolId })),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'Campaign',
        entityId: campaign.id,
        personIds: respondents.map((respondent) => respondent.personId),
        schoolId: program.schoolId,
        fields: ['respondents'],
      });
      return campaign;
    });
  }

  private async respondentsFor(
    context: RequestContext,
    role: RespondentRole,
    menteeCategory: string | null,
    program: { schoolId: string; pairs: readonly PairFacts[] },
    curatorIds: string[] | null,
  ): Promise<Respondent[]> {
    if (role === RespondentRole.CURATOR) {
      if (!curatorIds?.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Name the curators who answer this questionnaire', 'input.curatorIds');
      const people = await this.directory.people(context, curatorIds);
      for (const id of curatorIds) {
        const person = people.get(id);
        if (!person) throw notFound('Person', 'input.curatorIds');
        if (person.schoolId !== program.schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'A curator of another school cannot answer for this programme', 'input.curatorIds');
        assertConsent(Processing.QUESTIONNAIRE, person.activeConsentScopes, 'input.curatorIds', 'A curator');
      }
      return [...new Set(curatorIds)].map((personId) => ({ personId, pairId: null }));
    }
    if (curatorIds?.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Respondents of mentor and mentee questionnaires come from the pairs', 'input.curatorIds');
    const people = await this.directory.people(context, respondentsFromPairs(program.pairs, role).map((respondent) => respondent.personId));
    const fromPairs = respondentsFromPairs(program.pairs, role).filter((respondent) =>
      consentAllows(Processing.QUESTIONNAIRE, people.get(respondent.personId)?.activeConsentScopes ?? []),
    );
    if (!menteeCategory) return fromPairs;
    return fromPairs.filter((respondent) => fitsInstrument(menteeCategory, people.get(respondent.personId)?.menteeProfile?.categories ?? []));
  }

  /**
   * Closing makes every response final; a stage-2 campaign then turns each response into the
   * respondent's before or after values. Closing twice changes nothing.
   */
  async close(context: RequestContext, id: string): Promise<Campaign> {
    const { caller } = context;
    assertRole(caller, MONITORING_ORGANISERS);
    const consenting = await this.consentingRespondents(context, id);
    return this.db.transaction(async (manager) => {
      const campaign = await this.visible(caller, manager).andWhere('campaign.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!campaign) throw notFound('Campaign');
      if (campaign.status === CampaignStatus.CLOSED) return campaign;
      await manager.getRepository(Campaign).update(campaign.id, { status: CampaignStatus.CLOSED, closedAt: new Date(), closedBy: caller.userId });
      if (campaign.stage !== 'STAGE1_PROCESS') await this.responses.recordMeasurements(manager, context, campaign, consenting);
      return manager.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
    });
  }

  /** The campaign's respondents whose MONITORING consent is active now. */
  private async consentingRespondents(context: RequestContext, campaignId: string): Promise<Set<string>> {
    const campaign = await this.visible(context.caller).andWhere('campaign.id = :id', { id: campaignId }).getOne();
    if (!campaign || campaign.stage === 'STAGE1_PROCESS' || campaign.status === CampaignStatus.CLOSED) return new Set();
    const respondents = await this.respondentsOf([campaign.id]);
    const people = await this.directory.people(context, respondents.map((respondent) => respondent.personId));
    return new Set([...people.values()].filter((person) => consentAllows(Processing.MEASUREMENT, person.activeConsentScopes)).map((person) => person.id));
  }

  /**
   * Response rates per school and role (or per campaign), counted per campaign in one statement.
   * Callers who may not see the persons behind them get small groups suppressed (rateRows).
   */
  async rates(caller: Caller, filter: ResponseRateFilter & { campaignIds?: readonly string[] }): Promise<ResponseRate[]> {
    const perCampaign = filter.campaignIds !== undefined;
    const query = this.visible(caller)
      .select('campaign.school_id', 'schoolId')
      .addSelect('campaign.respondent_role', 'role')
      .addSelect('campaign.id', 'campaignId')
      .addSelect('COUNT(respondent.person_id)::int', 'invited')
      .addSelect('COUNT(response.id)::int', 'responded')
      .innerJoin(CampaignRespondent, 'respondent', 'respondent.campaign_id = campaign.id')
      .leftJoin(QuestionnaireResponse, 'response', 'response.campaign_id = campaign.id AND response.respondent_id = respondent.person_id AND response.revision > 0')
      .groupBy('campaign.school_id')
      .addGroupBy('campaign.respondent_role')
      .addGroupBy('campaign.id');
    if (perCampaign) query.andWhere('campaign.id = ANY(:campaignIds)', { campaignIds: filter.campaignIds });
    if (filter.programId) query.andWhere('campaign.program_id = :programId', { programId: filter.programId });
    if (filter.schoolId) query.andWhere('campaign.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.stage) query.andWhere('campaign.stage = :stage', { stage: filter.stage });
    const counts = await query.orderBy('campaign.school_id').addOrderBy('campaign.respondent_role').addOrderBy('campaign.id').getRawMany<CampaignCount>();
    return rateRows(counts, perCampaign, !seesPersonsBehindAggregates(caller), MIN_GROUP_SIZE) as ResponseRate[];
  }
}
