import { campaignPhase, fitsInstrument, rateRows, respondentsFromPairs, responseRate, type PairFacts } from './campaign.rules';

const pairs: PairFacts[] = [
  { id: 'p1', status: 'ACTIVE', mentor: { id: 'm1' }, mentees: [{ id: 'e1' }, { id: 'e2' }] },
  { id: 'p2', status: 'FORMING', mentor: { id: 'm1' }, mentees: [{ id: 'e3' }] },
  { id: 'p3', status: 'DISSOLVED', mentor: { id: 'm2' }, mentees: [{ id: 'e4' }] },
  { id: 'p4', status: 'COMPLETED', mentor: { id: 'm3' }, mentees: [{ id: 'e1' }] },
];

describe('respondentsFromPairs', () => {
  it('takes each mentor once, leaving out dissolved pairs', () => {
    expect(respondentsFromPairs(pairs, 'MENTOR')).toEqual([
      { personId: 'm1', pairId: 'p1' },
      { personId: 'm3', pairId: 'p4' },
    ]);
  });
  it('takes each mentee once, from the first pair they are in', () => {
    expect(respondentsFromPairs(pairs, 'MENTEE').map((r) => `${r.personId}@${r.pairId}`)).toEqual(['e1@p1', 'e2@p1', 'e3@p2']);
  });
  it('answers nobody for a programme without pairs', () => {
    expect(respondentsFromPairs([], 'MENTEE')).toEqual([]);
  });
});

describe('fitsInstrument', () => {
  it.each<[string | null, string[], boolean]>([
    [null, [], true],
    ['BURNOUT', ['BURNOUT', 'YOUNG_SPECIALIST'], true],
    ['BURNOUT', ['YOUNG_SPECIALIST'], false],
    ['DIGITAL_SKILLS', [], false],
  ])('instrument %s for categories %j → %s', (category, categories, expected) => {
    expect(fitsInstrument(category, categories)).toBe(expected);
  });
});

describe('campaignPhase', () => {
  const campaign = { status: 'OPEN', opensOn: '2026-04-01', closesOn: '2026-05-31' };
  it.each<[string, string, string]>([
    ['OPEN', '2026-03-31', 'NOT_OPEN'],
    ['OPEN', '2026-04-01', 'OPEN'],
    ['OPEN', '2026-05-31', 'OPEN'],
    ['OPEN', '2026-06-01', 'CLOSED'],
    ['CLOSED', '2026-04-15', 'CLOSED'],
  ])('a %s campaign on %s is %s', (status, today, phase) => {
    expect(campaignPhase({ ...campaign, status }, today)).toBe(phase);
  });
});

describe('responseRate', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [4, 0, 0],
    [3, 1, 0.333],
    [4, 4, 1],
  ])('%i invited, %i responded → %s', (invited, responded, rate) => {
    expect(responseRate(invited, responded)).toBe(rate);
  });
});

describe('rateRows', () => {
  const counts = [
    { campaignId: 'c1', schoolId: 's1', role: 'MENTEE', invited: 4, responded: 3 },
    { campaignId: 'c2', schoolId: 's1', role: 'MENTEE', invited: 10, responded: 5 },
    { campaignId: 'c3', schoolId: 's2', role: 'MENTEE', invited: 5, responded: 5 },
  ];
  it('shows every figure to a caller who may see the persons', () => {
    expect(rateRows(counts, false, false, 5)).toEqual([
      { campaignId: null, schoolId: 's1', role: 'MENTEE', invited: 14, responded: 8, rate: 0.571, suppressed: false },
      { campaignId: null, schoolId: 's2', role: 'MENTEE', invited: 5, responded: 5, rate: 1, suppressed: false },
    ]);
  });
  it('suppresses a campaign of 4 and the school row that holds it, not a campaign of 5', () => {
    expect(rateRows(counts, true, true, 5).map((row) => [row.campaignId, row.responded, row.suppressed])).toEqual([
      ['c1', null, true],
      ['c2', 5, false],
      ['c3', 5, false],
    ]);
    expect(rateRows(counts, false, true, 5).map((row) => [row.schoolId, row.invited, row.responded, row.rate, row.suppressed])).toEqual([
      ['s1', 14, null, null, true],
      ['s2', 5, 5, 1, false],
    ]);
  });
});
