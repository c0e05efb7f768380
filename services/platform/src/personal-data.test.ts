import 'reflect-metadata';
import { Role, type Caller } from './auth';
import { canExportPersonalData, personalDataCell } from './personal-data';

const person = { id: 'p1', municipalityId: 'm1', schoolId: 's1' };
const caller = (role: Role, schoolId: string | null, personId: string | null = null, municipalityId = 'm1'): Caller => ({ userId: 'u', role, municipalityId, schoolId, personId });

describe('personal-data export', () => {
  it('lets the person, their school administration and curator, and the office read the file', () => {
    expect(canExportPersonalData(caller(Role.MENTEE, 's1', 'p1'), person)).toBe(true);
    expect(canExportPersonalData(caller(Role.SCHOOL_ADMIN, 's1'), person)).toBe(true);
    expect(canExportPersonalData(caller(Role.CURATOR, 's1'), person)).toBe(true);
    expect(canExportPersonalData(caller(Role.MUNICIPAL_ADMIN, null), person)).toBe(true);
  });

  it('refuses colleagues, other schools and other municipalities', () => {
    expect(canExportPersonalData(caller(Role.MENTOR, 's1', 'p2'), person)).toBe(false);
    expect(canExportPersonalData(caller(Role.PSYCHOLOGIST, 's1'), person)).toBe(false);
    expect(canExportPersonalData(caller(Role.CURATOR, 's2'), person)).toBe(false);
    expect(canExportPersonalData(caller(Role.MUNICIPAL_ADMIN, null, null, 'm2'), person)).toBe(false);
    expect(canExportPersonalData(caller(Role.MENTEE, 's1', 'p1', 'm2'), person)).toBe(false);
  });

  it('writes cells as text', () => {
    expect(personalDataCell(null)).toBeNull();
    expect(personalDataCell(3.5)).toBe('3.5');
    expect(personalDataCell(['a', 'b'])).toBe('a; b');
    expect(personalDataCell(true)).toBe('да');
    expect(personalDataCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(personalDataCell({ a: 1 })).toBe('{"a":1}');
  });
});
