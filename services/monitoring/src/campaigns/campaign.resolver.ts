import { assertRole, byKeys, groupByKeys, notFound, PageInput, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { SENSITIVE_READERS } from '../access';
import { PersonReference } from '../people/person.reference';
import { MentoringProgramReference } from '../programs/program.reference';
import { QuestionnaireVersion } from '../questionnaires/questionnaire.entity';
import { loadQuestionnaireVersion } from '../questionnaires/questionnaire.resolver';
import type { QuestionnaireService } from '../questionnaires/questionnaire.service';
import { QuestionnaireResponse } from '../responses/response.entity';
import type { ResponseService } from '../responses/response.service';
import { Campaign, CampaignRespondent } from './campaign.entity';
import type { CampaignService } from './campaign.service';
import { CampaignConnection, CampaignFilter, CreateCampaignInput, ResponseRate, ResponseRateFilter } from './campaign.types';

@ObjectType({ description: 'A person asked in a campaign and whether they have answered' })
export class CampaignRespondentView {
  @Field(() => PersonReference)
  person: PersonReference;

  @Field(() => ID, { nullable: true })
  pairId: string | null;

  @Field()
  responded: boolean;
}

@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly questionnaireService: QuestionnaireService,
    private readonly responseService: ResponseService,
  ) {}

  @Query(() => CampaignConnection)
  campaigns(
    @Arg('filter', () => CampaignFilter, { nullable: true }) filter: CampaignFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<CampaignConnection> {
    return this.campaignService.list(context.caller, filter ?? new CampaignFilter(), page ?? new PageInput());
  }

  @Query(() => Campaign)
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Campaign> {
    return this.campaignService.getVisible(context.caller, id);
  }

  @Query(() => [ResponseRate], { description: 'QuestionnaireResponse rates per school and respondent role' })
  responseRates(@Arg('filter', () => ResponseRateFilter, { nullable: true }) filter: ResponseRateFilter | undefined, @Ctx() context: RequestContext): Promise<ResponseRate[]> {
    return this.campaignService.rates(context.caller, filter ?? new ResponseRateFilter());
  }

  @Mutation(() => Campaign, { description: 'Sends a published questionnaire version to the respondents of a programme' })
  createCampaign(@Arg('input') input: CreateCampaignInput, @Ctx() context: RequestContext): Promise<Campaign> {
    return this.campaignService.create(context, input);
  }

  @Mutation(() => Campaign, { description: 'Closes the campaign: responses become final, stage-2 responses become measurements' })
  closeCampaign(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Campaign> {
    return this.campaignService.close(context, id);
  }

  @FieldResolver(() => MentoringProgramReference)
  program(@Root() campaign: Campaign): MentoringProgramReference {
    return { id: campaign.programId };
  }

  @FieldResolver(() => QuestionnaireVersion)
  async questionnaireVersion(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<QuestionnaireVersion> {
    const version = await loadQuestionnaireVersion(context, this.questionnaireService, campaign.questionnaireVersionId);
    if (!version) throw notFound('Questionnaire version');
    return version;
  }

  @FieldResolver(() => ResponseRate)
  async responseRate(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<ResponseRate> {
    const rate = await context
      .loader<string, ResponseRate | null>('monitoring.campaignRate', async (ids) =>
        byKeys(ids, await this.campaignService.rates(context.caller, { campaignIds: ids }), (row) => row.campaignId!),
      )
      .load(campaign.id);
    return rate ?? { campaignId: campaign.id, schoolId: campaign.schoolId, role: campaign.respondentRole, invited: 0, responded: 0, rate: null };
  }

  @FieldResolver(() => [CampaignRespondentView], { description: 'Who is asked and who has answered (school staff who read answers)' })
  async respondents(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<CampaignRespondentView[]> {
    assertRole(context.caller, SENSITIVE_READERS);
    const respondents = await context
      .loader<string, CampaignRespondent[]>('monitoring.campaignRespondents', async (ids) =>
        groupByKeys(ids, await this.campaignService.respondentsOf(ids), (respondent) => respondent.campaignId),
      )
      .load(campaign.id);
    const responses = await context
      .loader<string, QuestionnaireResponse[]>('monitoring.campaignResponses', async (ids) =>
        groupByKeys(ids, await this.responseService.ofCampaigns(context.caller, ids), (response) => response.campaignId),
      )
      .load(campaign.id);
    const answered = new Set(responses.map((response) => response.respondentId));
    return respondents.map((respondent) => ({ person: { id: respondent.personId }, pairId: respondent.pairId, responded: answered.has(respondent.personId) }));
  }

  @FieldResolver(() => QuestionnaireResponse, { nullable: true, description: 'The caller’s own response' })
  async myResponse(@Root() campaign: Campaign, @Ctx() context: RequestContext): Promise<QuestionnaireResponse | null> {
    return context
      .loader<string, QuestionnaireResponse | null>('monitoring.myResponse', async (ids) => byKeys(ids, await this.responseService.mineIn(context.caller, ids), (response) => response.campaignId))
      .load(campaign.id);
  }
}
