import { AuditAction, fieldsOf } from './audit';
import { AuditFilter, decodeAuditKey, encodeAuditKey } from './audit-log';
import { AuditedReads } from './audit-reads';
import { DomainError } from './errors';

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

describe('the audit log key', () => {
  it('carries the filter to the other services and back, in a fixed order', () => {
    const filter = Object.assign(new AuditFilter(), { action: AuditAction.READ, personId: SCHOOL_A, from: new Date('2026-01-01T00:00:00Z'), entityType: 'Measurement' });
    const same = Object.assign(new AuditFilter(), { entityType: 'Measurement', from: new Date('2026-01-01T00:00:00Z'), personId: SCHOOL_A, action: AuditAction.READ });
    expect(encodeAuditKey(filter)).toBe(encodeAuditKey(same));
    expect(decodeAuditKey(encodeAuditKey(filter))).toEqual(filter);
    expect(decodeAuditKey(encodeAuditKey(new AuditFilter()))).toEqual(new AuditFilter());
  });

  it.each([
    ['not base64 JSON', 'not a key'],
    ['an array', Buffer.from('[]').toString('base64url')],
    ['an unknown condition', Buffer.from(JSON.stringify({ schoolIds: 'x' })).toString('base64url')],
    ['a person id that is no uuid', Buffer.from(JSON.stringify({ personId: "x' OR 1=1" })).toString('base64url')],
    ['an unknown action', Buffer.from(JSON.stringify({ action: 'DROP' })).toString('base64url')],
    ['a date that is none', Buffer.from(JSON.stringify({ from: 'yesterday' })).toString('base64url')],
    ['a number where text belongs', Buffer.from(JSON.stringify({ entityType: 5 })).toString('base64url')],
  ])('refuses %s', (_case, key) => {
    expect(() => decodeAuditKey(key)).toThrow(DomainError);
  });
});

describe('fieldsOf', () => {
  it('names the fields an input sets, leaving out undefined ones and those asked', () => {
    expect(fieldsOf({ email: 'a@b.c', phone: null, position: undefined, expectedVersion: 3 }, 'expectedVersion')).toEqual(['email', 'phone']);
  });
});
