import { DomainError, ErrorCode } from '@nastavnik/platform';
import { assertStatusChange, isTerminal } from '../people/base-status.rules';
import { InterviewResult, MentorStatus } from './mentor.enums';
import { assertMentorStatusChange, MENTOR_STATUS_MACHINE } from './mentor.rules';

const { CANDIDATE, ACTIVE, PAUSED, LEFT } = MentorStatus;

function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** Every pair of statuses, written out so that a change to the machine shows up here. */
const TRANSITIONS: [MentorStatus, MentorStatus, boolean][] = [
  [CANDIDATE, CANDIDATE, false],
  [CANDIDATE, ACTIVE, true],
  [CANDIDATE, PAUSED, false],
  [CANDIDATE, LEFT, true],
  [ACTIVE, CANDIDATE, false],
  [ACTIVE, ACTIVE, false],
  [ACTIVE, PAUSED, true],
  [ACTIVE, LEFT, true],
  [PAUSED, CANDIDATE, false],
  [PAUSED, ACTIVE, true],
  [PAUSED, PAUSED, false],
  [PAUSED, LEFT, true],
  [LEFT, CANDIDATE, false],
  [LEFT, ACTIVE, false],
  [LEFT, PAUSED, false],
  [LEFT, LEFT, false],
];

describe('MENTOR_STATUS_MACHINE', () => {
  it('covers every pair of statuses in the table', () => {
    const statuses = Object.values(MentorStatus);
    expect(TRANSITIONS).toHaveLength(statuses.length ** 2);
    expect(Object.keys(MENTOR_STATUS_MACHINE).sort()).toEqual([...statuses].sort());
  });

  it.each(TRANSITIONS)('%s → %s allowed: %s (interview passed)', (from, to, allowed) => {
    if (allowed) {
      expect(() => assertStatusChange(MENTOR_STATUS_MACHINE, from, to)).not.toThrow();
      expect(() => assertMentorStatusChange(from, to, InterviewResult.PASSED)).not.toThrow();
    } else {
      const error = thrown(() => assertMentorStatusChange(from, to, InterviewResult.PASSED));
      expect(error.code).toBe(ErrorCode.INVALID_STATUS_CHANGE);
      expect(error.field).toBe('input.status');
    }
  });

  it('treats only LEFT as terminal', () => {
    expect(Object.values(MentorStatus).filter((status) => isTerminal(MENTOR_STATUS_MACHINE, status))).toEqual([LEFT]);
  });

  it('says that a closed entry is closed', () => {
    expect(thrown(() => assertMentorStatusChange(LEFT, ACTIVE, InterviewResult.PASSED)).message).toMatch(/closed/);
  });
});

describe('activation needs a passed interview', () => {
  it.each([
    [CANDIDATE, InterviewResult.PENDING],
    [CANDIDATE, InterviewResult.FAILED],
    [PAUSED, InterviewResult.PENDING],
    [PAUSED, InterviewResult.FAILED],
  ])('refuses %s → ACTIVE with the interview %s', (from, interview) => {
    const error = thrown(() => assertMentorStatusChange(from, ACTIVE, interview));
    expect(error.code).toBe(ErrorCode.INVALID_STATUS_CHANGE);
    expect(error.extensions).toEqual({ code: 'INVALID_STATUS_CHANGE', field: 'input.status' });
    expect(error.message).toMatch(/interview/);
  });

  it.each([CANDIDATE, PAUSED])('allows %s → ACTIVE once the interview is passed', (from) => {
    expect(() => assertMentorStatusChange(from, ACTIVE, InterviewResult.PASSED)).not.toThrow();
  });

  it.each([
    [CANDIDATE, LEFT, InterviewResult.FAILED],
    [CANDIDATE, LEFT, InterviewResult.PENDING],
    [ACTIVE, PAUSED, InterviewResult.PENDING],
    [PAUSED, LEFT, InterviewResult.FAILED],
  ])('does not ask for the interview on %s → %s (interview %s)', (from, to, interview) => {
    expect(() => assertMentorStatusChange(from, to, interview)).not.toThrow();
  });
});
