import { ProgramStage } from './program.enums';

export const STAGE_ORDER: readonly ProgramStage[] = [
  ProgramStage.PREPARATION,
  ProgramStage.MENTEE_BASE,
  ProgramStage.MENTOR_SELECTION,
  ProgramStage.PAIRING,
  ProgramStage.PAIRS_AT_WORK,
  ProgramStage.COMPLETION,
  ProgramStage.COMPLETED,
];

export function stageIndex(stage: ProgramStage): number {
  return STAGE_ORDER.indexOf(stage);
}

/** A programme moves one stage forward at a time: each stage's result is what the next one needs. */
export function isNextStage(from: ProgramStage, to: ProgramStage): boolean {
  return stageIndex(to) === stageIndex(from) + 1;
}

/** What a pair contributes to the stage checks. */
export interface PairFacts {
  status: string;
  hasOrder: boolean;
  hasFinalMeeting: boolean;
}

/** The results of the stages so far; only the facts the target stage needs are read. */
export interface StageFacts {
  roadmapItems: number;
  activeMentees: number;
  activeMentors: number;
  /** Mentor trainings (обучение наставников) among the programme's events. */
  mentorTrainings: number;
  pairs: PairFacts[];
}

const OPEN = new Set(['FORMING', 'ACTIVE', 'PAUSED']);

/**
 * Why a programme may not enter a stage yet: the result of the stage it leaves (section 3 of the
 * seed) must exist. An empty list means the transition is allowed.
 */
export function unmetRequirements(to: ProgramStage, facts: StageFacts): string[] {
  const live = facts.pairs.filter((pair) => pair.status !== 'DISSOLVED');
  switch (to) {
    case ProgramStage.MENTEE_BASE:
      return facts.roadmapItems > 0 ? [] : ['The roadmap (дорожная карта) has no items yet'];
    case ProgramStage.MENTOR_SELECTION:
      return facts.activeMentees > 0 ? [] : ['The mentee base of the school has no active mentee'];
    case ProgramStage.PAIRING: {
      const unmet: string[] = [];
      if (facts.activeMentors === 0) unmet.push('The mentor base of the school has no active mentor');
      if (facts.mentorTrainings === 0) unmet.push('No mentor training (обучение наставников) is among the programme’s events');
      return unmet;
    }
    case ProgramStage.PAIRS_AT_WORK: {
      const unmet: string[] = [];
      if (live.length === 0) unmet.push('No pair or group has been formed');
      const withoutOrder = live.filter((pair) => !pair.hasOrder).length;
      if (withoutOrder > 0) unmet.push(`${withoutOrder} pair(s) have no order (приказ) number and date`);
      return unmet;
    }
    case ProgramStage.COMPLETION: {
      const unmet: string[] = [];
      const forming = facts.pairs.filter((pair) => pair.status === 'FORMING').length;
      if (forming > 0) unmet.push(`${forming} pair(s) never started work: start or dissolve them`);
      const withoutFinal = facts.pairs.filter((pair) => (pair.status === 'ACTIVE' || pair.status === 'PAUSED') && !pair.hasFinalMeeting).length;
      if (withoutFinal > 0) unmet.push(`${withoutFinal} working pair(s) have neither a final meeting nor a closing reason`);
      return unmet;
    }
    case ProgramStage.COMPLETED: {
      const open = facts.pairs.filter((pair) => OPEN.has(pair.status)).length;
      return open > 0 ? [`${open} pair(s) are not closed: complete or dissolve them`] : [];
    }
    default:
      return [];
  }
}

/** Pairs may be formed until the work of pairs ends; re-pairing during the work is normal. */
export function canFormPairsIn(stage: ProgramStage): boolean {
  return stageIndex(stage) <= stageIndex(ProgramStage.PAIRS_AT_WORK);
}

/** No pair can start work before the pairing stage nor after the work of pairs. */
export function canStartPairsIn(stage: ProgramStage): boolean {
  return stage === ProgramStage.PAIRING || stage === ProgramStage.PAIRS_AT_WORK;
}

/** The academic year 2025/2026 starts in 2025. */
export function academicYearStart(academicYear: string): number {
  return Number(academicYear.slice(0, 4));
}
