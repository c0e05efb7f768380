import { ALL_ROLES, AUDIT_LOG_ACCESS, PERSONAL_DATA_EXPORT, Role, type AccessMatrix, type AccessRule, type Caller } from '@nastavnik/platform';

/**
 * Per-person answers, measurement values, compatibility and satisfaction results (the most
 * sensitive data of the programme, 152-ФЗ) are read by the school's psychologist and curator, and by
 * the person themself for their own records; nobody else. scopeToCaller keeps both to their school.
 */
export const PERSONAL_DATA_READERS: readonly Role[] = [Role.CURATOR, Role.PSYCHOLOGIST];

/**
 * Who may ask for per-person records at all: the curator and psychologist (their school's), mentors
 * and mentees (their own). The office and a school's administration get FORBIDDEN on such queries.
 */
export const PERSONAL_RECORD_QUERIERS: readonly Role[] = [Role.CURATOR, Role.PSYCHOLOGIST, Role.MENTOR, Role.MENTEE];

/**
 * Aggregates (response rates, measurement gaps, dashboards, reports) and the programme's
 * organisational data: the office and the school's staff who run monitoring. Callers who may not
 * read the persons behind an aggregate get its small groups suppressed (seesPersonsBehindAggregates).
 */
export const AGGREGATE_READERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who enters measurements and the psychologist's records: the psychologist, the curator, the office. */
export const PSYCHOLOGICAL_RECORDERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who runs monitoring in a school: questionnaires, campaigns, scorecards. */
export const MONITORING_ORGANISERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** May read other people's sensitive records of the caller's school. */
export function readsPersonalData(caller: Caller): boolean {
  return PERSONAL_DATA_READERS.includes(caller.role);
}

/** Sees aggregates unsuppressed: only a caller who may read the persons behind them anyway. */
export function seesPersonsBehindAggregates(caller: Caller): boolean {
  return readsPersonalData(caller);
}

const { MUNICIPAL_ADMIN: OFFICE, SCHOOL_ADMIN, CURATOR, MENTOR, MENTEE } = Role;
const EVERYONE: AccessRule = { allow: ALL_ROLES };
const ORGANISERS: AccessRule = { allow: MONITORING_ORGANISERS };
const AGGREGATES: AccessRule = { allow: AGGREGATE_READERS, note: 'the office and the school admin: groups under 5 people suppressed' };
const READERS: AccessRule = { allow: AGGREGATE_READERS };
/** One person's answers and psychological results: the curator and psychologist, and the person themself. */
const PERSONAL: AccessRule = { allow: PERSONAL_DATA_READERS, own: [MENTOR, MENTEE], note: 'a mentor or mentee: their own' };
const RECORDERS: AccessRule = { allow: PSYCHOLOGICAL_RECORDERS };
/** A participant answers and reads their own questionnaires; the organisers see the school's. */
const RESPONDENT_WORK: AccessRule = { ...ORGANISERS, own: [MENTOR, MENTEE], note: 'a mentor or mentee: campaigns they answer, their own answers' };

export const monitoringAccess: AccessMatrix = {
  Query: {
    questionnaires: EVERYONE,
    questionnaire: EVERYONE,
    questionnaireVersion: EVERYONE,
    parameters: EVERYONE,
    campaigns: RESPONDENT_WORK,
    campaign: RESPONDENT_WORK,
    response: PERSONAL,
    responses: PERSONAL,
    compatibilityResults: PERSONAL,
    responseRates: AGGREGATES,
    measurementGaps: AGGREGATES,
    dashboard: AGGREGATES,
    scorecard: READERS,
    report: { ...READERS, note: 'workbooks hold aggregates only, small groups suppressed' },
    reports: READERS,
    reportSchedules: READERS,
    monitoringAuditLog: AUDIT_LOG_ACCESS,
  },
  Mutation: {
    createQuestionnaire: ORGANISERS,
    editQuestionnaire: ORGANISERS,
    publishQuestionnaireVersion: ORGANISERS,
    createCampaign: ORGANISERS,
    closeCampaign: ORGANISERS,
    submitResponse: { ...RESPONDENT_WORK, note: 'a mentor or mentee: their own answers; the organisers may enter answers given on paper' },
    addParameter: { allow: [OFFICE], note: 'one catalogue for the municipality' },
    recordMeasurement: RECORDERS,
    recordCompatibilityResult: RECORDERS,
    recordSatisfactionCheck: RECORDERS,
    createScorecard: ORGANISERS,
    updateScorecard: ORGANISERS,
    finaliseScorecard: ORGANISERS,
    supersedeScorecard: ORGANISERS,
    requestReport: { allow: [OFFICE, SCHOOL_ADMIN, CURATOR] },
    createReportSchedule: { allow: [OFFICE, SCHOOL_ADMIN] },
    deactivateReportSchedule: { allow: [OFFICE, SCHOOL_ADMIN] },
  },
  fields: {
    'Person.monitoringRecords': PERSONAL_DATA_EXPORT,
  },
};
