import { InteractionSubForm } from '../pairs/pair.enums';

/** Points of each reason; the office sets them per municipality. */
export interface MatchWeights {
  sameSubject: number;
  subFormFit: number;
  freeCapacity: number;
  compatibility: number;
  sameSchool: number;
}

export interface CandidateMentor {
  id: string;
  schoolId: string;
  subjects: readonly string[];
  kind: string;
  capacity: number;
  /** Mentees the mentor holds now. */
  held: number;
}

export interface MatchedMentee {
  id: string;
  schoolId: string;
  subjects: readonly string[];
  categories: readonly string[];
}

export type MatchReasonKind = 'SAME_SUBJECT' | 'SUB_FORM_FIT' | 'FREE_CAPACITY' | 'COMPATIBILITY' | 'SAME_SCHOOL';

export interface MatchReason {
  kind: MatchReasonKind;
  points: number;
  detail: string;
}

export interface CandidateScore {
  score: number;
  subForm: InteractionSubForm;
  reasons: MatchReason[];
}

/**
 * Which mentor answers which need (DOMAIN.md, sub-forms of teacher–teacher): burnout and a new
 * workplace need the community leader's support, digital skills the innovator, a young specialist
 * an experienced teacher or class teacher. The most urgent need comes first.
 */
const FITS: ReadonlyArray<{ category: string; kinds: readonly string[]; subForm: InteractionSubForm }> = [
  { category: 'BURNOUT', kinds: ['COMMUNITY_LEADER'], subForm: InteractionSubForm.COMMUNITY_LEADER_STRUGGLING_TEACHER },
  { category: 'DIGITAL_SKILLS', kinds: ['INNOVATOR'], subForm: InteractionSubForm.INNOVATOR_CONSERVATIVE_TEACHER },
  { category: 'YOUNG_SPECIALIST', kinds: ['EXPERIENCED_CLASS_TEACHER'], subForm: InteractionSubForm.CLASS_TEACHER_YOUNG_SPECIALIST },
  { category: 'YOUNG_SPECIALIST', kinds: ['EXPERIENCED_TEACHER', 'VETERAN'], subForm: InteractionSubForm.EXPERIENCED_TEACHER_YOUNG_SPECIALIST },
  { category: 'NEW_WORKPLACE', kinds: ['COMMUNITY_LEADER', 'EXPERIENCED_TEACHER', 'VETERAN'], subForm: InteractionSubForm.COMMUNITY_LEADER_STRUGGLING_TEACHER },
];

/** The sub-form a mentor of this kind would work in with this mentee, and whether it answers a category. */
export function fittingSubForm(kind: string, categories: readonly string[], sameSubject: boolean): { subForm: InteractionSubForm; fits: boolean } {
  const fit = FITS.find((entry) => categories.includes(entry.category) && entry.kinds.includes(kind));
  if (fit) return { subForm: fit.subForm, fits: true };
  if (kind === 'EXPERIENCED_SUBJECT_TEACHER' && sameSubject) return { subForm: InteractionSubForm.EXPERIENCED_SUBJECT_TEACHER_NOVICE, fits: true };
  const byNeed = FITS.find((entry) => categories.includes(entry.category));
  return { subForm: byNeed?.subForm ?? InteractionSubForm.EXPERIENCED_SUBJECT_TEACHER_NOVICE, fits: false };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Score of a mentor for a mentee with its reasons; null when the mentor cannot take the mentee at all
 * (the same person, or no free capacity). `compatibility` is the psychologist's 0–100 result, if any.
 */
export function scoreCandidate(mentee: MatchedMentee, mentor: CandidateMentor, weights: MatchWeights, compatibility: number | null): CandidateScore | null {
  if (mentor.id === mentee.id) return null;
  const free = mentor.capacity - mentor.held;
  if (free <= 0) return null;
  const reasons: MatchReason[] = [];
  const shared = mentee.subjects.filter((subject) => mentor.subjects.includes(subject));
  if (shared.length > 0 && weights.sameSubject > 0) reasons.push({ kind: 'SAME_SUBJECT', points: weights.sameSubject, detail: shared.join(', ') });
  const { subForm, fits } = fittingSubForm(mentor.kind, mentee.categories, shared.length > 0);
  if (fits && weights.subFormFit > 0) reasons.push({ kind: 'SUB_FORM_FIT', points: weights.subFormFit, detail: subForm });
  if (weights.freeCapacity > 0) reasons.push({ kind: 'FREE_CAPACITY', points: round((weights.freeCapacity * free) / mentor.capacity), detail: `${free} of ${mentor.capacity} free` });
  if (compatibility !== null && weights.compatibility > 0) {
    reasons.push({ kind: 'COMPATIBILITY', points: round((weights.compatibility * Math.min(100, Math.max(0, compatibility))) / 100), detail: `${compatibility} of 100` });
  }
  if (mentor.schoolId === mentee.schoolId && weights.sameSchool > 0) reasons.push({ kind: 'SAME_SCHOOL', points: weights.sameSchool, detail: mentor.schoolId });
  return { score: round(reasons.reduce((sum, reason) => sum + reason.points, 0)), subForm, reasons };
}
