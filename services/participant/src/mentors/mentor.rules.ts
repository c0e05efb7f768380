import { DomainError, ErrorCode } from '@nastavnik/platform';
import { assertStatusChange, type StatusMachine } from '../people/base-status.rules';
import { InterviewResult, MentorStatus } from './mentor.enums';

export const MENTOR_STATUS_MACHINE: StatusMachine<MentorStatus> = {
  [MentorStatus.CANDIDATE]: [MentorStatus.ACTIVE, MentorStatus.LEFT],
  [MentorStatus.ACTIVE]: [MentorStatus.PAUSED, MentorStatus.LEFT],
  [MentorStatus.PAUSED]: [MentorStatus.ACTIVE, MentorStatus.LEFT],
  [MentorStatus.LEFT]: [],
};

/** Selection goes through the interview: only a candidate who passed it becomes an active mentor. */
export function assertMentorStatusChange(from: MentorStatus, to: MentorStatus, interviewResult: InterviewResult, field = 'input.status'): void {
  assertStatusChange(MENTOR_STATUS_MACHINE, from, to, field);
  if (to === MentorStatus.ACTIVE && interviewResult !== InterviewResult.PASSED) {
    throw new DomainError(ErrorCode.INVALID_STATUS_CHANGE, 'A mentor becomes active only after passing the interview', field);
  }
}
