import { ProgramStage as S } from './program.enums';
import { academicYearStart, canFormPairsIn, canStartPairsIn, isNextStage, unmetRequirements, type StageFacts } from './program.rules';

const none: StageFacts = { roadmapItems: 0, activeMentees: 0, activeMentors: 0, mentorTrainings: 0, pairs: [] };
const pair = (status: string, hasOrder = true, hasFinalMeeting = false) => ({ status, hasOrder, hasFinalMeeting });

describe('stage order', () => {
  it.each([
    [S.PREPARATION, S.MENTEE_BASE, true],
    [S.MENTEE_BASE, S.MENTOR_SELECTION, true],
    [S.PAIRS_AT_WORK, S.COMPLETION, true],
    [S.COMPLETION, S.COMPLETED, true],
    [S.PREPARATION, S.PAIRING, false],
    [S.PAIRING, S.PAIRING, false],
    [S.PAIRING, S.MENTEE_BASE, false],
    [S.COMPLETED, S.PREPARATION, false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(isNextStage(from, to)).toBe(allowed);
  });
});

describe('requirements of each stage', () => {
  it.each<[string, S, StageFacts, number]>([
    ['mentee base needs a roadmap', S.MENTEE_BASE, none, 1],
    ['mentee base with a roadmap', S.MENTEE_BASE, { ...none, roadmapItems: 3 }, 0],
    ['mentor selection needs mentees', S.MENTOR_SELECTION, none, 1],
    ['mentor selection with mentees', S.MENTOR_SELECTION, { ...none, activeMentees: 1 }, 0],
    ['pairing needs mentors and their training', S.PAIRING, none, 2],
    ['pairing needs the training', S.PAIRING, { ...none, activeMentors: 2 }, 1],
    ['pairing with trained mentors', S.PAIRING, { ...none, activeMentors: 2, mentorTrainings: 1 }, 0],
    ['work needs pairs', S.PAIRS_AT_WORK, none, 1],
    ['work needs the order of each pair', S.PAIRS_AT_WORK, { ...none, pairs: [pair('FORMING', false)] }, 1],
    ['dissolved pairs need no order', S.PAIRS_AT_WORK, { ...none, pairs: [pair('FORMING'), pair('DISSOLVED', false)] }, 0],
    ['completion refuses forming pairs', S.COMPLETION, { ...none, pairs: [pair('FORMING')] }, 1],
    ['completion needs final meetings', S.COMPLETION, { ...none, pairs: [pair('ACTIVE'), pair('PAUSED')] }, 1],
    ['completion with final meetings and closed pairs', S.COMPLETION, { ...none, pairs: [pair('ACTIVE', true, true), pair('DISSOLVED'), pair('COMPLETED')] }, 0],
    ['completed needs every pair closed', S.COMPLETED, { ...none, pairs: [pair('ACTIVE', true, true)] }, 1],
    ['completed with closed pairs', S.COMPLETED, { ...none, pairs: [pair('COMPLETED'), pair('DISSOLVED')] }, 0],
  ])('%s', (_name, to, facts, unmet) => {
    expect(unmetRequirements(to, facts)).toHaveLength(unmet);
  });
});

describe('what each stage allows pairs to do', () => {
  it.each([
    [S.PREPARATION, true, false],
    [S.MENTOR_SELECTION, true, false],
    [S.PAIRING, true, true],
    [S.PAIRS_AT_WORK, true, true],
    [S.COMPLETION, false, false],
    [S.COMPLETED, false, false],
  ])('%s: form %s, start %s', (stage, form, start) => {
    expect(canFormPairsIn(stage)).toBe(form);
    expect(canStartPairsIn(stage)).toBe(start);
  });

  it('reads the first calendar year of an academic year', () => {
    expect(academicYearStart('2025/2026')).toBe(2025);
  });
});
