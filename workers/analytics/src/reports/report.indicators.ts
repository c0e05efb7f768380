/**
 * Programme indicators per school (pure): mentors, mentees by category, active pairs by sub-form,
 * and how much of the school's young and under-35 staff takes part in mentoring.
 */
import { menteeCategoriesOf } from './report.grouping';
import { MENTEE_CATEGORIES, type MenteeCategory, type PairMembership, type PersonFact, type SchoolFact } from './report.model';

export const ACTIVE_PAIR_STATUS = 'ACTIVE';
/** Pairs that never worked or were dissolved do not make anyone a participant of mentoring. */
const NOT_TAKING_PART = new Set(['DISSOLVED']);

export interface SchoolIndicators {
  schoolId: string;
  /** Distinct mentors of the school's pairs of the year (dissolved pairs excluded). */
  mentors: number;
  /** Distinct mentees of the school's pairs of the year (dissolved pairs excluded). */
  mentees: number;
  menteesByCategory: Record<MenteeCategory, number>;
  activePairs: number;
  activePairsBySubForm: Record<string, number>;
  youngSpecialists: number;
  youngSpecialistsInMentoring: number;
  /** Young specialists who are mentees / all young specialists of the school; null without any. */
  shareYoungSpecialistsInMentoring: number | null;
  under35: number;
  under35InMentoring: number;
  /** Teachers under 35 who are mentors or mentees / all teachers under 35 with a known birth year. */
  shareUnder35InMentoring: number | null;
}

export function computeSchoolIndicators(
  schools: Iterable<SchoolFact>,
  people: Iterable<PersonFact>,
  memberships: readonly PairMembership[],
): Map<string, SchoolIndicators> {
  const mentorsBySchool = new Map<string, Set<string>>();
  const menteesBySchool = new Map<string, Set<string>>();
  const activePairsBySchool = new Map<string, Map<string, Set<string>>>();
  const inMentoring = new Set<string>();
  const menteesAnywhere = new Set<string>();
  for (const m of memberships) {
    if (m.pairStatus === ACTIVE_PAIR_STATUS) {
      const bySubForm = getOrCreate(activePairsBySchool, m.schoolId, () => new Map<string, Set<string>>());
      getOrCreate(bySubForm, m.subForm, () => new Set<string>()).add(m.pairId);
    }
    if (NOT_TAKING_PART.has(m.pairStatus)) continue;
    inMentoring.add(m.personId);
    if (m.role === 'MENTOR') getOrCreate(mentorsBySchool, m.schoolId, () => new Set<string>()).add(m.personId);
    else {
      getOrCreate(menteesBySchool, m.schoolId, () => new Set<string>()).add(m.personId);
      menteesAnywhere.add(m.personId);
    }
  }

  const peopleById = new Map<string, PersonFact>();
  const staffBySchool = new Map<string, PersonFact[]>();
  for (const person of people) {
    peopleById.set(person.id, person);
    if (!person.archived) getOrCreate(staffBySchool, person.schoolId, () => []).push(person);
  }

  const result = new Map<string, SchoolIndicators>();
  for (const school of schools) {
    const mentees = menteesBySchool.get(school.id) ?? new Set<string>();
    const menteesByCategory = Object.fromEntries(MENTEE_CATEGORIES.map((c) => [c, 0])) as Record<MenteeCategory, number>;
    for (const id of mentees) {
      const person = peopleById.get(id);
      if (person) for (const category of menteeCategoriesOf(person)) menteesByCategory[category] += 1;
    }
    const activeBySubForm: Record<string, number> = {};
    let activePairs = 0;
    for (const [subForm, pairs] of activePairsBySchool.get(school.id) ?? []) {
      activeBySubForm[subForm] = pairs.size;
      activePairs += pairs.size;
    }
    const staff = staffBySchool.get(school.id) ?? [];
    const young = staff.filter((p) => p.youngSpecialist);
    const youngIn = young.filter((p) => menteesAnywhere.has(p.id)).length;
    const under35 = staff.filter((p) => p.under35 === true);
    const under35In = under35.filter((p) => inMentoring.has(p.id)).length;
    result.set(school.id, {
      schoolId: school.id,
      mentors: mentorsBySchool.get(school.id)?.size ?? 0,
      mentees: mentees.size,
      menteesByCategory,
      activePairs,
      activePairsBySubForm: activeBySubForm,
      youngSpecialists: young.length,
      youngSpecialistsInMentoring: youngIn,
      shareYoungSpecialistsInMentoring: young.length ? youngIn / young.length : null,
      under35: under35.length,
      under35InMentoring: under35In,
      shareUnder35InMentoring: under35.length ? under35In / under35.length : null,
    });
  }
  return result;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
