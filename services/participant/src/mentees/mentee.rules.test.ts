import { DomainError, ErrorCode, Role, type Caller } from '@nastavnik/platform';
import { assertStatusChange, isTerminal } from '../people/base-status.rules';
import { MenteeCategory, MenteeStatus } from './mentee.enums';
import { categoriesAfterChange, categoriesFor, effectiveMenteeCategories, MENTEE_STATUS_MACHINE, storedMenteeCategories } from './mentee.rules';

const { YOUNG_SPECIALIST, BURNOUT, NEW_WORKPLACE, DIGITAL_SKILLS } = MenteeCategory;
const AS_OF = '2025-09-01';
const TEN_YEARS = '2015-09-01';
const FOUR_YEARS = '2021-09-01';
const THREE_YEARS = '2022-09-01';
const TWO_YEARS = '2023-09-01';

function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('storedMenteeCategories', () => {
  it.each([
    ['10 years', TEN_YEARS],
    ['exactly 4 years', FOUR_YEARS],
  ])('refuses YOUNG_SPECIALIST requested for a teacher of %s, naming the field', (_case, since) => {
    const error = thrown(() => storedMenteeCategories([YOUNG_SPECIALIST, BURNOUT], since, AS_OF));
    expect(error.code).toBe(ErrorCode.YOUNG_SPECIALIST_MISMATCH);
    expect(error.field).toBe('input.categories');
    expect(error.extensions).toEqual({ code: 'YOUNG_SPECIALIST_MISMATCH', field: 'input.categories' });
  });

  it('names the field the caller passes', () => {
    expect(thrown(() => storedMenteeCategories([YOUNG_SPECIALIST], TEN_YEARS, AS_OF, 'input.mentees.0.categories')).field).toBe('input.mentees.0.categories');
  });

  it.each([
    ['omitted', [], []],
    ['requested explicitly', [YOUNG_SPECIALIST], []],
    ['requested beside another category', [NEW_WORKPLACE, YOUNG_SPECIALIST], [NEW_WORKPLACE]],
  ])('derives YOUNG_SPECIALIST for a 2-year teacher when it is %s, and never stores it', (_case, requested, stored) => {
    expect(storedMenteeCategories(requested, TWO_YEARS, AS_OF)).toEqual(stored);
    expect(effectiveMenteeCategories(storedMenteeCategories(requested, TWO_YEARS, AS_OF), TWO_YEARS, AS_OF)).toContain(YOUNG_SPECIALIST);
  });

  it('accepts YOUNG_SPECIALIST at exactly 3 years', () => {
    expect(storedMenteeCategories([YOUNG_SPECIALIST], THREE_YEARS, AS_OF)).toEqual([]);
  });

  it('refuses a senior teacher without any category', () => {
    const error = thrown(() => storedMenteeCategories([], TEN_YEARS, AS_OF));
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.field).toBe('input.categories');
  });

  it('removes duplicates and keeps a stable order', () => {
    expect(storedMenteeCategories([DIGITAL_SKILLS, BURNOUT, DIGITAL_SKILLS, BURNOUT], TEN_YEARS, AS_OF)).toEqual([BURNOUT, DIGITAL_SKILLS]);
    expect(storedMenteeCategories([YOUNG_SPECIALIST, NEW_WORKPLACE, YOUNG_SPECIALIST, NEW_WORKPLACE], TWO_YEARS, AS_OF)).toEqual([NEW_WORKPLACE]);
  });

  it('does not change the list it was given', () => {
    const requested = [DIGITAL_SKILLS, BURNOUT, BURNOUT];
    storedMenteeCategories(requested, TEN_YEARS, AS_OF);
    expect(requested).toEqual([DIGITAL_SKILLS, BURNOUT, BURNOUT]);
  });
});

describe('effectiveMenteeCategories', () => {
  it.each([
    ['a young specialist without findings', [], TWO_YEARS, [YOUNG_SPECIALIST]],
    ['a young specialist with findings', [BURNOUT, NEW_WORKPLACE], TWO_YEARS, [YOUNG_SPECIALIST, BURNOUT, NEW_WORKPLACE]],
    ['a teacher of exactly 3 years', [DIGITAL_SKILLS], THREE_YEARS, [YOUNG_SPECIALIST, DIGITAL_SKILLS]],
    ['a teacher of exactly 4 years', [DIGITAL_SKILLS], FOUR_YEARS, [DIGITAL_SKILLS]],
    ['a senior teacher', [BURNOUT], TEN_YEARS, [BURNOUT]],
  ])('for %s', (_case, stored, since, effective) => {
    expect(effectiveMenteeCategories(stored, since, AS_OF)).toEqual(effective);
  });

  it('follows experience as time passes: a young specialist stops being one after 3 whole years', () => {
    expect(effectiveMenteeCategories([BURNOUT], TWO_YEARS, '2026-08-31')).toEqual([YOUNG_SPECIALIST, BURNOUT]);
    expect(effectiveMenteeCategories([BURNOUT], TWO_YEARS, '2027-09-01')).toEqual([BURNOUT]);
  });
});

describe('MENTEE_STATUS_MACHINE', () => {
  const { ACTIVE, PAUSED, COMPLETED, LEFT } = MenteeStatus;

  it.each([
    [ACTIVE, false],
    [PAUSED, false],
    [COMPLETED, true],
    [LEFT, true],
  ])('%s is terminal: %s', (status, terminal) => {
    expect(isTerminal(MENTEE_STATUS_MACHINE, status)).toBe(terminal);
  });

  const allowed = new Set([
    `${ACTIVE}>${PAUSED}`,
    `${ACTIVE}>${COMPLETED}`,
    `${ACTIVE}>${LEFT}`,
    `${PAUSED}>${ACTIVE}`,
    `${PAUSED}>${COMPLETED}`,
    `${PAUSED}>${LEFT}`,
  ]);
  const statuses = Object.values(MenteeStatus);
  const transitions = statuses.flatMap((from) => statuses.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const));

  it.each(transitions)('%s → %s allowed: %s', (from, to, ok) => {
    if (ok) {
      expect(() => assertStatusChange(MENTEE_STATUS_MACHINE, from, to)).not.toThrow();
    } else {
      const error = thrown(() => assertStatusChange(MENTEE_STATUS_MACHINE, from, to));
      expect(error.code).toBe(ErrorCode.INVALID_STATUS_CHANGE);
      expect(error.field).toBe('input.status');
    }
  });
});

describe('who sees burnout', () => {
  const caller = (role: Role, personId: string | null = null): Caller => ({ userId: 'u', role, municipalityId: 'm', schoolId: role === Role.MUNICIPAL_ADMIN ? null : 's', personId });
  const all = [MenteeCategory.YOUNG_SPECIALIST, MenteeCategory.BURNOUT];

  it.each([Role.CURATOR, Role.PSYCHOLOGIST])('%s sees it', (role) => {
    expect(categoriesFor(caller(role), 'mentee', all)).toEqual(all);
  });

  it.each([Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.MENTOR, Role.MENTEE])('%s does not, but sees the other categories', (role) => {
    expect(categoriesFor(caller(role), 'mentee', all)).toEqual([MenteeCategory.YOUNG_SPECIALIST]);
  });

  it('the mentee sees their own', () => {
    expect(categoriesFor(caller(Role.MENTEE, 'mentee'), 'mentee', all)).toEqual(all);
  });

  it('a change by someone who does not see it keeps a recorded burnout, and lets the curator remove it', () => {
    const stored = [MenteeCategory.BURNOUT, MenteeCategory.DIGITAL_SKILLS];
    expect(categoriesAfterChange(caller(Role.SCHOOL_ADMIN), 'mentee', stored, [MenteeCategory.NEW_WORKPLACE])).toEqual([MenteeCategory.NEW_WORKPLACE, MenteeCategory.BURNOUT]);
    expect(categoriesAfterChange(caller(Role.CURATOR), 'mentee', stored, [MenteeCategory.NEW_WORKPLACE])).toEqual([MenteeCategory.NEW_WORKPLACE]);
    expect(categoriesAfterChange(caller(Role.SCHOOL_ADMIN), 'mentee', [MenteeCategory.DIGITAL_SKILLS], [MenteeCategory.NEW_WORKPLACE])).toEqual([MenteeCategory.NEW_WORKPLACE]);
  });
});
