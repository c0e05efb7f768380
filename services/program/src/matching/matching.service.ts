import { assertCanManageSchool, assertConsent, consentAllows, DomainError, ErrorCode, notFound, Processing, Role, type DataSource, type PersonFacts, type RequestContext } from '@nastavnik/platform';
import type { MentoringProgram } from '../programs/program.entity';
import type { PairService } from '../pairs/pair.service';
import { OPEN_PAIR_STATUSES } from '../pairs/pair.rules';
import type { Pair } from '../pairs/pair.entity';
import type { BaseRoster } from '../people/base-roster';
import type { ProgramService } from '../programs/program.service';
import type { SettingsService } from '../settings/settings.service';
import { optimalAssignment } from './assignment';
import type { CompatibilityResults } from './compatibility';
import { scoreCandidate, type CandidateMentor, type MatchedMentee, type MatchWeights } from './matching.rules';
import type { AcceptMatchingInput, MatchingProposal, MentorCandidate } from './matching.types';

type ConsentedMentor = CandidateMentor & { psychologicalConsent: boolean };

/** Compatibility scores count only where both the mentor and the mentee consented to the test. */
function consentedScores(scores: Map<string, number>, mentee: PersonFacts | undefined, mentors: readonly ConsentedMentor[]): Map<string, number> {
  if (!mentee || !consentAllows(Processing.COMPATIBILITY_TEST, mentee.activeConsentScopes)) return new Map();
  const tested = new Set(mentors.filter((mentor) => mentor.psychologicalConsent).map((mentor) => mentor.id));
  return new Map([...scores].filter(([mentorId]) => tested.has(mentorId)));
}

function asMentee(person: PersonFacts): MatchedMentee {
  return { id: person.id, schoolId: person.schoolId, subjects: person.subjects, categories: person.menteeProfile?.categories ?? [] };
}

export class MatchingService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
    private readonly pairs: PairService,
    private readonly roster: BaseRoster,
    private readonly compatibility: CompatibilityResults,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Active mentors who could take mentees of the programme's school: its own mentor base, plus every
   * school's where the municipality runs a mentor pool and the caller (the office) sees them.
   */
  private async mentorsFor(context: RequestContext, program: MentoringProgram, municipalPool: boolean): Promise<ConsentedMentor[]> {
    const everySchool = municipalPool && context.caller.role === Role.MUNICIPAL_ADMIN;
    const people = await this.roster.active(context, 'MENTOR', everySchool ? null : program.schoolId);
    const held = await this.pairs.openMenteeCounts(this.db.manager, people.map((person) => person.id));
    return people
      // Nobody is proposed for a pair without the consent a pair needs.
      .filter((person) => person.mentorProfile && person.archivedAt === null && consentAllows(Processing.PAIR, person.activeConsentScopes))
      .map((person) => ({
        psychologicalConsent: consentAllows(Processing.COMPATIBILITY_TEST, person.activeConsentScopes),
        id: person.id,
        schoolId: person.schoolId,
        subjects: [...new Set([...person.subjects, ...person.mentorProfile!.subjects])],
        kind: person.mentorProfile!.kind,
        capacity: person.mentorProfile!.capacity,
        held: held.get(person.id) ?? 0,
      }));
  }

  private candidatesOf(mentee: MatchedMentee, mentors: CandidateMentor[], weights: MatchWeights, compatibility: Map<string, number>): MentorCandidate[] {
    return mentors
      .flatMap((mentor) => {
        const scored = scoreCandidate(mentee, mentor, weights, compatibility.get(mentor.id) ?? null);
        return scored ? [{ mentor: { id: mentor.id }, mentee: { id: mentee.id }, ...scored }] : [];
      })
      .sort((a, b) => b.score - a.score || a.mentor.id.localeCompare(b.mentor.id));
  }

  private async weights(context: RequestContext): Promise<{ weights: MatchWeights; pool: boolean }> {
    const settings = await this.settings.of(context.caller);
    return {
      pool: settings.allowMunicipalMentorPool,
      weights: {
        sameSubject: settings.weightSameSubject,
        subFormFit: settings.weightSubFormFit,
        freeCapacity: settings.weightFreeCapacity,
        compatibility: settings.weightCompatibility,
        sameSchool: settings.weightSameSchool,
      },
    };
  }

  /** Ranked mentor candidates for one mentee of the programme's school. */
  async candidates(context: RequestContext, programId: string, menteeId: string): Promise<MentorCandidate[]> {
    const program = await this.programs.getVisible(context.caller, programId, undefined, 'programId');
    assertCanManageSchool(context.caller, program);
    const person = (await this.pairs.directoryPeople(context, [menteeId])).get(menteeId);
    if (!person || person.schoolId !== program.schoolId) throw notFound('Mentee', 'menteeId');
    if (person.menteeProfile?.status !== 'ACTIVE') throw new DomainError(ErrorCode.MENTEE_NOT_IN_BASE, 'The person is not active in the mentee base', 'menteeId');
    assertConsent(Processing.PAIR, person.activeConsentScopes, 'menteeId', 'The mentee');
    const { weights, pool } = await this.weights(context);
    const mentors = await this.mentorsFor(context, program, pool);
    const compatibility = await this.compatibility.of(context, consentAllows(Processing.COMPATIBILITY_TEST, person.activeConsentScopes) ? [menteeId] : []);
    return this.candidatesOf(asMentee(person), mentors, weights, consentedScores(compatibility.get(menteeId) ?? new Map(), person, mentors));
  }

  /** The assignment of every unmatched active mentee that maximises the total score under capacities. */
  async proposal(context: RequestContext, programId: string): Promise<MatchingProposal> {
    const program = await this.programs.getVisible(context.caller, programId, undefined, 'programId');
    assertCanManageSchool(context.caller, program);
    const { weights, pool } = await this.weights(context);
    const matched = await this.matchedMentees(program.id);
    const menteePeople = (await this.roster.active(context, 'MENTEE', program.schoolId)).filter(
      (person) => !matched.has(person.id) && person.archivedAt === null && consentAllows(Processing.PAIR, person.activeConsentScopes),
    );
    const facts = new Map(menteePeople.map((person) => [person.id, person]));
    const mentees = menteePeople.map(asMentee);
    const mentors = await this.mentorsFor(context, program, pool);
    const tested = menteePeople.filter((person) => consentAllows(Processing.COMPATIBILITY_TEST, person.activeConsentScopes));
    const compatibility = await this.compatibility.of(context, tested.map((person) => person.id));
    const candidates = new Map<string, MentorCandidate>();
    for (const mentee of mentees) {
      const scores = consentedScores(compatibility.get(mentee.id) ?? new Map(), facts.get(mentee.id), mentors);
      for (const candidate of this.candidatesOf(mentee, mentors, weights, scores)) candidates.set(`${mentee.id}:${candidate.mentor.id}`, candidate);
    }
    const result = optimalAssignment({
      mentees: mentees.map((mentee) => mentee.id),
      mentors: mentors.map((mentor) => ({ id: mentor.id, capacity: Math.max(0, mentor.capacity - mentor.held) })),
      edges: [...candidates.values()].map((candidate) => ({ menteeId: candidate.mentee.id, mentorId: candidate.mentor.id, score: candidate.score })),
    });
    return {
      assignments: result.assignments.map((assignment) => candidates.get(`${assignment.menteeId}:${assignment.mentorId}`)!),
      totalScore: Math.round(result.totalScore * 100) / 100,
      unmatched: result.unmatched.map((id) => ({ id })),
    };
  }

  /** Mentees already in an open pair of the programme. */
  private async matchedMentees(programId: string): Promise<Set<string>> {
    const rows: { mentee_id: string }[] = await this.db.query(
      `SELECT DISTINCT m.mentee_id FROM pair p JOIN pair_mentee m ON m.pair_id = p.id
        WHERE p.program_id = $1 AND p.status = ANY($2) AND m.to_date IS NULL`,
      [programId, OPEN_PAIR_STATUSES],
    );
    return new Set(rows.map((row) => row.mentee_id));
  }

  /** Accepts some or all assignments of a proposal as pairs, all in one transaction: every pair rule applies. */
  accept(context: RequestContext, input: AcceptMatchingInput): Promise<Pair[]> {
    const mentees = input.assignments.map((assignment) => assignment.menteeId);
    if (new Set(mentees).size !== mentees.length) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A mentee appears in two assignments', 'input.assignments');
    }
    return this.pairs.formMany(
      context,
      input.programId,
      input.assignments.map((assignment, index) => ({
        mentorId: assignment.mentorId,
        menteeIds: [assignment.menteeId],
        subForm: assignment.subForm,
        orderNumber: input.orderNumber ?? null,
        orderDate: input.orderDate ?? null,
        fields: { mentorId: `input.assignments.${index}.mentorId`, menteeIds: `input.assignments.${index}.menteeId` },
      })),
      'input.programId',
    );
  }
}
