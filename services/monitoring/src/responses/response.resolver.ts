import { byKeys, forbidden, groupByKeys, notFound, PageInput, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Campaign } from '../campaigns/campaign.entity';
import type { CampaignService } from '../campaigns/campaign.service';
import { PersonReference } from '../people/person.reference';
import { Answer, QuestionnaireResponse, ResponseRevision } from './response.entity';
import type { ResponseService } from './response.service';
import { QuestionnaireResponseConnection, SubmitResponseInput } from './response.types';

/** Answers are sensitive: every read goes to the audit log (one entry per request). */
function noteAnswersRead(context: RequestContext, response: QuestionnaireResponse, field: string): void {
  context.auditedReads.note({ entityType: 'QuestionnaireResponse', schoolId: response.schoolId, entityIds: [response.id], personIds: [response.respondentId], fields: [field] });
}

@Resolver(() => QuestionnaireResponse)
export class ResponseResolver {
  constructor(
    private readonly responseService: ResponseService,
    private readonly campaignService: CampaignService,
  ) {}

  @Query(() => QuestionnaireResponse, { description: 'A response: the school’s curator or psychologist, or the respondent' })
  response(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<QuestionnaireResponse> {
    return this.responseService.getVisible(context.caller, id);
  }

  @Query(() => QuestionnaireResponseConnection, { description: 'Responses to a campaign, in the order they first arrived' })
  async responses(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<QuestionnaireResponseConnection> {
    await this.campaignService.getVisible(context.caller, campaignId, 'campaignId');
    return this.responseService.ofCampaign(context.caller, campaignId, page ?? new PageInput());
  }

  @Mutation(() => QuestionnaireResponse, { description: 'Gives or changes the one response of a respondent; repeating the same answers changes nothing' })
  submitResponse(@Arg('input') input: SubmitResponseInput, @Ctx() context: RequestContext): Promise<QuestionnaireResponse> {
    return this.responseService.submit(context, input);
  }

  @FieldResolver(() => PersonReference)
  respondent(@Root() response: QuestionnaireResponse): PersonReference {
    return { id: response.respondentId };
  }

  @FieldResolver(() => Campaign)
  async campaign(@Root() response: QuestionnaireResponse, @Ctx() context: RequestContext): Promise<Campaign> {
    const campaign = await context
      .loader<string, Campaign | null>('monitoring.campaign', async (ids) => byKeys(ids, await this.campaignService.findVisibleByIds(context.caller, ids), (c) => c.id))
      .load(response.campaignId);
    if (!campaign) throw notFound('Campaign');
    return campaign;
  }

  @FieldResolver(() => [Answer], { description: 'The current answers' })
  answers(@Root() response: QuestionnaireResponse, @Ctx() context: RequestContext): Promise<Answer[]> {
    this.assertMayReadAnswers(response, context);
    noteAnswersRead(context, response, 'answers');
    return context
      .loader<string, Answer[]>('monitoring.answers', async (ids) => groupByKeys(ids, await this.responseService.answersOf(ids), (answer) => answer.responseId))
      .load(response.id);
  }

  @FieldResolver(() => [ResponseRevision], { description: 'Every distinct set of answers submitted, oldest first' })
  revisions(@Root() response: QuestionnaireResponse, @Ctx() context: RequestContext): Promise<ResponseRevision[]> {
    this.assertMayReadAnswers(response, context);
    noteAnswersRead(context, response, 'revisions');
    return context
      .loader<string, ResponseRevision[]>('monitoring.revisions', async (ids) => groupByKeys(ids, await this.responseService.revisionsOf(ids), (revision) => revision.responseId))
      .load(response.id);
  }

  /** Staff who enter a paper form on a respondent's behalf get the response back, not its answers. */
  private assertMayReadAnswers(response: QuestionnaireResponse, context: RequestContext): void {
    if (!this.responseService.mayReadAnswers(context.caller, response)) {
      throw forbidden('Answers are read by the school’s curator and psychologist and by the respondent');
    }
  }
}

@Resolver(() => PersonReference)
export class PersonResponsesResolver {
  constructor(private readonly responseService: ResponseService) {}

  @FieldResolver(() => [QuestionnaireResponse], { description: 'Questionnaire responses of the person (the school’s curator or psychologist, or the person; empty for anybody else)' })
  responses(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<QuestionnaireResponse[]> {
    return context
      .loader<string, QuestionnaireResponse[]>('monitoring.personResponses', async (ids) => groupByKeys(ids, await this.responseService.ofPeople(context.caller, ids), (r) => r.respondentId))
      .load(person.id);
  }
}
