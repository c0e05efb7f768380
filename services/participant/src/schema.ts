import { buildFederatedSchema, createAuditLogResolver, type DataSource, type RequestContext } from '@nastavnik/platform';
import type { GraphQLSchema } from 'graphql';
import { ConsentResolver } from './consents/consent.resolver';
import { ConsentService } from './consents/consent.service';
import { ImportResolver } from './imports/import.resolver';
import { ImportService } from './imports/import.service';
import { MenteeResolver } from './mentees/mentee.resolver';
import { MenteeService } from './mentees/mentee.service';
import { MentorResolver } from './mentors/mentor.resolver';
import { MentorService } from './mentors/mentor.service';
import { loadPerson, PersonResolver } from './people/person.resolver';
import { PersonService } from './people/person.service';
import { loadSchool, MunicipalityResolver, SchoolResolver } from './schools/school.resolver';
import { SchoolService } from './schools/school.service';

/** Wires the participant services into their resolvers and builds the subgraph schema. */
export function buildParticipantSchema(db: DataSource): Promise<GraphQLSchema> {
  const schools = new SchoolService(db);
  const people = new PersonService(db, schools);
  const mentors = new MentorService(db, people);
  const mentees = new MenteeService(db, people);
  const consents = new ConsentService(db, people);
  return buildFederatedSchema({
    resolvers: [
      createAuditLogResolver('participant', db),
      new SchoolResolver(schools),
      new MunicipalityResolver(schools),
      new PersonResolver(people, schools, mentors, mentees, consents),
      new MentorResolver(mentors, people),
      new MenteeResolver(mentees, people),
      new ConsentResolver(consents),
      new ImportResolver(new ImportService(db, schools)),
    ],
    // Entity references obey the same school scope as queries: invisible ones resolve to null.
    referenceResolvers: {
      Person: (reference, context) => loadPerson(context, people, reference.id),
      School: (reference, context) => loadSchool(context, schools, reference.id),
      Municipality: (reference, context: RequestContext) =>
        reference.id === context.caller.municipalityId ? schools.municipality(context.caller, reference.id) : null,
    },
  });
}
