/**
 * Optimal mentee → mentor assignment as a min-cost flow.
 *
 * Network: source → mentor (capacity = mentor capacity, cost 0)
 *                 → mentee (capacity 1, cost = −score)
 *                 → sink   (capacity 1, cost 0).
 * Successive shortest paths: each augmenting path moves exactly one unit of flow
 * (every path ends on a mentee → sink arc of capacity 1). Because the cost of the
 * cheapest k-unit flow is convex in k, we stop as soon as the next shortest path
 * would lower the total score. Paths of zero gain are still taken: they match one
 * more mentee without changing the total, which is the required tie-break
 * ("equal score → more matched mentees"). Edges with score ≤ 0 are left out of
 * the network, so they can never be used.
 *
 * Shortest paths use Dijkstra on reduced costs (Johnson potentials), so negative
 * arc costs are fine. The initial potentials come from one pass over the
 * source → mentor → mentee → sink DAG.
 *
 * Complexity: at most N augmentations (N = mentees), each an O(V² + E) array-based
 * Dijkstra with V = N + M + 2 nodes (M = mentors) and E = allowed edges, so
 * O(N · (V² + E)). For 300 mentees × 100 mentors, fully dense, that is about
 * 300 · (402² + 30 000) ≈ 6·10⁷ elementary steps — tens of milliseconds.
 *
 * Determinism: the network is built in mentor input order, then mentee input
 * order (the order of `edges` does not matter), and Dijkstra keeps the first
 * path found unless another is better by more than EPS. On ties, earlier mentors
 * and mentees therefore win, and the same input always yields the same output.
 */

export interface AssignmentProblem {
  mentees: readonly string[];
  mentors: ReadonlyArray<{ id: string; capacity: number }>;
  /** Only allowed pairs; scores may be any finite number; edges with score <= 0 are never taken. */
  edges: ReadonlyArray<{ menteeId: string; mentorId: string; score: number }>;
}

export interface Assignment {
  menteeId: string;
  mentorId: string;
  score: number;
}

export interface AssignmentResult {
  /** In mentee input order. */
  assignments: Assignment[];
  totalScore: number;
  /** Mentee ids without a mentor, in input order. */
  unmatched: string[];
}

/** Scores closer than this are treated as equal (float noise such as 0.1 + 0.2). */
const EPS = 1e-9;

/**
 * Distance of a node not reached yet. A module constant rather than the global
 * `Infinity`: global lookups are very slow in hot loops under sandboxes such as
 * Jest's vm context (measured 25× slower for this file).
 */
const UNREACHED = Number.POSITIVE_INFINITY;

/** A usable candidate edge, by position in the input lists. */
interface Candidate {
  mentor: number;
  mentee: number;
  score: number;
}

export function optimalAssignment(problem: AssignmentProblem): AssignmentResult {
  const menteeIndex = indexIds(problem.mentees, 'mentee');
  const mentorIndex = indexIds(
    problem.mentors.map((m) => m.id),
    'mentor',
  );
  problem.mentors.forEach(checkCapacity);

  const candidates = usableCandidates(problem, menteeIndex, mentorIndex);
  const graph = buildGraph(problem, candidates);
  runMinCostFlow(graph);
  return readResult(problem, graph);
}

// ---------------------------------------------------------------------------
// Input validation and normalisation

function indexIds(ids: readonly string[], kind: string): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new Error(`Duplicate ${kind} id "${id}"`);
    index.set(id, i);
  });
  return index;
}

function checkCapacity(mentor: { id: string; capacity: number }): void {
  if (!Number.isInteger(mentor.capacity) || mentor.capacity < 0) {
    throw new Error(`Mentor "${mentor.id}" has invalid capacity ${mentor.capacity}; expected a non-negative integer`);
  }
}

/**
 * Validates every edge, keeps the higher score for duplicate pairs, and drops
 * pairs that can never help (score ≤ 0, or mentor with capacity 0).
 * Sorted by (mentor, mentee) input position so the result ignores edge order.
 */
function usableCandidates(
  problem: AssignmentProblem,
  menteeIndex: Map<string, number>,
  mentorIndex: Map<string, number>,
): Candidate[] {
  const best = new Map<number, Candidate>();
  for (const edge of problem.edges) {
    const mentee = menteeIndex.get(edge.menteeId);
    const mentor = mentorIndex.get(edge.mentorId);
    if (mentee === undefined) throw new Error(`Edge refers to unknown mentee id "${edge.menteeId}"`);
    if (mentor === undefined) throw new Error(`Edge refers to unknown mentor id "${edge.mentorId}"`);
    if (!Number.isFinite(edge.score)) {
      throw new Error(`Edge ${edge.menteeId} → ${edge.mentorId} has non-finite score ${edge.score}`);
    }
    const key = mentor * problem.mentees.length + mentee;
    const previous = best.get(key);
    if (previous === undefined || edge.score > previous.score) best.set(key, { mentor, mentee, score: edge.score });
  }
  return [...best.values()]
    .filter((c) => c.score > 0 && problem.mentors[c.mentor].capacity > 0)
    .sort((a, b) => a.mentor - b.mentor || a.mentee - b.mentee);
}

// ---------------------------------------------------------------------------
// Residual graph

/** Arcs are stored in pairs: arc i and its reverse i ^ 1. */
interface Graph {
  nodeCount: number;
  source: number;
  sink: number;
  to: number[];
  residual: number[];
  cost: number[];
  outArcs: number[][];
  /** Forward mentor → mentee arc of each candidate, parallel to `candidates`. */
  candidateArcs: number[];
  candidates: Candidate[];
  /** Johnson potentials: keep every residual arc's reduced cost ≥ 0. */
  potential: Float64Array;
}

// Node numbering: source, mentors, mentees, sink.
const mentorNode = (i: number): number => 1 + i;
const menteeNode = (mentorCount: number, j: number): number => 1 + mentorCount + j;

function buildGraph(problem: AssignmentProblem, candidates: Candidate[]): Graph {
  const m = problem.mentors.length;
  const n = problem.mentees.length;
  const nodeCount = m + n + 2;
  const graph: Graph = {
    nodeCount,
    source: 0,
    sink: nodeCount - 1,
    to: [],
    residual: [],
    cost: [],
    outArcs: Array.from({ length: nodeCount }, () => []),
    candidateArcs: [],
    candidates,
    potential: new Float64Array(nodeCount),
  };
  // A mentor never needs more slots than there are mentees.
  problem.mentors.forEach((mentor, i) => addArc(graph, graph.source, mentorNode(i), Math.min(mentor.capacity, n), 0));
  for (const c of candidates) {
    graph.candidateArcs.push(addArc(graph, mentorNode(c.mentor), menteeNode(m, c.mentee), 1, -c.score));
  }
  for (let j = 0; j < n; j++) addArc(graph, menteeNode(m, j), graph.sink, 1, 0);
  initialPotentials(graph, candidates, m);
  return graph;
}

function addArc(graph: Graph, from: number, to: number, capacity: number, cost: number): number {
  const index = graph.to.length;
  graph.to.push(to, from);
  graph.residual.push(capacity, 0);
  graph.cost.push(cost, -cost);
  graph.outArcs[from].push(index);
  graph.outArcs[to].push(index + 1);
  return index;
}

/**
 * Shortest distances in the initial (acyclic) network: 0 for source and mentors,
 * the cheapest incoming arc for a mentee (0 if it has none), the cheapest mentee
 * for the sink. Any values satisfying π(v) ≤ π(u) + cost(u,v) would do.
 */
function initialPotentials(graph: Graph, candidates: Candidate[], mentorCount: number): void {
  const p = graph.potential;
  for (const c of candidates) {
    const v = menteeNode(mentorCount, c.mentee);
    p[v] = Math.min(p[v], -c.score);
  }
  let sinkPotential = 0;
  for (let v = menteeNode(mentorCount, 0); v < graph.sink; v++) sinkPotential = Math.min(sinkPotential, p[v]);
  p[graph.sink] = sinkPotential;
}

// ---------------------------------------------------------------------------
// Successive shortest paths

function runMinCostFlow(graph: Graph): void {
  for (;;) {
    const { dist, prevArc } = dijkstra(graph);
    const reducedToSink = dist[graph.sink];
    if (reducedToSink === UNREACHED) return; // no augmenting path left
    // Real path cost = reduced cost + π(sink) − π(source).
    const pathCost = reducedToSink + graph.potential[graph.sink] - graph.potential[graph.source];
    if (pathCost > EPS) return; // the next mentee would lower the total score
    updatePotentials(graph, dist, reducedToSink);
    pushUnit(graph, prevArc);
  }
}

/** Array-based Dijkstra, O(V² + E): the graph is dense, so a heap would not pay off. */
function dijkstra(graph: Graph): { dist: Float64Array; prevArc: Int32Array } {
  const { nodeCount, to, residual, cost, outArcs, potential } = graph;
  const dist = new Float64Array(nodeCount).fill(UNREACHED);
  const prevArc = new Int32Array(nodeCount).fill(-1);
  const done = new Uint8Array(nodeCount);
  dist[graph.source] = 0;
  for (;;) {
    const u = closestOpenNode(dist, done);
    if (u < 0) break;
    done[u] = 1;
    // Settled sink: its path is final, and nodes not settled yet are at least as
    // far, which is exactly what updatePotentials' cap at dist(sink) assumes.
    if (u === graph.sink) break;
    for (const arc of outArcs[u]) {
      const v = to[arc];
      // Settled nodes stay settled: float noise must not rewire an earlier path into a cycle.
      if (residual[arc] === 0 || done[v]) continue;
      const candidate = dist[u] + cost[arc] + potential[u] - potential[v];
      // Only a clearly better path replaces the first one found: stable ties.
      if (candidate < dist[v] - EPS) {
        dist[v] = candidate;
        prevArc[v] = arc;
      }
    }
  }
  return { dist, prevArc };
}

/** Lowest-index unfinished node with the smallest finite distance, or −1. */
function closestOpenNode(dist: Float64Array, done: Uint8Array): number {
  let best = -1;
  for (let v = 0; v < dist.length; v++) {
    if (!done[v] && dist[v] !== UNREACHED && (best < 0 || dist[v] < dist[best])) best = v;
  }
  return best;
}

/**
 * π(v) += min(dist(v), dist(sink)). Capping at dist(sink) keeps reduced costs
 * non-negative for nodes that are unreachable now but may become reachable later.
 */
function updatePotentials(graph: Graph, dist: Float64Array, sinkDist: number): void {
  for (let v = 0; v < graph.nodeCount; v++) graph.potential[v] += dist[v] < sinkDist ? dist[v] : sinkDist;
}

function pushUnit(graph: Graph, prevArc: Int32Array): void {
  for (let v = graph.sink; v !== graph.source; ) {
    const arc = prevArc[v];
    graph.residual[arc] -= 1;
    graph.residual[arc ^ 1] += 1;
    v = graph.to[arc ^ 1];
  }
}

// ---------------------------------------------------------------------------
// Output

function readResult(problem: AssignmentProblem, graph: Graph): AssignmentResult {
  const mentorOf = new Array<Candidate | undefined>(problem.mentees.length);
  graph.candidates.forEach((c, k) => {
    if (graph.residual[graph.candidateArcs[k]] === 0) mentorOf[c.mentee] = c; // unit arc is saturated
  });

  const assignments: Assignment[] = [];
  const unmatched: string[] = [];
  let totalScore = 0;
  problem.mentees.forEach((menteeId, j) => {
    const c = mentorOf[j];
    if (c === undefined) {
      unmatched.push(menteeId);
      return;
    }
    assignments.push({ menteeId, mentorId: problem.mentors[c.mentor].id, score: c.score });
    totalScore += c.score;
  });
  return { assignments, totalScore, unmatched };
}
