import { groupByKeys, notFound, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../people/person.entity';
import { loadPerson } from '../people/person.resolver';
import type { PersonService } from '../people/person.service';
import { MentorProfile, MentorStatusChange } from './mentor-profile.entity';
import type { MentorService } from './mentor.service';
import { ChangeMentorStatusInput, OpenMentorProfileInput, UpdateMentorProfileInput } from './mentor.types';

@Resolver(() => MentorProfile)
export class MentorResolver {
  constructor(
    private readonly mentorService: MentorService,
    private readonly personService: PersonService,
  ) {}

  @Query(() => MentorProfile)
  mentorProfile(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<MentorProfile> {
    return this.mentorService.getForCaller(context.caller, id);
  }

  @Mutation(() => MentorProfile, { description: 'Adds a person to the mentor base as a candidate' })
  openMentorProfile(@Arg('input') input: OpenMentorProfileInput, @Ctx() context: RequestContext): Promise<MentorProfile> {
    return this.mentorService.open(context, input);
  }

  @Mutation(() => MentorProfile)
  updateMentorProfile(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateMentorProfileInput, @Ctx() context: RequestContext): Promise<MentorProfile> {
    return this.mentorService.update(context, id, input);
  }

  @Mutation(() => MentorProfile, { description: 'Moves the entry to a new status; LEFT closes it, keeping everything recorded' })
  changeMentorStatus(@Arg('input') input: ChangeMentorStatusInput, @Ctx() context: RequestContext): Promise<MentorProfile> {
    return this.mentorService.changeStatus(context, input);
  }

  @FieldResolver(() => Person)
  async person(@Root() profile: MentorProfile, @Ctx() context: RequestContext): Promise<Person> {
    const person = await loadPerson(context, this.personService, profile.personId);
    if (!person) throw notFound('Person');
    return person;
  }

  @FieldResolver(() => [MentorStatusChange], { description: 'Every status of the entry, oldest first' })
  history(@Root() profile: MentorProfile, @Ctx() context: RequestContext): Promise<MentorStatusChange[]> {
    return context
      .loader<string, MentorStatusChange[]>('participant.mentorHistory', async (ids) => groupByKeys(ids, await this.mentorService.historyOf(ids), (c) => c.profileId))
      .load(profile.id);
  }
}
