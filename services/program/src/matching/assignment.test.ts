import { AssignmentProblem, optimalAssignment } from './assignment';

type Result = ReturnType<typeof optimalAssignment>;

/** Deterministic PRNG so every run sees the same random instances. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randInt = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** Best score per (mentee, mentor) pair, as the implementation must see duplicates. */
function bestScores(problem: AssignmentProblem): Map<string, number> {
  const best = new Map<string, number>();
  for (const e of problem.edges) {
    const key = `${e.menteeId}|${e.mentorId}`;
    best.set(key, Math.max(best.get(key) ?? -Infinity, e.score));
  }
  return best;
}

/** Asserts the result is a valid assignment for the problem and is internally consistent. */
function expectFeasible(problem: AssignmentProblem, result: Result): void {
  const best = bestScores(problem);
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const a of result.assignments) {
    expect(seen.has(a.menteeId)).toBe(false); // one mentor per mentee
    seen.add(a.menteeId);
    expect(best.get(`${a.menteeId}|${a.mentorId}`)).toBe(a.score); // existing edge, best duplicate
    expect(a.score).toBeGreaterThan(0); // non-positive edges are never worth taking
    load.set(a.mentorId, (load.get(a.mentorId) ?? 0) + 1);
  }
  for (const m of problem.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity);

  const total = result.assignments.reduce((sum, a) => sum + a.score, 0);
  expect(result.totalScore).toBeCloseTo(total, 9);
  // Output order follows mentee input order; unmatched is the complement.
  expect(result.assignments.map((a) => a.menteeId)).toEqual(problem.mentees.filter((id) => seen.has(id)));
  expect(result.unmatched).toEqual(problem.mentees.filter((id) => !seen.has(id)));
}

/**
 * Enumerates every feasible assignment. Returns the best total and, among
 * assignments reaching it with positive-score edges only, the most matches.
 */
function bruteForce(problem: AssignmentProblem): { bestTotal: number; bestMatched: number } {
  const best = bestScores(problem);
  const load = new Map(problem.mentors.map((m) => [m.id, 0]));
  let bestTotal = 0;
  let bestMatched = 0;
  const visit = (i: number, total: number, matched: number, allPositive: boolean): void => {
    if (i === problem.mentees.length) {
      if (total > bestTotal) [bestTotal, bestMatched] = [total, 0];
      if (total === bestTotal && allPositive) bestMatched = Math.max(bestMatched, matched);
      return;
    }
    visit(i + 1, total, matched, allPositive); // leave mentee i unmatched
    for (const mentor of problem.mentors) {
      const score = best.get(`${problem.mentees[i]}|${mentor.id}`);
      if (score === undefined || load.get(mentor.id)! >= mentor.capacity) continue;
      load.set(mentor.id, load.get(mentor.id)! + 1);
      visit(i + 1, total + score, matched + 1, allPositive && score > 0);
      load.set(mentor.id, load.get(mentor.id)! - 1);
    }
  };
  visit(0, 0, 0, true);
  return { bestTotal, bestMatched };
}

function randomSmallProblem(rand: () => number): AssignmentProblem {
  const mentees = Array.from({ length: randInt(rand, 0, 5) }, (_, i) => `e${i}`);
  const mentors = Array.from({ length: randInt(rand, 0, 3) }, (_, i) => ({ id: `m${i}`, capacity: randInt(rand, 0, 2) }));
  const density = rand();
  const edges: AssignmentProblem['edges'][number][] = [];
  for (const menteeId of mentees) {
    for (const { id: mentorId } of mentors) {
      if (rand() >= density) continue;
      edges.push({ menteeId, mentorId, score: randInt(rand, -2, 10) });
      if (rand() < 0.1) edges.push({ menteeId, mentorId, score: randInt(rand, -2, 10) }); // duplicate pair
    }
  }
  return { mentees, mentors, edges };
}

const pairs = (result: Result): string[] => result.assignments.map((a) => `${a.menteeId}->${a.mentorId}`);

describe('optimalAssignment — hand cases', () => {
  it('beats greedy-by-highest-score', () => {
    // Greedy takes A–X (10) and leaves B stranded: total 10. Optimum is A–Y + B–X = 17.
    const problem: AssignmentProblem = {
      mentees: ['A', 'B'],
      mentors: [
        { id: 'X', capacity: 1 },
        { id: 'Y', capacity: 1 },
      ],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 10 },
        { menteeId: 'A', mentorId: 'Y', score: 9 },
        { menteeId: 'B', mentorId: 'X', score: 8 },
      ],
    };
    const result = optimalAssignment(problem);
    expect(pairs(result)).toEqual(['A->Y', 'B->X']);
    expect(result.totalScore).toBe(17);
    expect(result.unmatched).toEqual([]);
    expectFeasible(problem, result);
  });

  it('respects mentor capacity', () => {
    const mentees = ['A', 'B', 'C', 'D'];
    const problem: AssignmentProblem = {
      mentees,
      mentors: [
        { id: 'X', capacity: 2 },
        { id: 'Y', capacity: 1 },
      ],
      edges: mentees.flatMap((menteeId) => [
        { menteeId, mentorId: 'X', score: 10 },
        { menteeId, mentorId: 'Y', score: 1 },
      ]),
    };
    const result = optimalAssignment(problem);
    expect(result.assignments.filter((a) => a.mentorId === 'X')).toHaveLength(2);
    expect(result.assignments.filter((a) => a.mentorId === 'Y')).toHaveLength(1);
    expect(result.totalScore).toBe(21);
    expect(result.unmatched).toHaveLength(1);
    expectFeasible(problem, result);
  });

  it('never uses a mentor with capacity 0', () => {
    const problem: AssignmentProblem = {
      mentees: ['A', 'B'],
      mentors: [
        { id: 'X', capacity: 0 },
        { id: 'Y', capacity: 1 },
      ],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 100 },
        { menteeId: 'B', mentorId: 'X', score: 100 },
        { menteeId: 'A', mentorId: 'Y', score: 2 },
        { menteeId: 'B', mentorId: 'Y', score: 3 },
      ],
    };
    const result = optimalAssignment(problem);
    expect(pairs(result)).toEqual(['B->Y']);
    expect(result.totalScore).toBe(3);
    expect(result.unmatched).toEqual(['A']);
  });

  it('leaves everyone unmatched without edges', () => {
    const result = optimalAssignment({ mentees: ['A', 'B'], mentors: [{ id: 'X', capacity: 3 }], edges: [] });
    expect(result).toEqual({ assignments: [], totalScore: 0, unmatched: ['A', 'B'] });
  });

  it('handles empty inputs', () => {
    expect(optimalAssignment({ mentees: [], mentors: [], edges: [] })).toEqual({
      assignments: [],
      totalScore: 0,
      unmatched: [],
    });
    expect(optimalAssignment({ mentees: ['A'], mentors: [], edges: [] }).unmatched).toEqual(['A']);
    expect(optimalAssignment({ mentees: [], mentors: [{ id: 'X', capacity: 1 }], edges: [] }).assignments).toEqual([]);
  });

  it('never chooses negative or zero scores', () => {
    const problem: AssignmentProblem = {
      mentees: ['A', 'B', 'C'],
      mentors: [{ id: 'X', capacity: 3 }],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 0 },
        { menteeId: 'B', mentorId: 'X', score: -3 },
        { menteeId: 'C', mentorId: 'X', score: 4 },
      ],
    };
    const result = optimalAssignment(problem);
    expect(pairs(result)).toEqual(['C->X']);
    expect(result.totalScore).toBe(4);
    expect(result.unmatched).toEqual(['A', 'B']);
  });

  it('does not trade a positive score for a non-positive one to match more mentees', () => {
    // Swapping A to Y (0) frees X for B, but the zero edge is never worth taking.
    const problem: AssignmentProblem = {
      mentees: ['A', 'B'],
      mentors: [
        { id: 'X', capacity: 1 },
        { id: 'Y', capacity: 1 },
      ],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 5 },
        { menteeId: 'A', mentorId: 'Y', score: 0 },
        { menteeId: 'B', mentorId: 'X', score: 5 },
      ],
    };
    const result = optimalAssignment(problem);
    expect(result.assignments).toHaveLength(1);
    expect(result.assignments[0]).toMatchObject({ mentorId: 'X', score: 5 });
    expect(result.totalScore).toBe(5);
  });

  it('prefers more matched mentees when the total is equal', () => {
    // A–X alone scores 5; A–Y + B–X also scores 5 but matches both.
    const problem: AssignmentProblem = {
      mentees: ['A', 'B'],
      mentors: [
        { id: 'X', capacity: 1 },
        { id: 'Y', capacity: 1 },
      ],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 5 },
        { menteeId: 'A', mentorId: 'Y', score: 3 },
        { menteeId: 'B', mentorId: 'X', score: 2 },
      ],
    };
    const result = optimalAssignment(problem);
    expect(pairs(result)).toEqual(['A->Y', 'B->X']);
    expect(result.totalScore).toBe(5);
  });

  it('breaks ties deterministically by input order', () => {
    const edges = [
      { menteeId: 'A', mentorId: 'X', score: 5 },
      { menteeId: 'A', mentorId: 'Y', score: 5 },
    ];
    const xFirst = { mentees: ['A'], mentors: [{ id: 'X', capacity: 1 }, { id: 'Y', capacity: 1 }], edges };
    const yFirst = { mentees: ['A'], mentors: [{ id: 'Y', capacity: 1 }, { id: 'X', capacity: 1 }], edges };
    expect(pairs(optimalAssignment(xFirst))).toEqual(['A->X']);
    expect(pairs(optimalAssignment(yFirst))).toEqual(['A->Y']);
    // Edge order does not matter, and repeated calls agree.
    expect(optimalAssignment({ ...yFirst, edges: [...edges].reverse() })).toEqual(optimalAssignment(yFirst));

    // Two mentees competing for one slot with equal scores: the earlier mentee wins.
    const slot = {
      mentors: [{ id: 'X', capacity: 1 }],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 4 },
        { menteeId: 'B', mentorId: 'X', score: 4 },
      ],
    };
    expect(pairs(optimalAssignment({ ...slot, mentees: ['A', 'B'] }))).toEqual(['A->X']);
    expect(pairs(optimalAssignment({ ...slot, mentees: ['B', 'A'] }))).toEqual(['B->X']);
  });

  it('treats float scores within epsilon as ties', () => {
    // 0.1 + 0.2 is 0.30000000000000004: not a real preference over 0.3.
    const problem: AssignmentProblem = {
      mentees: ['A'],
      mentors: [
        { id: 'Y', capacity: 1 },
        { id: 'X', capacity: 1 },
      ],
      edges: [
        { menteeId: 'A', mentorId: 'X', score: 0.1 + 0.2 },
        { menteeId: 'A', mentorId: 'Y', score: 0.3 },
      ],
    };
    expect(pairs(optimalAssignment(problem))).toEqual(['A->Y']);
  });

  it('keeps the higher score of duplicate edges, in either order', () => {
    const base = { mentees: ['A'], mentors: [{ id: 'X', capacity: 1 }] };
    const low = { menteeId: 'A', mentorId: 'X', score: 3 };
    const high = { menteeId: 'A', mentorId: 'X', score: 7 };
    expect(optimalAssignment({ ...base, edges: [low, high] }).totalScore).toBe(7);
    expect(optimalAssignment({ ...base, edges: [high, low] }).assignments).toEqual([
      { menteeId: 'A', mentorId: 'X', score: 7 },
    ]);
  });

  it('rejects unknown ids and invalid input with a clear error', () => {
    const base = { mentees: ['A'], mentors: [{ id: 'X', capacity: 1 }] };
    expect(() => optimalAssignment({ ...base, edges: [{ menteeId: 'Z', mentorId: 'X', score: 1 }] })).toThrow(
      'unknown mentee id "Z"',
    );
    expect(() => optimalAssignment({ ...base, edges: [{ menteeId: 'A', mentorId: 'Q', score: 1 }] })).toThrow(
      'unknown mentor id "Q"',
    );
    // Even an edge that would be discarded (score ≤ 0) is validated.
    expect(() => optimalAssignment({ ...base, edges: [{ menteeId: 'A', mentorId: 'Q', score: -1 }] })).toThrow(
      'unknown mentor id "Q"',
    );
    expect(() => optimalAssignment({ ...base, edges: [{ menteeId: 'A', mentorId: 'X', score: NaN }] })).toThrow(
      'non-finite score',
    );
    expect(() => optimalAssignment({ mentees: ['A'], mentors: [{ id: 'X', capacity: -1 }], edges: [] })).toThrow(
      'invalid capacity',
    );
    expect(() => optimalAssignment({ mentees: ['A', 'A'], mentors: [], edges: [] })).toThrow(
      'Duplicate mentee id "A"',
    );
  });
});

describe('optimalAssignment — brute force on random small instances', () => {
  it('matches the brute-force optimum on 200 seeded instances', () => {
    const rand = mulberry32(20240601);
    let nonTrivial = 0;
    for (let k = 0; k < 200; k++) {
      const problem = randomSmallProblem(rand);
      const result = optimalAssignment(problem);
      const { bestTotal, bestMatched } = bruteForce(problem);
      expectFeasible(problem, result);
      expect({ instance: k, total: result.totalScore }).toEqual({ instance: k, total: bestTotal });
      expect({ instance: k, matched: result.assignments.length }).toEqual({ instance: k, matched: bestMatched });
      if (bestTotal > 0) nonTrivial++;
    }
    // Guard against a generator that only produces empty problems.
    expect(nonTrivial).toBeGreaterThan(50);
  });
});

describe('optimalAssignment — scale', () => {
  // Speed belongs to benchmarks, not tests; this checks only that a large instance is solved correctly.
  it('solves 300 mentees × 100 mentors with dense edges feasibly and at least as well as greedy', () => {
    const rand = mulberry32(7);
    const mentees = Array.from({ length: 300 }, (_, i) => `e${i}`);
    const mentors = Array.from({ length: 100 }, (_, i) => ({ id: `m${i}`, capacity: randInt(rand, 0, 5) }));
    const edges = mentees.flatMap((menteeId) =>
      mentors.map(({ id: mentorId }) => ({ menteeId, mentorId, score: rand() * 100 - 5 })),
    );
    const problem: AssignmentProblem = { mentees, mentors, edges };

    const result = optimalAssignment(problem);

    expectFeasible(problem, result);
    expect(result.totalScore).toBeGreaterThanOrEqual(greedyTotal(problem));
  });
});

/** Greedy by highest score: a lower bound the optimum must reach. */
function greedyTotal(problem: AssignmentProblem): number {
  const left = new Map(problem.mentors.map((m) => [m.id, m.capacity]));
  const taken = new Set<string>();
  let total = 0;
  for (const e of [...problem.edges].sort((a, b) => b.score - a.score)) {
    if (e.score <= 0 || taken.has(e.menteeId) || left.get(e.mentorId)! <= 0) continue;
    taken.add(e.menteeId);
    left.set(e.mentorId, left.get(e.mentorId)! - 1);
    total += e.score;
  }
  return total;
}
