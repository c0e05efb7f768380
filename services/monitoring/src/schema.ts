import { buildFederatedSchema, clearPersonTexts, createAuditLogResolver, createLogger, ERASED_TEXT, ErasureWorker, ParticipantDirectory, readAuthConfig, readString, type DataSource, type SubgraphRuntime } from '@nastavnik/platform';
import { monitoringAccess } from './access';
import { CampaignResolver } from './campaigns/campaign.resolver';
import { CampaignService } from './campaigns/campaign.service';
import { MONITORING_CLEARING } from './personal-data/erasure.steps';
import { PersonMonitoringRecordsResolver } from './personal-data/personal-data.resolver';
import { MeasurementGapService } from './measurements/measurement-gaps.service';
import { MeasurementResolver, PersonMeasurementsResolver } from './measurements/measurement.resolver';
import { MeasurementService } from './measurements/measurement.service';
import { ParameterResolver } from './parameters/parameter.resolver';
import { ParameterService } from './parameters/parameter.service';
import { PairMonitoringResolver, ProgramMonitoringResolver } from './programs/program-monitoring.resolver';
import { ProgramDirectory } from './programs/program.directory';
import { CompatibilityResolver, SatisfactionCheckResolver } from './psychology/psychology.resolver';
import { PsychologyService } from './psychology/psychology.service';
import { QuestionnaireResolver } from './questionnaires/questionnaire.resolver';
import { QuestionnaireService } from './questionnaires/questionnaire.service';
import { PersonResponsesResolver, ResponseResolver } from './responses/response.resolver';
import { ResponseService } from './responses/response.service';
import { ScorecardResolver } from './scorecards/scorecard.resolver';
import { reportDownloadRoutes } from './reports/report.download';
import { ReportQueue } from './reports/report.queue';
import { ReportResolver, ReportScheduleResolver } from './reports/report.resolver';
import { ReportService } from './reports/report.service';
import { ScorecardService } from './scorecards/scorecard.service';

/**
 * Wires the monitoring services into their resolvers and builds the subgraph schema, with the report
 * queue (when REDIS_URL is set), its schedule ticks and the report download route beside it.
 */
export async function buildMonitoringSchema(db: DataSource, env: Record<string, string | undefined>): Promise<SubgraphRuntime> {
  const log = createLogger('monitoring');
  const people = ParticipantDirectory.fromEnv(env);
  const programs = ProgramDirectory.fromEnv(env);
  const parameterService = new ParameterService(db);
  const measurementService = new MeasurementService(db, people, programs, parameterService);
  const gapService = new MeasurementGapService(measurementService, programs, people);
  const questionnaireService = new QuestionnaireService(db, parameterService);
  const responseService = new ResponseService(db, people);
  const campaignService = new CampaignService(db, questionnaireService, programs, people, responseService);
  const scorecardService = new ScorecardService(db, programs);
  const psychologyService = new PsychologyService(db, people, programs);
  const reportQueue = ReportQueue.fromEnv(env, log);
  const reportService = new ReportService(db, reportQueue, programs, people, readString(env, 'REPORTS_DIR', '.data/reports'));
  const reference = (reference: { id: string }) => ({ id: reference.id });
  const schema = await buildFederatedSchema({
    name: 'monitoring',
    access: monitoringAccess,
    resolvers: [
      createAuditLogResolver('monitoring', db),
      new MeasurementResolver(measurementService, gapService),
      new PersonMeasurementsResolver(measurementService),
      new ParameterResolver(parameterService),
      new QuestionnaireResolver(questionnaireService),
      new CampaignResolver(campaignService, questionnaireService, responseService),
      new ResponseResolver(responseService, campaignService),
      new PersonResponsesResolver(responseService),
      new ScorecardResolver(scorecardService),
      new CompatibilityResolver(psychologyService),
      new SatisfactionCheckResolver(psychologyService),
      new ProgramMonitoringResolver(campaignService, scorecardService, measurementService),
      new PairMonitoringResolver(scorecardService, psychologyService, measurementService, programs),
      new ReportResolver(reportService),
      new ReportScheduleResolver(reportService),
      new PersonMonitoringRecordsResolver(db, people),
    ],
    referenceResolvers: {
      // Person, MentoringProgram and Pair belong to other subgraphs; here they only carry their id,
      // and every field added here scopes its own data to the caller.
      Person: reference,
      MentoringProgram: reference,
      Pair: reference,
      Report: (reference, context) => reportService.getVisible(context.caller, reference.id).catch(() => null),
    },
  });
  reportQueue?.startTriggerWorker((job) => reportService.runScheduleTick(job), env);
  const erasure = ErasureWorker.start('monitoring', env, log, (job) => clearPersonTexts(db, MONITORING_CLEARING, job, ERASED_TEXT));
  return {
    schema,
    routes: reportDownloadRoutes(reportService, readAuthConfig(env), log),
    close: async () => {
      await erasure?.close();
      await reportQueue?.close();
    },
  };
}
