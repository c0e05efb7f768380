import { byKeys, groupByKeys, PageInput, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Consent, ConsentScope } from '../consents/consent.entity';
import type { ConsentService } from '../consents/consent.service';
import { MenteeCategory } from '../mentees/mentee.enums';
import { MenteeProfile } from '../mentees/mentee-profile.entity';
import { noteCategoriesRead } from '../mentees/mentee.audit';
import type { MenteeService } from '../mentees/mentee.service';
import { categoriesFor, effectiveMenteeCategories } from '../mentees/mentee.rules';
import { MentorProfile } from '../mentors/mentor-profile.entity';
import type { MentorService } from '../mentors/mentor.service';
import { School } from '../schools/school.entity';
import { loadSchool } from '../schools/school.resolver';
import type { SchoolService } from '../schools/school.service';
import { experienceYears, isYoungSpecialist } from './experience.rules';
import { Person, SchoolMembership } from './person.entity';
import type { PersonService } from './person.service';
import { CreatePersonInput, MovePersonInput, PersonConnection, PersonFilter, UpdatePersonInput } from './person.types';

export function loadPerson(context: RequestContext, people: PersonService, id: string): Promise<Person | null> {
  return context
    .loader<string, Person | null>('participant.person', async (ids) => byKeys(ids, await people.findVisibleByIds(context.caller, ids), (person) => person.id))
    .load(id);
}

function noteContactRead(context: RequestContext, person: Person, field: 'email' | 'phone'): void {
  context.auditedReads.note({ entityType: 'Person', schoolId: person.schoolId, entityIds: [person.id], personIds: [person.id], fields: [field] });
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly personService: PersonService,
    private readonly schoolService: SchoolService,
    private readonly mentorService: MentorService,
    private readonly menteeService: MenteeService,
    private readonly consentService: ConsentService,
  ) {}

  @Query(() => Person)
  person(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Person> {
    return this.personService.getForCaller(context.caller, id);
  }

  @Query(() => PersonConnection, { description: 'Staff of the schools the caller may see, by name' })
  people(
    @Arg('filter', () => PersonFilter, { nullable: true }) filter: PersonFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<PersonConnection> {
    return this.personService.list(context.caller, filter ?? Object.assign(new PersonFilter(), { includeArchived: false }), page ?? new PageInput());
  }

  @Mutation(() => Person)
  createPerson(@Arg('input') input: CreatePersonInput, @Ctx() context: RequestContext): Promise<Person> {
    return this.personService.create(context, input);
  }

  @Mutation(() => Person)
  updatePerson(@Arg('id', () => ID) id: string, @Arg('input') input: UpdatePersonInput, @Ctx() context: RequestContext): Promise<Person> {
    return this.personService.update(context, id, input);
  }

  @Mutation(() => Person, { description: 'Takes the person out of the lists; every record stays' })
  archivePerson(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Person> {
    return this.personService.archive(context, id);
  }

  @Mutation(() => Person, { description: 'Moves a person to another school of the municipality, keeping the history' })
  movePerson(@Arg('input') input: MovePersonInput, @Ctx() context: RequestContext): Promise<Person> {
    return this.personService.move(context, input);
  }

  /** Contact data: every read is written to the audit log (one entry per request). */
  @FieldResolver(() => String, { nullable: true })
  email(@Root() person: Person, @Ctx() context: RequestContext): string | null {
    noteContactRead(context, person, 'email');
    return person.email;
  }

  @FieldResolver(() => String, { nullable: true })
  phone(@Root() person: Person, @Ctx() context: RequestContext): string | null {
    noteContactRead(context, person, 'phone');
    return person.phone;
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() person: Person, @Ctx() context: RequestContext): Promise<School | null> {
    return loadSchool(context, this.schoolService, person.schoolId);
  }

  @FieldResolver(() => Int, { description: 'Whole years of pedagogical experience today' })
  pedagogicalExperienceYears(@Root() person: Person): number {
    return experienceYears(person.pedagogicalExperienceSince, today());
  }

  @FieldResolver(() => Boolean, { description: 'Pedagogical experience of 0–3 whole years' })
  isYoungSpecialist(@Root() person: Person): boolean {
    return isYoungSpecialist(person.pedagogicalExperienceSince, today());
  }

  @FieldResolver(() => [SchoolMembership], { description: 'Every school the person worked at, oldest first' })
  async schoolHistory(@Root() person: Person, @Ctx() context: RequestContext): Promise<SchoolMembership[]> {
    return context
      .loader<string, SchoolMembership[]>('participant.memberships', async (ids) => groupByKeys(ids, await this.personService.membershipsOf(ids), (m) => m.personId))
      .load(person.id);
  }

  @FieldResolver(() => [MentorProfile], { description: 'Entries in the mentor base, the open one first' })
  mentorProfiles(@Root() person: Person, @Ctx() context: RequestContext): Promise<MentorProfile[]> {
    return context
      .loader<string, MentorProfile[]>('participant.mentorProfiles', async (ids) =>
        groupByKeys(ids, await this.mentorService.profilesOf(context.caller, ids), (profile) => profile.personId),
      )
      .load(person.id);
  }

  @FieldResolver(() => MentorProfile, { nullable: true, description: 'The open entry in the mentor base' })
  async mentorProfile(@Root() person: Person, @Ctx() context: RequestContext): Promise<MentorProfile | null> {
    return (await this.mentorProfiles(person, context)).find((profile) => profile.closedOn === null) ?? null;
  }

  @FieldResolver(() => [MenteeProfile], { description: 'Entries in the mentee base, the open one first' })
  menteeProfiles(@Root() person: Person, @Ctx() context: RequestContext): Promise<MenteeProfile[]> {
    return context
      .loader<string, MenteeProfile[]>('participant.menteeProfiles', async (ids) =>
        groupByKeys(ids, await this.menteeService.profilesOf(context.caller, ids), (profile) => profile.personId),
      )
      .load(person.id);
  }

  @FieldResolver(() => MenteeProfile, { nullable: true, description: 'The open entry in the mentee base' })
  async menteeProfile(@Root() person: Person, @Ctx() context: RequestContext): Promise<MenteeProfile | null> {
    return (await this.menteeProfiles(person, context)).find((profile) => profile.closedOn === null) ?? null;
  }

  @FieldResolver(() => [MenteeCategory], { description: 'Categories of the open mentee entry, young specialist derived from experience' })
  async menteeCategories(@Root() person: Person, @Ctx() context: RequestContext): Promise<MenteeCategory[]> {
    const profile = await this.menteeProfile(person, context);
    if (!profile) return [];
    noteCategoriesRead(context, profile);
    return categoriesFor(context.caller, person.id, effectiveMenteeCategories(profile.storedCategories, person.pedagogicalExperienceSince, today()));
  }

  @FieldResolver(() => [ConsentScope], { description: 'Scopes of the consents given and not withdrawn: what may be processed now' })
  async activeConsentScopes(@Root() person: Person, @Ctx() context: RequestContext): Promise<ConsentScope[]> {
    return [...new Set((await this.consents(person, context)).filter((consent) => consent.active).map((consent) => consent.scope))].sort();
  }

  @FieldResolver(() => [Consent])
  consents(@Root() person: Person, @Ctx() context: RequestContext): Promise<Consent[]> {
    return context
      .loader<string, Consent[]>('participant.consents', async (ids) => groupByKeys(ids, await this.consentService.consentsOf(context.caller, ids), (c) => c.personId))
      .load(person.id);
  }
}
