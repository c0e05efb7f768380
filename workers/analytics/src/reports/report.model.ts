/**
 * The facts a report is built from, as loaded in bulk from the three services' databases.
 * Plain data: the loaders (report.sources.ts) fill them, the pure rules read them.
 */
import type { ChangeDirection } from '../statistics/statistics';

export type MenteeCategory = 'YOUNG_SPECIALIST' | 'BURNOUT' | 'NEW_WORKPLACE' | 'DIGITAL_SKILLS';
export const MENTEE_CATEGORIES: readonly MenteeCategory[] = ['YOUNG_SPECIALIST', 'BURNOUT', 'NEW_WORKPLACE', 'DIGITAL_SKILLS'];

export type ParticipantRole = 'MENTOR' | 'MENTEE';

export interface SchoolFact {
  id: string;
  name: string;
}

export interface PersonFact {
  id: string;
  schoolId: string;
  fullName: string;
  archived: boolean;
  /** Pedagogical experience under 4 whole years on the report date (derived, never stored). */
  youngSpecialist: boolean;
  /** null when the birth year is unknown. */
  under35: boolean | null;
  /** Stored categories of the person's current (or last) mentee profile; YOUNG_SPECIALIST is not stored. */
  menteeCategories: MenteeCategory[];
}

export interface ProgramFact {
  id: string;
  schoolId: string;
  form: string;
  academicYear: string;
}

/** One person's place in one pair: the mentor, or one of its mentees. */
export interface PairMembership {
  pairId: string;
  programId: string;
  schoolId: string;
  personId: string;
  role: ParticipantRole;
  subForm: string;
  pairStatus: string;
}

export interface ParameterInfo {
  key: string;
  name: string;
  direction: ChangeDirection;
  scaleMin: number | null;
  scaleMax: number | null;
  /** False for a key met in the data but missing from the catalogue: analysed as HIGHER_IS_BETTER. */
  catalogued: boolean;
}

/** One row of the monitoring aggregate: both stages of one (parameter, person, programme). */
export interface StagePairRow {
  parameterKey: string;
  personId: string;
  programId: string;
  before: number | null;
  after: number | null;
}

export type Dimension = 'MUNICIPALITY' | 'SCHOOL' | 'PROGRAM' | 'FORM' | 'SUB_FORM' | 'MENTEE_CATEGORY' | 'ROLE';
export const DIMENSIONS: readonly Dimension[] = ['MUNICIPALITY', 'SCHOOL', 'PROGRAM', 'FORM', 'SUB_FORM', 'MENTEE_CATEGORY', 'ROLE'];

/** A group of the before/after comparison: a dimension and a value of it (an id or a code). */
export interface GroupKey {
  dimension: Dimension;
  value: string;
}

/** Value of SUB_FORM / ROLE / MENTEE_CATEGORY for a participant without a pair, role or category. */
export const NONE = 'NONE';

/** Everything the grouping rules need, indexed once per report. */
export interface ReportFacts {
  municipalityId: string;
  schools: Map<string, SchoolFact>;
  people: Map<string, PersonFact>;
  programs: Map<string, ProgramFact>;
  /** Memberships by `${personId}|${programId}`. */
  memberships: Map<string, PairMembership[]>;
  /** All memberships, for the indicators. */
  allMemberships: PairMembership[];
}

export function membershipKey(personId: string, programId: string): string {
  return `${personId}|${programId}`;
}
