import { groupByKeys, notFound, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../people/person.entity';
import { loadPerson } from '../people/person.resolver';
import type { PersonService } from '../people/person.service';
import { MenteeCategory } from './mentee.enums';
import { MenteeProfile, MenteeStatusChange } from './mentee-profile.entity';
import { noteCategoriesRead } from './mentee.audit';
import { categoriesFor, effectiveMenteeCategories } from './mentee.rules';
import type { MenteeService } from './mentee.service';
import { ChangeMenteeStatusInput, OpenMenteeProfileInput, UpdateMenteeProfileInput } from './mentee.types';

@Resolver(() => MenteeProfile)
export class MenteeResolver {
  constructor(
    private readonly menteeService: MenteeService,
    private readonly personService: PersonService,
  ) {}

  @Query(() => MenteeProfile)
  menteeProfile(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<MenteeProfile> {
    return this.menteeService.getForCaller(context.caller, id);
  }

  @Mutation(() => MenteeProfile, { description: 'Adds a person to the mentee base' })
  openMenteeProfile(@Arg('input') input: OpenMenteeProfileInput, @Ctx() context: RequestContext): Promise<MenteeProfile> {
    return this.menteeService.open(context, input);
  }

  @Mutation(() => MenteeProfile)
  updateMenteeProfile(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateMenteeProfileInput, @Ctx() context: RequestContext): Promise<MenteeProfile> {
    return this.menteeService.update(context, id, input);
  }

  @Mutation(() => MenteeProfile, { description: 'Moves the entry to a new status; COMPLETED and LEFT close it, keeping everything recorded' })
  changeMenteeStatus(@Arg('input') input: ChangeMenteeStatusInput, @Ctx() context: RequestContext): Promise<MenteeProfile> {
    return this.menteeService.changeStatus(context, input);
  }

  @FieldResolver(() => Person)
  async person(@Root() profile: MenteeProfile, @Ctx() context: RequestContext): Promise<Person> {
    const person = await loadPerson(context, this.personService, profile.personId);
    if (!person) throw notFound('Person');
    return person;
  }

  @FieldResolver(() => [MenteeCategory], { description: 'The curator’s categories plus young specialist where experience is 0–3 years' })
  async categories(@Root() profile: MenteeProfile, @Ctx() context: RequestContext): Promise<MenteeCategory[]> {
    const person = await this.person(profile, context);
    noteCategoriesRead(context, profile);
    return categoriesFor(context.caller, profile.personId, effectiveMenteeCategories(profile.storedCategories, person.pedagogicalExperienceSince, today()));
  }

  @FieldResolver(() => [MenteeStatusChange], { description: 'Every status of the entry, oldest first' })
  history(@Root() profile: MenteeProfile, @Ctx() context: RequestContext): Promise<MenteeStatusChange[]> {
    return context
      .loader<string, MenteeStatusChange[]>('participant.menteeHistory', async (ids) => groupByKeys(ids, await this.menteeService.historyOf(ids), (c) => c.profileId))
      .load(profile.id);
  }
}
