import { Role, startSystem, type TestSystem } from './harness';
import { createMentorWith, createMenteeWith, createProgramAt, createSchool } from './fixtures';
import { refusal } from './refusals';

let system: TestSystem;
let office: string;

interface Candidate {
  mentor: { id: string };
  score: number;
  subForm: string;
  reasons: { kind: string; points: number }[];
}

const CANDIDATES = `query($programId: ID!, $menteeId: ID!) { mentorCandidates(programId: $programId, menteeId: $menteeId) {
  mentor { id } score subForm reasons { kind points detail } } }`;
const PROPOSAL = `query($programId: ID!) { matchingProposal(programId: $programId) {
  totalScore unmatched { id } assignments { mentee { id } mentor { id } score subForm reasons { kind } } } }`;
const ACCEPT = 'mutation($input: AcceptMatchingInput!) { acceptMatching(input: $input) { id status orderNumber mentor { id } mentees { id } } }';

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
});

afterAll(() => system?.stop());

async function school(name: string) {
  const schoolId = await createSchool(system, office, name);
  const curator = await system.token(Role.CURATOR, schoolId);
  const programId = await createProgramAt(system, curator, schoolId, 'PAIRING');
  return { schoolId, curator, programId };
}

const candidatesFor = async (curator: string, programId: string, menteeId: string) =>
  (await system.request<{ mentorCandidates: Candidate[] }>(CANDIDATES, { programId, menteeId }, curator)).mentorCandidates;

describe('mentor candidates for a mentee', () => {
  it('ranks mentors with a score and its reasons: sub-form fitting the categories, subject, capacity, school', async () => {
    const { schoolId, curator, programId } = await school('Школа подбора');
    const innovator = await createMentorWith(system, curator, schoolId, { kind: 'INNOVATOR', subjects: ['Информатика'], capacity: 2 });
    const leader = await createMentorWith(system, curator, schoolId, { kind: 'COMMUNITY_LEADER', subjects: ['История'], capacity: 2 });
    const veteran = await createMentorWith(system, curator, schoolId, { kind: 'VETERAN', subjects: ['Информатика'], capacity: 2 });
    const digital = await createMenteeWith(system, curator, schoolId, { experienceYears: 12, categories: ['DIGITAL_SKILLS'], subjects: ['Информатика'] });
    const burnout = await createMenteeWith(system, curator, schoolId, { experienceYears: 12, categories: ['BURNOUT'], subjects: ['Физика'] });

    const forDigital = await candidatesFor(curator, programId, digital);
    expect(forDigital.map((candidate) => candidate.mentor.id)).toEqual([innovator, veteran, leader]);
    expect(forDigital[0]).toMatchObject({ subForm: 'INNOVATOR_CONSERVATIVE_TEACHER' });
    expect(forDigital[0]!.reasons.map((reason) => reason.kind)).toEqual(['SAME_SUBJECT', 'SUB_FORM_FIT', 'FREE_CAPACITY', 'SAME_SCHOOL']);
    expect(forDigital[0]!.score).toBe(forDigital[0]!.reasons.reduce((sum, reason) => sum + reason.points, 0));

    const forBurnout = await candidatesFor(curator, programId, burnout);
    expect(forBurnout[0]).toMatchObject({ mentor: { id: leader }, subForm: 'COMMUNITY_LEADER_STRUGGLING_TEACHER' });
  });

  it('counts the psychologist’s compatibility result and leaves out full mentors', async () => {
    const { schoolId, curator, programId } = await school('Школа совместимости');
    const a = await createMentorWith(system, curator, schoolId, { kind: 'EXPERIENCED_TEACHER', capacity: 1 });
    const b = await createMentorWith(system, curator, schoolId, { kind: 'EXPERIENCED_TEACHER', capacity: 1 });
    const mentee = await createMenteeWith(system, curator, schoolId, { experienceYears: 1 });
    const psychologist = await system.token(Role.PSYCHOLOGIST, schoolId);
    await system.request(
      'mutation($input: RecordCompatibilityInput!) { recordCompatibilityResult(input: $input) { id } }',
      { input: { mentorId: b, menteeId: mentee, score: 80, testedOn: '2025-09-05' } },
      psychologist,
    );
    const ranked = await candidatesFor(curator, programId, mentee);
    expect(ranked[0]!.mentor.id).toBe(b);
    expect(ranked[0]!.reasons).toContainEqual(expect.objectContaining({ kind: 'COMPATIBILITY', points: 20 }));
    expect(ranked[1]!.reasons.map((reason) => reason.kind)).not.toContain('COMPATIBILITY');

    const other = await createMenteeWith(system, curator, schoolId, { experienceYears: 1 });
    await system.request(ACCEPT, { input: { programId, assignments: [{ menteeId: other, mentorId: b, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST' }] } }, curator);
    expect((await candidatesFor(curator, programId, mentee)).map((candidate) => candidate.mentor.id)).toEqual([a]);
  });

  it('follows the weights the office sets for its municipality', async () => {
    const { schoolId, curator, programId } = await school('Школа весов');
    const sameSubject = await createMentorWith(system, curator, schoolId, { kind: 'VETERAN', subjects: ['Химия'] });
    const fitting = await createMentorWith(system, curator, schoolId, { kind: 'INNOVATOR', subjects: ['Биология'] });
    const mentee = await createMenteeWith(system, curator, schoolId, { experienceYears: 12, categories: ['DIGITAL_SKILLS'], subjects: ['Химия'] });
    const order = async () => (await candidatesFor(curator, programId, mentee)).map((candidate) => candidate.mentor.id);
    expect(await order()).toEqual([sameSubject, fitting]);
    await system.request('mutation { updateMunicipalitySettings(input: { weightSameSubject: 5, weightSubFormFit: 60 }) { weightSameSubject } }', {}, office);
    try {
      expect(await order()).toEqual([fitting, sameSubject]);
    } finally {
      await system.request('mutation { updateMunicipalitySettings(input: { weightSameSubject: 30, weightSubFormFit: 25 }) { weightSameSubject } }', {}, office);
    }
  });
});

/** A small deterministic generator, so a failing instance can be rerun. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The best total over every way to give each mentee one candidate mentor or none, within capacities. */
function bruteForceBest(mentees: string[], capacity: Map<string, number>, scores: Map<string, Map<string, number>>): number {
  const left = new Map(capacity);
  const search = (index: number): number => {
    if (index === mentees.length) return 0;
    let best = search(index + 1);
    for (const [mentorId, score] of scores.get(mentees[index]!) ?? []) {
      if ((left.get(mentorId) ?? 0) <= 0) continue;
      left.set(mentorId, left.get(mentorId)! - 1);
      best = Math.max(best, score + search(index + 1));
      left.set(mentorId, left.get(mentorId)! + 1);
    }
    return best;
  };
  return search(0);
}

const KINDS = ['EXPERIENCED_TEACHER', 'EXPERIENCED_CLASS_TEACHER', 'COMMUNITY_LEADER', 'INNOVATOR', 'EXPERIENCED_SUBJECT_TEACHER', 'VETERAN'];
const SUBJECTS = ['Математика', 'Физика', 'История'];
const CATEGORIES = ['BURNOUT', 'NEW_WORKPLACE', 'DIGITAL_SKILLS'];

describe('the proposal for a whole programme', () => {
  it.each([11, 29, 47])('is the optimal assignment under capacities (random instance, seed %i), checked by brute force', async (seed) => {
    const random = generator(seed);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const { schoolId, curator, programId } = await school(`Школа случайного подбора ${seed}`);
    const capacity = new Map<string, number>();
    for (let index = 0; index < 3; index += 1) {
      const cap = 1 + Math.floor(random() * 2);
      capacity.set(await createMentorWith(system, curator, schoolId, { kind: pick(KINDS), subjects: [pick(SUBJECTS)], capacity: cap }), cap);
    }
    const mentees: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const young = random() < 0.4;
      mentees.push(
        await createMenteeWith(system, curator, schoolId, {
          experienceYears: young ? 1 : 10,
          categories: young && random() < 0.5 ? [] : [pick(CATEGORIES)],
          subjects: [pick(SUBJECTS)],
        }),
      );
    }
    const scores = new Map<string, Map<string, number>>();
    for (const mentee of mentees) {
      scores.set(mentee, new Map((await candidatesFor(curator, programId, mentee)).map((candidate) => [candidate.mentor.id, candidate.score])));
    }

    const { matchingProposal: proposal } = await system.request<{
      matchingProposal: { totalScore: number; unmatched: { id: string }[]; assignments: { mentee: { id: string }; mentor: { id: string }; score: number }[] };
    }>(PROPOSAL, { programId }, curator);
    expect(proposal.totalScore).toBeCloseTo(bruteForceBest(mentees, capacity, scores), 6);
    for (const [mentorId, cap] of capacity) expect(proposal.assignments.filter((a) => a.mentor.id === mentorId).length).toBeLessThanOrEqual(cap);
    for (const assignment of proposal.assignments) expect(assignment.score).toBe(scores.get(assignment.mentee.id)!.get(assignment.mentor.id));
    expect(proposal.assignments.length + proposal.unmatched.length).toBe(mentees.length);
  });

  it('is accepted in part in one mutation; accepted mentees leave the next proposal, and a refused acceptance writes nothing', async () => {
    const { schoolId, curator, programId } = await school('Школа принятия');
    const mentor = await createMentorWith(system, curator, schoolId, { capacity: 2 });
    const mentees = [await createMenteeWith(system, curator, schoolId), await createMenteeWith(system, curator, schoolId), await createMenteeWith(system, curator, schoolId)];
    const proposal = (await system.request<{ matchingProposal: { assignments: { mentee: { id: string }; mentor: { id: string }; subForm: string }[]; unmatched: { id: string }[] } }>(PROPOSAL, { programId }, curator))
      .matchingProposal;
    expect(proposal.assignments).toHaveLength(2);
    expect(proposal.unmatched).toHaveLength(1);

    const first = proposal.assignments[0]!;
    const accepted = await system.request<{ acceptMatching: { status: string; orderNumber: string; mentor: { id: string }; mentees: { id: string }[] }[] }>(
      ACCEPT,
      { input: { programId, orderNumber: '21-од', orderDate: '2025-09-10', assignments: [{ menteeId: first.mentee.id, mentorId: first.mentor.id, subForm: first.subForm }] } },
      curator,
    );
    expect(accepted.acceptMatching).toMatchObject([{ status: 'FORMING', orderNumber: '21-од', mentor: { id: mentor }, mentees: [{ id: first.mentee.id }] }]);

    const next = (await system.request<{ matchingProposal: { assignments: { mentee: { id: string } }[]; unmatched: { id: string }[] } }>(PROPOSAL, { programId }, curator)).matchingProposal;
    const proposed = [...next.assignments.map((a) => a.mentee.id), ...next.unmatched.map((m) => m.id)];
    expect(proposed.sort()).toEqual(mentees.filter((id) => id !== first.mentee.id).sort());
    expect(next.assignments).toHaveLength(1);

    // The mentor has one place left: accepting two more is refused as a whole.
    const rest = mentees.filter((id) => id !== first.mentee.id);
    const tooMany = rest.map((menteeId) => ({ menteeId, mentorId: mentor, subForm: 'EXPERIENCED_TEACHER_YOUNG_SPECIALIST' }));
    expect(await refusal(system, ACCEPT, { input: { programId, assignments: tooMany } }, curator)).toEqual({ code: 'MENTOR_CAPACITY_EXCEEDED', field: 'input.assignments.1.menteeId' });
    const pairs = await system.request<{ pairs: { totalCount: number } }>('query($id: ID!) { pairs(filter: { programId: $id }) { totalCount } }', { id: programId }, curator);
    expect(pairs.pairs.totalCount).toBe(1);
    expect((await refusal(system, PROPOSAL, { programId }, await system.token(Role.MENTOR, schoolId))).code).toBe('FORBIDDEN');
  });
});
