import { byKeys, groupByKeys, PageInput, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Questionnaire, QuestionnaireVersion } from './questionnaire.entity';
import { QuestionnaireVersionStatus } from './questionnaire.enums';
import type { QuestionnaireService } from './questionnaire.service';
import { CreateQuestionnaireInput, EditQuestionnaireInput, QuestionnaireConnection, QuestionnaireFilter } from './questionnaire.types';

export function loadQuestionnaireVersion(context: RequestContext, service: QuestionnaireService, id: string): Promise<QuestionnaireVersion | null> {
  return context
    .loader<string, QuestionnaireVersion | null>('monitoring.questionnaireVersion', async (ids) =>
      byKeys(ids, await service.findVersionsByIds(context.caller, ids), (version) => version.id),
    )
    .load(id);
}

@Resolver(() => Questionnaire)
export class QuestionnaireResolver {
  constructor(private readonly questionnaireService: QuestionnaireService) {}

  @Query(() => QuestionnaireConnection, { description: 'Questionnaires the caller may use: shipped, the municipality’s and the school’s' })
  questionnaires(
    @Arg('filter', () => QuestionnaireFilter, { nullable: true }) filter: QuestionnaireFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<QuestionnaireConnection> {
    return this.questionnaireService.list(context.caller, filter ?? new QuestionnaireFilter(), page ?? new PageInput());
  }

  @Query(() => Questionnaire)
  questionnaire(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Questionnaire> {
    return this.questionnaireService.getVisible(context.caller, id);
  }

  @Query(() => QuestionnaireVersion)
  async questionnaireVersion(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<QuestionnaireVersion> {
    return (await this.questionnaireService.getVersion(context.caller, id)).version;
  }

  @Mutation(() => Questionnaire, { description: 'Creates a questionnaire with a first draft version' })
  createQuestionnaire(@Arg('input') input: CreateQuestionnaireInput, @Ctx() context: RequestContext): Promise<Questionnaire> {
    return this.questionnaireService.create(context.caller, input);
  }

  @Mutation(() => QuestionnaireVersion, { description: 'Changes the draft, or starts a new draft version when every version is published' })
  editQuestionnaire(@Arg('input') input: EditQuestionnaireInput, @Ctx() context: RequestContext): Promise<QuestionnaireVersion> {
    return this.questionnaireService.edit(context.caller, input);
  }

  @Mutation(() => QuestionnaireVersion, { description: 'Publishes a draft version; from then on it never changes' })
  publishQuestionnaireVersion(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<QuestionnaireVersion> {
    return this.questionnaireService.publish(context.caller, id);
  }

  @FieldResolver(() => [QuestionnaireVersion], { description: 'Every version, oldest first' })
  versions(@Root() questionnaire: Questionnaire, @Ctx() context: RequestContext): Promise<QuestionnaireVersion[]> {
    return context
      .loader<string, QuestionnaireVersion[]>('monitoring.questionnaireVersions', async (ids) =>
        groupByKeys(ids, await this.questionnaireService.versionsOf(ids), (version) => version.questionnaireId),
      )
      .load(questionnaire.id);
  }

  @FieldResolver(() => QuestionnaireVersion, { nullable: true, description: 'The newest published version: the one new campaigns use' })
  async currentVersion(@Root() questionnaire: Questionnaire, @Ctx() context: RequestContext): Promise<QuestionnaireVersion | null> {
    const published = (await this.versions(questionnaire, context)).filter((version) => version.status === QuestionnaireVersionStatus.PUBLISHED);
    return published.at(-1) ?? null;
  }
}
