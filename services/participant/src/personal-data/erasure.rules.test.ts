import { ErasureStatus } from './erasure.entity';
import { actStatus, retentionCutoff } from './erasure.rules';

describe('erasure rules', () => {
  it('puts the retention cutoff the given number of days back', () => {
    expect(retentionCutoff(new Date('2026-11-26T10:00:00Z'), 1095).toISOString()).toBe('2023-11-27T10:00:00.000Z');
    expect(retentionCutoff(new Date('2026-11-26T10:00:00Z'), 0).toISOString()).toBe('2026-11-26T10:00:00.000Z');
  });

  it('completes an act only when participant, program and monitoring all confirmed', () => {
    const done = (service: 'participant' | 'program' | 'monitoring') => ({ service, status: ErasureStatus.COMPLETED });
    expect(actStatus([done('participant'), done('program')])).toBe(ErasureStatus.PENDING);
    expect(actStatus([done('participant'), done('program'), { service: 'monitoring', status: ErasureStatus.PENDING }])).toBe(ErasureStatus.PENDING);
    expect(actStatus([done('participant'), done('program'), done('monitoring')])).toBe(ErasureStatus.COMPLETED);
  });
});
