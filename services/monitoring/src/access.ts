import { ALL_ROLES, PERSONAL_DATA_EXPORT, Role, type AccessMatrix, type AccessRule, type Caller } from '@nastavnik/platform';

/**
 * Answers, measurements and psychological results are the most sensitive data of the programme
 * (152-ФЗ): the school's psychologist, curator and administration and the office read them; a
 * participant reads only their own.
 */
export const SENSITIVE_READERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who enters measurements and the psychologist's records: the psychologist, the curator, the office. */
export const PSYCHOLOGICAL_RECORDERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

/** Who runs monitoring in a school: questionnaires, campaigns, scorecards. */
export const MONITORING_ORGANISERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

export function readsSensitive(caller: Caller): boolean {
  return SENSITIVE_READERS.includes(caller.role);
}

const { MUNICIPAL_ADMIN: OFFICE, SCHOOL_ADMIN, CURATOR, MENTOR, MENTEE, PSYCHOLOGIST } = Role;
const EVERYONE: AccessRule = { allow: ALL_ROLES };
const ORGANISERS: AccessRule = { allow: MONITORING_ORGANISERS };
const SENSITIVE: AccessRule = { allow: SENSITIVE_READERS };
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
    response: RESPONDENT_WORK,
    responses: RESPONDENT_WORK,
    responseRates: SENSITIVE,
    measurementGaps: SENSITIVE,
    compatibilityResults: SENSITIVE,
    scorecard: SENSITIVE,
    report: SENSITIVE,
    reports: SENSITIVE,
    dashboard: SENSITIVE,
    reportSchedules: SENSITIVE,
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
