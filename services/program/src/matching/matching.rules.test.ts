import { InteractionSubForm as F } from '../pairs/pair.enums';
import { fittingSubForm, scoreCandidate, type CandidateMentor, type MatchedMentee, type MatchWeights } from './matching.rules';

const weights: MatchWeights = { sameSubject: 30, subFormFit: 25, freeCapacity: 10, compatibility: 25, sameSchool: 10 };
const mentee: MatchedMentee = { id: 'e', schoolId: 's1', subjects: ['Математика'], categories: ['DIGITAL_SKILLS'] };
const mentor = (overrides: Partial<CandidateMentor> = {}): CandidateMentor => ({ id: 'm', schoolId: 's1', subjects: ['Математика'], kind: 'INNOVATOR', capacity: 2, held: 0, ...overrides });

describe('sub-form fitting the mentee’s categories', () => {
  it.each([
    ['INNOVATOR', ['DIGITAL_SKILLS'], false, F.INNOVATOR_CONSERVATIVE_TEACHER, true],
    ['COMMUNITY_LEADER', ['BURNOUT'], false, F.COMMUNITY_LEADER_STRUGGLING_TEACHER, true],
    ['COMMUNITY_LEADER', ['YOUNG_SPECIALIST', 'BURNOUT'], false, F.COMMUNITY_LEADER_STRUGGLING_TEACHER, true],
    ['EXPERIENCED_CLASS_TEACHER', ['YOUNG_SPECIALIST'], false, F.CLASS_TEACHER_YOUNG_SPECIALIST, true],
    ['VETERAN', ['YOUNG_SPECIALIST'], false, F.EXPERIENCED_TEACHER_YOUNG_SPECIALIST, true],
    ['EXPERIENCED_SUBJECT_TEACHER', [], true, F.EXPERIENCED_SUBJECT_TEACHER_NOVICE, true],
    ['EXPERIENCED_SUBJECT_TEACHER', [], false, F.EXPERIENCED_SUBJECT_TEACHER_NOVICE, false],
    ['INNOVATOR', ['BURNOUT'], false, F.COMMUNITY_LEADER_STRUGGLING_TEACHER, false],
  ])('%s for %j (same subject %s) → %s, fits %s', (kind, categories, sameSubject, subForm, fits) => {
    expect(fittingSubForm(kind, categories, sameSubject)).toEqual({ subForm, fits });
  });
});

describe('score of a candidate', () => {
  it.each<[string, CandidateMentor, number | null, number | null, string[]]>([
    ['every reason', mentor(), 80, 30 + 25 + 10 + 20 + 10, ['SAME_SUBJECT', 'SUB_FORM_FIT', 'FREE_CAPACITY', 'COMPATIBILITY', 'SAME_SCHOOL']],
    ['no compatibility result', mentor(), null, 75, ['SAME_SUBJECT', 'SUB_FORM_FIT', 'FREE_CAPACITY', 'SAME_SCHOOL']],
    ['half the capacity taken', mentor({ held: 1 }), null, 70, ['SAME_SUBJECT', 'SUB_FORM_FIT', 'FREE_CAPACITY', 'SAME_SCHOOL']],
    ['other subject, other kind, other school', mentor({ subjects: ['Физика'], kind: 'VETERAN', schoolId: 's2' }), null, 10, ['FREE_CAPACITY']],
    ['full mentor', mentor({ held: 2 }), 100, null, []],
    ['the mentee themself', mentor({ id: 'e' }), 100, null, []],
  ])('%s', (_name, candidate, compatibility, score, reasons) => {
    const result = scoreCandidate(mentee, candidate, weights, compatibility);
    expect(result?.score ?? null).toBe(score);
    expect(result?.reasons.map((reason) => reason.kind) ?? []).toEqual(reasons);
  });

  it('follows the municipality’s weights', () => {
    const result = scoreCandidate(mentee, mentor(), { ...weights, sameSubject: 0, sameSchool: 50 }, null);
    expect(result?.score).toBe(25 + 10 + 50);
    expect(result?.reasons.map((reason) => reason.kind)).not.toContain('SAME_SUBJECT');
  });
});
