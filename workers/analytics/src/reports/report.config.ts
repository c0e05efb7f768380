import { resolve } from 'node:path';
import { readOptionalString, readString, ConfigError } from '@nastavnik/platform';
import type { ReportDatabaseUrls } from './report.sources';

type Env = Record<string, string | undefined>;

export interface ReportConfig {
  /** Absent when the worker was started without the three database URLs: report jobs then fail with a clear reason. */
  databases: ReportDatabaseUrls | null;
  reportsDir: string;
}

const DATABASE_VARIABLES = ['PARTICIPANT_DATABASE_URL', 'PROGRAM_DATABASE_URL', 'MONITORING_DATABASE_URL'] as const;

/**
 * The three read-only database URLs come together or not at all; a worker without them still serves
 * other jobs. REPORTS_DIR defaults to .data/reports under the working directory.
 */
export function readReportConfig(env: Env): ReportConfig {
  const present = DATABASE_VARIABLES.filter((name) => readOptionalString(env, name));
  if (present.length > 0 && present.length < DATABASE_VARIABLES.length) {
    const missing = DATABASE_VARIABLES.filter((name) => !present.includes(name));
    throw new ConfigError(`${missing.join(' and ')} must be set together with ${present.join(' and ')}`);
  }
  for (const name of present) {
    const value = readString(env, name);
    if (!/^postgres(ql)?:\/\//.test(value)) throw new ConfigError(`${name} must be a postgres:// URL`);
  }
  return {
    databases: present.length
      ? { participantUrl: readString(env, 'PARTICIPANT_DATABASE_URL'), programUrl: readString(env, 'PROGRAM_DATABASE_URL'), monitoringUrl: readString(env, 'MONITORING_DATABASE_URL') }
      : null,
    reportsDir: resolve(readString(env, 'REPORTS_DIR', '.data/reports')),
  };
}
