/**
 * Pure rules of the before/after comparison: which stages a participant has, and which groups a
 * participant's change belongs to. No database, no workbook.
 */
import {
  MENTEE_CATEGORIES,
  NONE,
  membershipKey,
  type GroupKey,
  type MenteeCategory,
  type PairMembership,
  type PersonFact,
  type ReportFacts,
} from './report.model';

export type MissingStage = 'BEFORE' | 'AFTER';

export type StageOutcome =
  | { kind: 'COMPLETE'; before: number; after: number }
  | { kind: 'INCOMPLETE'; missing: MissingStage };

/**
 * A participant with both values gives a change; one with a single value is incomplete and must be
 * listed, never silently dropped. (A row with neither value cannot come from the aggregate.)
 */
export function stageOutcome(before: number | null, after: number | null): StageOutcome {
  if (before !== null && after !== null) return { kind: 'COMPLETE', before, after };
  if (before === null && after === null) throw new Error('A measurement row without any stage');
  return { kind: 'INCOMPLETE', missing: before === null ? 'BEFORE' : 'AFTER' };
}

/** Stored categories plus the derived young-specialist one, in the catalogue's order. */
export function menteeCategoriesOf(person: Pick<PersonFact, 'youngSpecialist' | 'menteeCategories'>): MenteeCategory[] {
  return MENTEE_CATEGORIES.filter((category) =>
    category === 'YOUNG_SPECIALIST' ? person.youngSpecialist : person.menteeCategories.includes(category),
  );
}

export function indexMemberships(memberships: readonly PairMembership[]): Map<string, PairMembership[]> {
  const index = new Map<string, PairMembership[]>();
  for (const membership of memberships) {
    const key = membershipKey(membership.personId, membership.programId);
    const list = index.get(key);
    if (list) list.push(membership);
    else index.set(key, [membership]);
  }
  return index;
}

/**
 * The groups one participant's change in one programme is counted in. A participant counts once per
 * group: a mentor of three pairs of the same sub-form is one observation of that sub-form; a mentor
 * who is also a mentee in the programme counts in both roles. Mentee categories apply to the
 * participant's mentee role only; a participant measured without a pair, a role or a category is
 * grouped under NONE rather than dropped, so the groups of a dimension always add up to the total.
 */
export function groupsOf(personId: string, programId: string, facts: ReportFacts): GroupKey[] {
  const program = facts.programs.get(programId);
  const person = facts.people.get(personId);
  const memberships = facts.memberships.get(membershipKey(personId, programId)) ?? [];
  const groups: GroupKey[] = [{ dimension: 'MUNICIPALITY', value: facts.municipalityId }];
  // The programme's school is where the mentoring happened; the person may have moved since.
  const schoolId = program?.schoolId ?? person?.schoolId;
  if (schoolId) groups.push({ dimension: 'SCHOOL', value: schoolId });
  groups.push({ dimension: 'PROGRAM', value: programId });
  if (program) groups.push({ dimension: 'FORM', value: program.form });

  const subForms = distinct(memberships.map((m) => m.subForm));
  for (const subForm of subForms.length ? subForms : [NONE]) groups.push({ dimension: 'SUB_FORM', value: subForm });

  const roles = distinct(memberships.map((m) => m.role));
  for (const role of roles.length ? roles : [NONE]) groups.push({ dimension: 'ROLE', value: role });

  if (roles.includes('MENTEE')) {
    const categories = person ? menteeCategoriesOf(person) : [];
    for (const category of categories.length ? categories : [NONE]) groups.push({ dimension: 'MENTEE_CATEGORY', value: category });
  }
  return groups;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

/**
 * Numbers the groups of a report and remembers each participant's groups, so the grouping rules run
 * once per (participant, programme) rather than once per measured parameter.
 */
export class GroupIndex {
  readonly groups: GroupKey[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byParticipant = new Map<string, Int32Array>();
  constructor(private readonly facts: ReportFacts) {}

  groupIdsOf(personId: string, programId: string): Int32Array {
    const key = membershipKey(personId, programId);
    let ids = this.byParticipant.get(key);
    if (!ids) {
      ids = Int32Array.from(groupsOf(personId, programId, this.facts), (group) => this.idOf(group));
      this.byParticipant.set(key, ids);
    }
    return ids;
  }

  private idOf(group: GroupKey): number {
    const key = `${group.dimension}:${group.value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.groups.length;
      this.groups.push(group);
      this.ids.set(key, id);
    }
    return id;
  }
}
