import { DomainError, ErrorCode, type RequestContext, type SubgraphClient } from '@nastavnik/platform';
import { CompatibilityResults } from './compatibility';

const log = { warn: jest.fn() };
const context = { log } as unknown as RequestContext;

function clientAnswering(answer: () => Promise<unknown>): { client: SubgraphClient; query: jest.Mock } {
  const query = jest.fn(answer);
  return { client: { query } as unknown as SubgraphClient, query };
}

describe('compatibility results for matching', () => {
  it('asks once for every mentee and keeps the latest score per mentor', async () => {
    const { client, query } = clientAnswering(async () => ({
      r0: [
        { mentorId: 'a', menteeId: 'x', score: 40, testedOn: '2025-09-01' },
        { mentorId: 'a', menteeId: 'x', score: 90, testedOn: '2025-10-01' },
      ],
      r1: [{ mentorId: 'b', menteeId: 'y', score: 70, testedOn: '2025-09-05' }],
    }));
    const scores = await new CompatibilityResults(client).of(context, ['x', 'y', 'x']);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0]![1]).toContain('r1: compatibilityResults(menteeId: $m1)');
    expect(scores.get('x')).toEqual(new Map([['a', 90]]));
    expect(scores.get('y')).toEqual(new Map([['b', 70]]));
  });

  it.each([
    ['is unreachable', () => Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The monitoring service is unavailable'))],
    ['does not have the query yet', () => Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The monitoring service did not answer'))],
  ])('gives no scores, and no failure, when monitoring %s', async (_name, answer) => {
    const { client } = clientAnswering(answer);
    const scores = await new CompatibilityResults(client).of(context, ['x']);
    expect(scores.get('x')).toEqual(new Map());
    expect(log.warn).toHaveBeenCalled();
  });

  it('asks nothing for no mentees', async () => {
    const { client, query } = clientAnswering(async () => ({}));
    expect((await new CompatibilityResults(client).of(context, [])).size).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });
});
