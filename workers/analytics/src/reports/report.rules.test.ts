import { ParameterAccumulator } from './report.accumulator';
import { GroupIndex, groupsOf, indexMemberships, menteeCategoriesOf, stageOutcome } from './report.grouping';
import { computeSchoolIndicators } from './report.indicators';
import type { PairMembership, PersonFact, ReportFacts } from './report.model';
import { sheetName } from './report.workbook';

const person = (id: string, extra: Partial<PersonFact> = {}): PersonFact => ({
  id,
  schoolId: 'S1',
  fullName: id,
  archived: false,
  youngSpecialist: false,
  under35: false,
  menteeCategories: [],
  ...extra,
});
const member = (pairId: string, personId: string, role: 'MENTOR' | 'MENTEE', subForm: string, pairStatus = 'ACTIVE', programId = 'P1', schoolId = 'S1'): PairMembership => ({
  pairId,
  programId,
  schoolId,
  personId,
  role,
  subForm,
  pairStatus,
});

describe('stageOutcome: pairing the two stages of one participant', () => {
  it.each([
    [3, 4, { kind: 'COMPLETE', before: 3, after: 4 }],
    [2.5, 2.5, { kind: 'COMPLETE', before: 2.5, after: 2.5 }],
    [0, 0, { kind: 'COMPLETE', before: 0, after: 0 }],
    [null, 4, { kind: 'INCOMPLETE', missing: 'BEFORE' }],
    [3, null, { kind: 'INCOMPLETE', missing: 'AFTER' }],
  ])('before %p, after %p', (before, after, expected) => {
    expect(stageOutcome(before, after)).toEqual(expected);
  });
  it('refuses a row with neither stage', () => expect(() => stageOutcome(null, null)).toThrow());
});

describe('menteeCategoriesOf', () => {
  it.each([
    [{ youngSpecialist: true, menteeCategories: [] }, ['YOUNG_SPECIALIST']],
    [{ youngSpecialist: false, menteeCategories: ['BURNOUT'] }, ['BURNOUT']],
    [{ youngSpecialist: true, menteeCategories: ['DIGITAL_SKILLS', 'BURNOUT'] }, ['YOUNG_SPECIALIST', 'BURNOUT', 'DIGITAL_SKILLS']],
    // A stored YOUNG_SPECIALIST is ignored: the category is derived from experience only.
    [{ youngSpecialist: false, menteeCategories: ['YOUNG_SPECIALIST'] }, []],
  ] as const)('%j → %j', (p, expected) => {
    expect(menteeCategoriesOf({ youngSpecialist: p.youngSpecialist, menteeCategories: [...p.menteeCategories] })).toEqual(expected);
  });
});

describe('groupsOf', () => {
  const memberships = [
    member('pair1', 'mentor', 'MENTOR', 'SUB_A'),
    member('pair2', 'mentor', 'MENTOR', 'SUB_A'),
    member('pair3', 'mentor', 'MENTOR', 'SUB_B'),
    member('pair1', 'mentee', 'MENTEE', 'SUB_A'),
    member('pair3', 'both', 'MENTEE', 'SUB_B'),
    member('pair4', 'both', 'MENTOR', 'SUB_B'),
  ];
  const facts: ReportFacts = {
    municipalityId: 'M',
    schools: new Map([['S1', { id: 'S1', name: 'Школа' }]]),
    people: new Map([
      ['mentor', person('mentor')],
      ['mentee', person('mentee', { youngSpecialist: true, menteeCategories: ['BURNOUT'] })],
      ['both', person('both')],
      ['alone', person('alone', { youngSpecialist: true })],
    ]),
    programs: new Map([['P1', { id: 'P1', schoolId: 'S1', form: 'TEACHER_TEACHER', academicYear: '2025/2026' }]]),
    memberships: indexMemberships(memberships),
    allMemberships: memberships,
  };
  const fixed = ['MUNICIPALITY:M', 'SCHOOL:S1', 'PROGRAM:P1', 'FORM:TEACHER_TEACHER'];
  it.each([
    ['mentor', [...fixed, 'SUB_FORM:SUB_A', 'SUB_FORM:SUB_B', 'ROLE:MENTOR']],
    ['mentee', [...fixed, 'SUB_FORM:SUB_A', 'ROLE:MENTEE', 'MENTEE_CATEGORY:YOUNG_SPECIALIST', 'MENTEE_CATEGORY:BURNOUT']],
    ['both', [...fixed, 'SUB_FORM:SUB_B', 'ROLE:MENTEE', 'ROLE:MENTOR', 'MENTEE_CATEGORY:NONE']],
    ['alone', [...fixed, 'SUB_FORM:NONE', 'ROLE:NONE']],
  ])('%s', (personId, expected) => {
    expect(groupsOf(personId, 'P1', facts).map((g) => `${g.dimension}:${g.value}`)).toEqual(expected);
  });
});

describe('GroupIndex', () => {
  it('numbers each group once and remembers a participant\'s groups', () => {
    const facts: ReportFacts = {
      municipalityId: 'M',
      schools: new Map(),
      people: new Map([['a', person('a')], ['b', person('b')]]),
      programs: new Map([['P1', { id: 'P1', schoolId: 'S1', form: 'TEACHER_TEACHER', academicYear: '2025/2026' }]]),
      memberships: new Map(),
      allMemberships: [],
    };
    const index = new GroupIndex(facts);
    const a = index.groupIdsOf('a', 'P1');
    expect(index.groupIdsOf('a', 'P1')).toBe(a);
    expect([...index.groupIdsOf('b', 'P1')]).toEqual([...a]);
    expect(index.groups.map((g) => g.dimension)).toEqual(['MUNICIPALITY', 'SCHOOL', 'PROGRAM', 'FORM', 'SUB_FORM', 'ROLE']);
  });
});

describe('ParameterAccumulator', () => {
  it('summarises each group and keeps the incomplete counts, dimensions in order', () => {
    const groups = [{ dimension: 'SCHOOL', value: 'S1' }, { dimension: 'MUNICIPALITY', value: 'M' }] as const;
    const acc = new ParameterAccumulator(groups);
    acc.start({ key: 'anxiety', name: 'Тревожность', direction: 'LOWER_IS_BETTER', scaleMin: 1, scaleMax: 5, catalogued: true });
    const [school, all] = [0, 1];
    acc.addChange([school, all], 4, 2);
    acc.addChange([school, all], 3, 3);
    acc.addChange([all], 2, 3);
    acc.addIncomplete([school, all], 'AFTER');
    const result = acc.finish()!;
    expect(result.groups.map((g) => g.group.dimension)).toEqual(['MUNICIPALITY', 'SCHOOL']);
    const [m, s] = result.groups;
    expect(m.summary).toMatchObject({ n: 3, meanBefore: 3, meanAfter: 8 / 3, improved: 1, unchanged: 1, worsened: 1 });
    expect(m.summary.meanChange).toBeCloseTo(1 / 3, 12);
    expect(s.summary).toMatchObject({ n: 2, meanChange: 1, medianChange: 1, smallSample: true });
    expect([m.incompleteMissingAfter, s.incompleteMissingAfter, s.incompleteMissingBefore]).toEqual([1, 1, 0]);
  });
  it('gives a group with only incomplete rows n = 0 and no p-values', () => {
    const acc = new ParameterAccumulator([{ dimension: 'SCHOOL', value: 'S1' }, { dimension: 'ROLE', value: 'MENTOR' }]);
    acc.start({ key: 'y', name: 'y', direction: 'HIGHER_IS_BETTER', scaleMin: null, scaleMax: null, catalogued: false });
    acc.addChange([0, 1], 1, 2);
    expect(acc.finish()!.groups).toHaveLength(2);
    // The next parameter starts empty: nothing of the previous one is carried over.
    acc.start({ key: 'x', name: 'x', direction: 'HIGHER_IS_BETTER', scaleMin: null, scaleMax: null, catalogued: false });
    acc.addIncomplete([0], 'BEFORE');
    const groups = acc.finish()!.groups;
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g.summary.n).toBe(0);
    expect(g.summary.wilcoxon.pValue).toBeNull();
    expect(g.incompleteMissingBefore).toBe(1);
  });
});

describe('computeSchoolIndicators', () => {
  const people = [
    person('m1', { under35: false }),
    person('y1', { youngSpecialist: true, under35: true, menteeCategories: ['BURNOUT'] }),
    person('y2', { youngSpecialist: true, under35: true }),
    person('y3', { youngSpecialist: true, under35: null }),
    person('old', { menteeCategories: ['DIGITAL_SKILLS'] }),
    person('gone', { youngSpecialist: true, under35: true, archived: true }),
    person('b1', { schoolId: 'S2', under35: true }),
  ];
  const memberships = [
    member('p1', 'm1', 'MENTOR', 'SUB_A'),
    member('p1', 'y1', 'MENTEE', 'SUB_A'),
    member('p2', 'm1', 'MENTOR', 'SUB_B', 'COMPLETED'),
    member('p2', 'old', 'MENTEE', 'SUB_B', 'COMPLETED'),
    member('p3', 'm1', 'MENTOR', 'SUB_A', 'DISSOLVED'),
    member('p3', 'y2', 'MENTEE', 'SUB_A', 'DISSOLVED'),
  ];
  const result = computeSchoolIndicators([{ id: 'S1', name: 'A' }, { id: 'S2', name: 'B' }], people, memberships);
  it('counts distinct mentors and mentees, dissolved pairs excluded', () => {
    expect(result.get('S1')).toMatchObject({ mentors: 1, mentees: 2, activePairs: 1, activePairsBySubForm: { SUB_A: 1 } });
    expect(result.get('S1')!.menteesByCategory).toEqual({ YOUNG_SPECIALIST: 1, BURNOUT: 1, NEW_WORKPLACE: 0, DIGITAL_SKILLS: 1 });
  });
  it('shares of young specialists and of under-35s in mentoring (archived staff excluded, unknown age excluded)', () => {
    // young staff: y1, y2, y3 (gone is archived) → only y1 is a mentee of a live pair
    expect(result.get('S1')).toMatchObject({ youngSpecialists: 3, youngSpecialistsInMentoring: 1, under35: 2, under35InMentoring: 1 });
    expect(result.get('S1')!.shareYoungSpecialistsInMentoring).toBeCloseTo(1 / 3, 12);
    expect(result.get('S1')!.shareUnder35InMentoring).toBe(0.5);
  });
  it('a school without pairs or young staff has zeros and no shares', () => {
    expect(result.get('S2')).toMatchObject({ mentors: 0, mentees: 0, activePairs: 0, shareYoungSpecialistsInMentoring: null, shareUnder35InMentoring: 0 });
  });
});

describe('sheetName', () => {
  it.each([
    ['01 Мотивация к профессиональной деятельности', '01 Мотивация к профессиональной'],
    ['a/b:c?d*e[f]g\\h', 'a b c d e f g h'],
  ])('%s → %s', (wanted, expected) => expect(sheetName(wanted, new Set())).toBe(expected));
  it('keeps names unique after truncation', () => {
    const taken = new Set<string>();
    const a = sheetName('x'.repeat(40), taken);
    const b = sheetName('x'.repeat(41), taken);
    expect(a).not.toBe(b);
    expect(b.length).toBeLessThanOrEqual(31);
  });
});
