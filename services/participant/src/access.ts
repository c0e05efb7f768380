import { ALL_ROLES, AUDIT_LOG_ACCESS, PERSONAL_DATA_EXPORT, Role, type AccessMatrix, type AccessRule, type FieldRule } from '@nastavnik/platform';
import type { Person } from './people/person.entity';

const { MUNICIPAL_ADMIN: OFFICE, SCHOOL_ADMIN, CURATOR, MENTOR, MENTEE, PSYCHOLOGIST } = Role;

/** The office, the school's administration and its curator keep the bases. */
const KEEPERS: AccessRule = { allow: [OFFICE, SCHOOL_ADMIN, CURATOR] };
const EVERYONE: AccessRule = { allow: ALL_ROLES };
/** Staff records: the keepers and the psychologist see the school; a participant sees themself. */
const STAFF_RECORD: AccessRule = { allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST], own: [MENTOR, MENTEE], note: 'a mentor or mentee: their own record' };
const ownPerson = (person: Person) => person.id;
/** Contact data and the staff number: not for colleagues. */
const PERSONAL_FIELD: FieldRule = { ...STAFF_RECORD, ownerOf: ownPerson, note: 'others read null' };
/** The mentee base holds burnout: the most sensitive category of the programme. */
const MENTEE_FIELD: FieldRule = {
  allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST],
  own: [MENTEE],
  ownerOf: ownPerson,
  note: 'burnout only to the curator, the psychologist and the mentee (others see the other categories); a mentor reads null, even of their mentee',
};

export const participantAccess: AccessMatrix = {
  Query: {
    school: EVERYONE,
    schools: EVERYONE,
    myMunicipality: EVERYONE,
    person: { ...STAFF_RECORD, note: 'a mentor or mentee: only themself here; partners appear through their pairs' },
    people: { ...STAFF_RECORD, note: 'a mentor or mentee: a list of one, themself' },
    mentorProfile: { allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST], own: [MENTOR], note: 'a mentor: their own entry' },
    menteeProfile: { allow: [OFFICE, SCHOOL_ADMIN, CURATOR, PSYCHOLOGIST], own: [MENTEE], note: 'a mentee: their own entry' },
    staffImportTemplate: KEEPERS,
    erasureAct: { allow: [OFFICE, SCHOOL_ADMIN] },
    participantAuditLog: AUDIT_LOG_ACCESS,
  },
  Mutation: {
    createSchool: { allow: [OFFICE] },
    createPerson: KEEPERS,
    updatePerson: KEEPERS,
    archivePerson: KEEPERS,
    movePerson: { allow: [OFFICE], note: 'a move crosses schools, so only the office' },
    importStaff: KEEPERS,
    openMentorProfile: KEEPERS,
    updateMentorProfile: KEEPERS,
    changeMentorStatus: KEEPERS,
    openMenteeProfile: KEEPERS,
    updateMenteeProfile: KEEPERS,
    changeMenteeStatus: KEEPERS,
    giveConsent: { ...KEEPERS, own: [MENTOR, MENTEE, PSYCHOLOGIST], note: 'anyone about themself' },
    withdrawConsent: { ...KEEPERS, own: [MENTOR, MENTEE, PSYCHOLOGIST], note: 'anyone about themself' },
    erasePerson: { allow: [OFFICE, SCHOOL_ADMIN], note: 'anonymises the person in every service (152-ФЗ)' },
  },
  fields: {
    'Person.email': PERSONAL_FIELD,
    'Person.phone': PERSONAL_FIELD,
    'Person.birthYear': PERSONAL_FIELD,
    'Person.staffNumber': PERSONAL_FIELD,
    'Person.consents': { ...PERSONAL_FIELD, note: 'others read an empty list' },
    'Person.menteeProfile': MENTEE_FIELD,
    'Person.menteeProfiles': MENTEE_FIELD,
    'Person.menteeCategories': MENTEE_FIELD,
    'Person.participantRecords': PERSONAL_DATA_EXPORT,
  },
};
