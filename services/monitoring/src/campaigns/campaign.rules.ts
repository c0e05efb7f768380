import { isSmallGroup } from '@nastavnik/platform';
import type { RespondentRole } from '../questionnaires/questionnaire.templates';

/** A pair as the program subgraph describes it. */
export interface PairFacts {
  id: string;
  status: string;
  mentor: { id: string };
  mentees: { id: string }[];
}

export interface Respondent {
  personId: string;
  /** The pair the person was found in (the first one, when in several). */
  pairId: string | null;
}

/** A dissolved pair has stopped working together: its people are not asked about it. */
const SURVEYED_PAIR_STATUSES = new Set(['FORMING', 'ACTIVE', 'PAUSED', 'COMPLETED']);

/**
 * Respondents of a campaign from the programme's pairs: mentors for a mentor questionnaire,
 * mentees for a mentee one; each person once, even when they are in several pairs. Curators are
 * not in pairs, so a curator questionnaire names its respondents explicitly.
 */
export function respondentsFromPairs(pairs: readonly PairFacts[], role: Exclude<RespondentRole, 'CURATOR'>): Respondent[] {
  const respondents = new Map<string, Respondent>();
  for (const pair of pairs) {
    if (!SURVEYED_PAIR_STATUSES.has(pair.status)) continue;
    const people = role === 'MENTOR' ? [pair.mentor.id] : pair.mentees.map((mentee) => mentee.id);
    for (const personId of people) if (!respondents.has(personId)) respondents.set(personId, { personId, pairId: pair.id });
  }
  return [...respondents.values()];
}

/**
 * A stage-2 mentee instrument is meant for one mentee category: only mentees of that category
 * answer it. Instruments without a category (stage 1, the mentors') are for everybody of the role.
 */
export function fitsInstrument(instrumentCategory: string | null, personCategories: readonly string[]): boolean {
  return instrumentCategory === null || personCategories.includes(instrumentCategory);
}

export type CampaignPhase = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/** A response can be given and changed from the first day to the last day of the period, until closed. */
export function campaignPhase(campaign: { status: string; opensOn: string; closesOn: string }, today: string): CampaignPhase {
  if (campaign.status === 'CLOSED' || today > campaign.closesOn) return 'CLOSED';
  if (today < campaign.opensOn) return 'NOT_OPEN';
  return 'OPEN';
}

/** Share of respondents who answered, 0..1, rounded to a tenth of a percent; null without respondents. */
export function responseRate(invited: number, responded: number): number | null {
  if (invited === 0) return null;
  return Math.round((responded / invited) * 1000) / 1000;
}

export interface CampaignCount {
  campaignId: string;
  schoolId: string;
  role: string;
  invited: number;
  responded: number;
}

export interface RateRow {
  campaignId: string | null;
  schoolId: string;
  role: string;
  invited: number;
  responded: number | null;
  rate: number | null;
  suppressed: boolean;
}

/**
 * Response rates per campaign, or per school and role, from the counts of each campaign. With
 * `suppress`, a campaign of fewer than `threshold` invited shows no responded count or rate, and
 * neither does a school-and-role row holding such a campaign, so that the row minus the visible
 * campaigns cannot give the hidden one away.
 */
export function rateRows(counts: readonly CampaignCount[], perCampaign: boolean, suppress: boolean, threshold: number): RateRow[] {
  const small = (count: CampaignCount) => suppress && isSmallGroup(count.invited, threshold);
  const rows = new Map<string, RateRow>();
  for (const count of counts) {
    const key = perCampaign ? count.campaignId : `${count.schoolId}|${count.role}`;
    const row = rows.get(key) ?? { campaignId: perCampaign ? count.campaignId : null, schoolId: count.schoolId, role: count.role, invited: 0, responded: 0, rate: null, suppressed: false };
    row.invited += count.invited;
    row.responded = (row.responded ?? 0) + count.responded;
    row.suppressed ||= small(count);
    rows.set(key, row);
  }
  return [...rows.values()].map((row) =>
    row.suppressed || (suppress && isSmallGroup(row.invited, threshold))
      ? { ...row, responded: null, rate: null, suppressed: true }
      : { ...row, rate: responseRate(row.invited, row.responded ?? 0) },
  );
}
