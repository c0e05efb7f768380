import { MeetingType } from './meeting.enums';

export interface LoggedMeeting {
  type: MeetingType;
  heldOn: string;
}

/**
 * Why a meeting cannot be logged, or null: the intro meeting comes first and the final one last,
 * each happens once, and meetings fall inside the pair's work (from its start, not in the future).
 */
export function meetingOrderRefusal(existing: readonly LoggedMeeting[], next: LoggedMeeting, pairStartedOn: string, today: string): string | null {
  if (next.heldOn < pairStartedOn) return `The pair started work on ${pairStartedOn}; a meeting cannot be earlier`;
  if (next.heldOn > today) return 'A meeting is logged after it took place, not in advance';
  const intro = existing.find((meeting) => meeting.type === MeetingType.INTRO);
  const final = existing.find((meeting) => meeting.type === MeetingType.FINAL);
  if (final) return 'The final meeting has been held; the pair has no further meetings';
  if (next.type === MeetingType.INTRO) {
    if (intro) return 'The pair already had its intro meeting';
    if (existing.some((meeting) => meeting.heldOn < next.heldOn)) return 'The intro meeting must come before every other meeting';
    return null;
  }
  if (!intro) return 'The first meeting of a pair is the intro meeting (встреча-знакомство)';
  if (next.heldOn < intro.heldOn) return 'No meeting can come before the intro meeting';
  if (next.type === MeetingType.FINAL && existing.some((meeting) => meeting.heldOn > next.heldOn)) {
    return 'The final meeting must come after every other meeting';
  }
  return null;
}

/** Days between two ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A working pair is quiet when neither a meeting nor its start is within the last `days` days. */
export function isQuiet(lastMeetingOn: string | null, startedOn: string, today: string, days: number): boolean {
  return daysBetween(lastMeetingOn ?? startedOn, today) > days;
}
