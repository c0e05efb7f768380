import { buildFederatedSchema, ConfigError, createAuditLogResolver, createLogger, readInteger, readString, type DataSource, type RequestContext, type SubgraphRuntime } from '@nastavnik/platform';
import { participantAccess } from './access';
import { ConsentResolver } from './consents/consent.resolver';
import { ConsentService } from './consents/consent.service';
import { ErasureResolver } from './personal-data/erasure.resolver';
import { PersonErasureService } from './personal-data/erasure.service';
import { PersonalDataQueue } from './personal-data/personal-data.queue';
import { PersonParticipantRecordsResolver } from './personal-data/personal-data.resolver';
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

/**
 * Wires the participant services into their resolvers and builds the subgraph schema, with the
 * personal-data queue (when REDIS_URL is set): erasures sent to the other services, their
 * confirmations, and the daily retention sweep.
 */
export async function buildParticipantSchema(db: DataSource, env: Record<string, string | undefined>): Promise<SubgraphRuntime> {
  const log = createLogger('participant');
  const schools = new SchoolService(db);
  const people = new PersonService(db, schools);
  const mentors = new MentorService(db, people);
  const mentees = new MenteeService(db, people);
  const consents = new ConsentService(db, people);
  const personalData = PersonalDataQueue.fromEnv(env, log);
  const erasure = new PersonErasureService(db, people, personalData, readInteger(env, 'RETENTION_DAYS', 1095, 1, 36_500), log);
  const retentionCron = readString(env, 'RETENTION_CRON', '30 2 * * *');
  if (!/^\S+( \S+){4,5}$/.test(retentionCron.trim())) throw new ConfigError('RETENTION_CRON must be a cron pattern of 5 or 6 fields, e.g. "30 2 * * *"');
  const retentionTimeZone = readString(env, 'RETENTION_TIME_ZONE', 'Europe/Moscow');
  const schema = await buildFederatedSchema({
    name: 'participant',
    access: participantAccess,
    resolvers: [
      createAuditLogResolver('participant', db),
      new SchoolResolver(schools),
      new MunicipalityResolver(schools),
      new PersonResolver(people, schools, mentors, mentees, consents),
      new MentorResolver(mentors, people),
      new MenteeResolver(mentees, people),
      new ConsentResolver(consents),
      new ImportResolver(new ImportService(db, schools)),
      new ErasureResolver(erasure),
      new PersonParticipantRecordsResolver(db),
    ],
    // Entity references obey the same school scope as queries: invisible ones resolve to null.
    referenceResolvers: {
      Person: (reference, context) => loadPerson(context, people, reference.id),
      School: (reference, context) => loadSchool(context, schools, reference.id),
      Municipality: (reference, context: RequestContext) =>
        reference.id === context.caller.municipalityId ? schools.municipality(context.caller, reference.id) : null,
    },
  });
  if (personalData) {
    personalData.startWorker({ confirmed: (data) => erasure.confirm(data), sweep: (now) => erasure.sweep(now) });
    await personalData.scheduleRetention(retentionCron, retentionTimeZone).catch((error: unknown) => log.error({ err: error }, 'retention schedule not set'));
  }
  return { schema, close: async () => personalData?.close() };
}
