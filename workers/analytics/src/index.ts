export { startAnalyticsWorker, type AnalyticsWorkerOptions, type RunningWorker } from './worker';
export { createReportProcessor, reportFileName, validateReportJob, type ReportProcessorOptions } from './reports/report.processor';
export { readReportConfig, type ReportConfig } from './reports/report.config';
export { openReportDatabases, type ReportDatabases, type ReportDatabaseUrls } from './reports/report.sources';
export * from './reports/report.seams';
export { databaseSectionSources, sqlParameterCatalogue, sqlProgrammeActivity, sqlScorecards, sqlStage1Surveys, type SectionSources } from './reports/report.section-sources';
