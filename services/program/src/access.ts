import { ALL_ROLES, AUDIT_LOG_ACCESS, PERSONAL_DATA_EXPORT, Role, type AccessMatrix, type AccessRule } from '@nastavnik/platform';

const { MUNICIPAL_ADMIN: OFFICE, SCHOOL_ADMIN, CURATOR, MENTOR, MENTEE, PSYCHOLOGIST } = Role;

/** The office, the school's administration and its curator run the programme. */
const ORGANISERS: AccessRule = { allow: [OFFICE, SCHOOL_ADMIN, CURATOR] };
const EVERYONE: AccessRule = { allow: ALL_ROLES };
/** The programme's work: the organisers and the psychologist see the school; a mentor or mentee their own pairs. */
const PAIR_WORK: AccessRule = { allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST], own: [MENTOR, MENTEE], note: 'a mentor or mentee: the pairs they belong to' };
/** What the mentor of a pair does with the organisers: meetings and the development plan. */
const MENTOR_WORK: AccessRule = { ...ORGANISERS, own: [MENTOR], note: 'a mentor: on their own pairs' };

export const programAccess: AccessMatrix = {
  Query: {
    program: EVERYONE,
    programs: EVERYONE,
    bestPractices: EVERYONE,
    pair: PAIR_WORK,
    pairs: PAIR_WORK,
    mentorshipsOn: PAIR_WORK,
    mentorCandidates: { allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST], note: 'ranks people by their needs, burnout included' },
    matchingProposal: { allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST] },
    quietPairs: ORGANISERS,
    overdueRoadmapItems: ORGANISERS,
    municipalitySettings: ORGANISERS,
    programAuditLog: AUDIT_LOG_ACCESS,
  },
  Mutation: {
    createProgram: ORGANISERS,
    updateProgram: ORGANISERS,
    advanceProgramStage: ORGANISERS,
    applyRoadmapTemplate: ORGANISERS,
    addRoadmapItem: ORGANISERS,
    updateRoadmapItem: ORGANISERS,
    acceptMatching: ORGANISERS,
    formPair: ORGANISERS,
    startPair: ORGANISERS,
    pausePair: ORGANISERS,
    resumePair: ORGANISERS,
    completePair: ORGANISERS,
    dissolvePair: ORGANISERS,
    logMeeting: MENTOR_WORK,
    createDevelopmentPlan: MENTOR_WORK,
    setDevelopmentPlanGoals: MENTOR_WORK,
    addPlanTask: MENTOR_WORK,
    updatePlanTask: MENTOR_WORK,
    approveDevelopmentPlan: { allow: [SCHOOL_ADMIN], own: [MENTOR], note: 'the director signs as director, the pair’s mentor as mentor' },
    addProgramEvent: ORGANISERS,
    addEventParticipants: ORGANISERS,
    issueCertificate: ORGANISERS,
    nominate: ORGANISERS,
    grantAward: ORGANISERS,
    addBestPractice: ORGANISERS,
    updateMunicipalitySettings: { allow: [OFFICE] },
  },
  fields: {
    'Person.programRecords': PERSONAL_DATA_EXPORT,
  },
};
