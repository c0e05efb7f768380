import { assertCanExportPersonalData, PersonalDataSection, readPersonalData, RequestContext, type DataSource } from '@nastavnik/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Person } from '../people/person.entity';
import { PARTICIPANT_SECTIONS } from './personal-data.sections';

@Resolver(() => Person)
export class PersonParticipantRecordsResolver {
  constructor(private readonly db: DataSource) {}

  @FieldResolver(() => [PersonalDataSection], {
    description: 'Everything the participant service holds about the person (personal-data export); the person, their school administration and curator, the office',
  })
  participantRecords(@Root() person: Person, @Ctx() context: RequestContext): Promise<PersonalDataSection[]> {
    assertCanExportPersonalData(context.caller, person);
    return readPersonalData(this.db, 'participant', PARTICIPANT_SECTIONS, person, context);
  }
}
