import { buildFederatedSchema, clearPersonTexts, createAuditLogResolver, createLogger, ERASED_TEXT, ErasureWorker, ParticipantDirectory, SubgraphClient, type DataSource, type SubgraphRuntime } from '@nastavnik/platform';
import { programAccess } from './access';
import { CertificateResolver, EventResolver, PersonCertificatesResolver, ProgramEventsResolver } from './events/event.resolver';
import { PROGRAM_CLEARING } from './personal-data/erasure.steps';
import { PersonProgramRecordsResolver } from './personal-data/personal-data.resolver';
import { EventService } from './events/event.service';
import { CompatibilityResults } from './matching/compatibility';
import { MatchingResolver } from './matching/matching.resolver';
import { MatchingService } from './matching/matching.service';
import { loadMeeting, MeetingResolver, PairMeetingsResolver } from './meetings/meeting.resolver';
import { MeetingService } from './meetings/meeting.service';
import { PairClosingService } from './pairs/pair-closing.service';
import { loadPair, PairResolver, PersonPairsResolver } from './pairs/pair.resolver';
import { PairService } from './pairs/pair.service';
import { BaseRoster } from './people/base-roster';
import { PairPlansResolver, PersonPlansResolver, PlanResolver } from './plans/plan.resolver';
import { PracticeResolver } from './practices/practice.resolver';
import { PracticeService } from './practices/practice.service';
import { PlanService } from './plans/plan.service';
import { ProgramLifecycleService } from './programs/program-lifecycle.service';
import { loadProgram, ProgramResolver, SchoolProgramsResolver } from './programs/program.resolver';
import { ProgramService } from './programs/program.service';
import { AwardResolver, PersonAwardsResolver, ProgramAwardsResolver } from './recognition/award.resolver';
import { AwardService } from './recognition/award.service';
import { ProgramRoadmapResolver, RoadmapResolver } from './roadmap/roadmap.resolver';
import { RoadmapService } from './roadmap/roadmap.service';
import { SettingsResolver } from './settings/settings.resolver';
import { SettingsService } from './settings/settings.service';

/** Wires the program services into their resolvers and builds the subgraph schema, with the erasure worker when REDIS_URL is set. */
export async function buildProgramSchema(db: DataSource, env: Record<string, string | undefined>): Promise<SubgraphRuntime> {
  const directory = ParticipantDirectory.fromEnv(env);
  const roster = new BaseRoster(SubgraphClient.fromEnv(env, 'participant'));
  const settingsService = new SettingsService(db);
  const programService = new ProgramService(db, directory);
  const lifecycleService = new ProgramLifecycleService(db, programService, roster);
  const pairService = new PairService(db, programService, directory, settingsService);
  const closingService = new PairClosingService(db, pairService);
  const meetingService = new MeetingService(db, pairService, settingsService);
  const roadmapService = new RoadmapService(db, programService);
  const planService = new PlanService(db, pairService);
  const eventService = new EventService(db, programService, directory);
  const awardService = new AwardService(db, programService);
  const practiceService = new PracticeService(db, programService);
  const matchingService = new MatchingService(
    db,
    programService,
    pairService,
    roster,
    new CompatibilityResults(SubgraphClient.fromEnv(env, 'monitoring')),
    settingsService,
  );
  const schema = await buildFederatedSchema({
    name: 'program',
    access: programAccess,
    resolvers: [
      createAuditLogResolver('program', db),
      new ProgramResolver(programService, pairService, lifecycleService),
      new SchoolProgramsResolver(programService),
      new PairResolver(pairService, closingService, programService),
      new PersonPairsResolver(pairService),
      new MeetingResolver(meetingService),
      new PairMeetingsResolver(meetingService),
      new RoadmapResolver(roadmapService),
      new ProgramRoadmapResolver(roadmapService),
      new PlanResolver(planService),
      new PairPlansResolver(planService),
      new PersonPlansResolver(planService),
      new MatchingResolver(matchingService),
      new SettingsResolver(settingsService),
      new EventResolver(eventService),
      new CertificateResolver(),
      new ProgramEventsResolver(eventService),
      new PersonCertificatesResolver(eventService),
      new AwardResolver(awardService, pairService),
      new ProgramAwardsResolver(awardService),
      new PersonAwardsResolver(awardService),
      new PracticeResolver(practiceService),
      new PersonProgramRecordsResolver(db, directory),
    ],
    referenceResolvers: {
      MentoringProgram: (reference, context) => loadProgram(context, programService, reference.id),
      Pair: (reference, context) => loadPair(context, pairService, reference.id),
      Meeting: (reference, context) => loadMeeting(context, meetingService, reference.id),
      // Person and School are the participant subgraph's; here they only carry their id.
      Person: (reference) => ({ id: reference.id }),
      School: (reference) => ({ id: reference.id }),
    },
  });
  const erasure = ErasureWorker.start('program', env, createLogger('program'), (job) => clearPersonTexts(db, PROGRAM_CLEARING, job, ERASED_TEXT));
  return { schema, close: async () => erasure?.close() };
}
