import 'reflect-metadata';
import { AuditEntry, type SubgraphDefinition } from '@nastavnik/platform';
import { monitoringAccess } from './access';
import { Campaign, CampaignRespondent } from './campaigns/campaign.entity';
import { Measurement } from './measurements/measurement.entity';
import { MonitoringInitial1764100000000 } from './migrations/1764100000000-MonitoringInitial';
import { MonitoringQuestionnaires1764200000000 } from './migrations/1764200000000-MonitoringQuestionnaires';
import { MonitoringReports1765000000000 } from './migrations/1765000000000-MonitoringReports';
import { MonitoringAudit1766100000000 } from './migrations/1766100000000-MonitoringAudit';
import { Parameter } from './parameters/parameter.entity';
import { CompatibilityResult, SatisfactionCheck } from './psychology/psychology.entity';
import { Questionnaire, QuestionnaireVersion } from './questionnaires/questionnaire.entity';
import { Report, ReportSchedule } from './reports/report.entity';
import { Answer, QuestionnaireResponse, ResponseRevision } from './responses/response.entity';
import { Scorecard, ScorecardScore } from './scorecards/scorecard.entity';
import { buildMonitoringSchema } from './schema';

export const monitoringSubgraph: SubgraphDefinition = {
  name: 'monitoring',
  defaultPort: 4003,
  access: monitoringAccess,
  entities: [
    AuditEntry,
    Measurement,
    Parameter,
    Questionnaire,
    QuestionnaireVersion,
    Campaign,
    CampaignRespondent,
    QuestionnaireResponse,
    Answer,
    ResponseRevision,
    Scorecard,
    ScorecardScore,
    CompatibilityResult,
    SatisfactionCheck,
    Report,
    ReportSchedule,
  ],
  migrations: [MonitoringInitial1764100000000, MonitoringQuestionnaires1764200000000, MonitoringReports1765000000000, MonitoringAudit1766100000000],
  buildSchema: buildMonitoringSchema,
};
