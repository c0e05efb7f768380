import { assertCanExportPersonalData, notFound, ParticipantDirectory, PersonalDataSection, readPersonalData, RequestContext, type DataSource } from '@nastavnik/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { MONITORING_SECTIONS } from './personal-data.sections';

@Resolver(() => PersonReference)
export class PersonMonitoringRecordsResolver {
  constructor(
    private readonly db: DataSource,
    private readonly people: ParticipantDirectory,
  ) {}

  /** The person's school comes from the participant service, asked with the caller's own scope. */
  @FieldResolver(() => [PersonalDataSection], {
    description: 'Everything the monitoring service holds about the person (personal-data export); the person, their school administration and curator, the office',
  })
  async monitoringRecords(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<PersonalDataSection[]> {
    const facts = (await this.people.people(context, [person.id])).get(person.id);
    if (!facts) throw notFound('Person');
    assertCanExportPersonalData(context.caller, facts);
    return readPersonalData(this.db, 'monitoring', MONITORING_SECTIONS, facts, context);
  }
}
