import { MeetingType as M } from './meeting.enums';
import { daysBetween, isQuiet, meetingOrderRefusal, type LoggedMeeting } from './meeting.rules';

const started = '2025-09-15';
const today = '2026-06-01';
const intro: LoggedMeeting = { type: M.INTRO, heldOn: '2025-09-16' };
const regular: LoggedMeeting = { type: M.REGULAR, heldOn: '2025-10-01' };
const final: LoggedMeeting = { type: M.FINAL, heldOn: '2026-05-20' };

describe('order of meetings', () => {
  it.each<[string, LoggedMeeting[], LoggedMeeting, boolean]>([
    ['intro first', [], intro, true],
    ['regular without intro', [], regular, false],
    ['final without intro', [], final, false],
    ['second intro', [intro], { type: M.INTRO, heldOn: '2025-09-20' }, false],
    ['intro after another meeting', [regular], { type: M.INTRO, heldOn: '2025-10-05' }, false],
    ['regular after intro', [intro], regular, true],
    ['regular before intro', [intro], { type: M.REGULAR, heldOn: '2025-09-15' }, false],
    ['final last', [intro, regular], final, true],
    ['final before a regular meeting', [intro, regular], { type: M.FINAL, heldOn: '2025-09-20' }, false],
    ['anything after the final', [intro, final], { type: M.REGULAR, heldOn: '2026-05-25' }, false],
    ['second final', [intro, final], { type: M.FINAL, heldOn: '2026-05-25' }, false],
    ['before the pair started', [], { type: M.INTRO, heldOn: '2025-09-01' }, false],
    ['in the future', [], { type: M.INTRO, heldOn: '2026-06-02' }, false],
  ])('%s: allowed %s', (_name, existing, next, allowed) => {
    expect(meetingOrderRefusal(existing, next, started, today) === null).toBe(allowed);
  });
});

describe('quiet pairs', () => {
  it.each([
    ['2026-05-20', 14, false],
    ['2026-05-17', 14, true],
    ['2026-05-18', 14, false],
    [null, 14, true],
  ])('last meeting %s, N = %i: quiet %s', (last, days, quiet) => {
    expect(isQuiet(last, started, today, days)).toBe(quiet);
  });

  it('counts days across months', () => expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29));
});
