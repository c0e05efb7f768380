import { fieldsOf } from './audit';
import { AuditedReads } from './audit-reads';

const SCHOOL_A = '11111111-1111-4111-8111-111111111111';
const SCHOOL_B = '22222222-2222-4222-8222-222222222222';

describe('sensitive reads of one request', () => {
  it('make one row per entity type and school, with every id, subject and field once', () => {
    const reads = new AuditedReads();
    reads.note({ entityType: 'Measurement', schoolId: SCHOOL_A, entityIds: ['m2'], personIds: ['p1'], fields: ['value'] });
    reads.note({ entityType: 'Measurement', schoolId: SCHOOL_A, entityIds: ['m1', 'm2'], personIds: ['p1', null], fields: ['value'] });
    reads.note({ entityType: 'Measurement', schoolId: SCHOOL_B, entityIds: ['m3'], personIds: ['p3'], fields: ['value'] });
    reads.note({ entityType: 'Person', schoolId: SCHOOL_A, entityIds: ['p1'], personIds: ['p1'], fields: ['phone'] });
    reads.note({ entityType: 'Person', schoolId: SCHOOL_A, entityIds: ['p1'], personIds: ['p1'], fields: ['email'] });
    expect(reads.take()).toEqual([
      { entityType: 'Measurement', schoolId: SCHOOL_A, entityIds: ['m1', 'm2'], personIds: ['p1'], fields: ['value'] },
      { entityType: 'Measurement', schoolId: SCHOOL_B, entityIds: ['m3'], personIds: ['p3'], fields: ['value'] },
      { entityType: 'Person', schoolId: SCHOOL_A, entityIds: ['p1'], personIds: ['p1'], fields: ['email', 'phone'] },
    ]);
  });

  it('are taken once: the collector is empty afterwards, and an empty read is no row', () => {
    const reads = new AuditedReads();
    reads.note({ entityType: 'Measurement', schoolId: SCHOOL_A, entityIds: [], personIds: [], fields: ['value'] });
    expect(reads.size).toBe(0);
    reads.note({ entityType: 'Measurement', schoolId: SCHOOL_A, entityIds: ['m1'], personIds: [], fields: ['value'] });
    expect(reads.take()).toHaveLength(1);
    expect(reads.take()).toEqual([]);
  });
});

describe('fieldsOf', () => {
  it('names the fields an input sets, leaving out undefined ones and those asked', () => {
    expect(fieldsOf({ email: 'a@b.c', phone: null, position: undefined, expectedVersion: 3 }, 'expectedVersion')).toEqual(['email', 'phone']);
  });
});
