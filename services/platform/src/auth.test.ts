import { SignJWT } from 'jose';
import { assertCanManageSchool, bearerToken, canSeeSchool, Role, SCHOOL_ROLES, signToken, TokenVerifier, verifyToken, type Caller } from './auth';
import { readAuthConfig, type AuthConfig } from './config';
import { DomainError, ErrorCode } from './errors';

const AUTH = readAuthConfig({});
const MUNICIPALITY = '11111111-1111-4111-8111-111111111111';
const OTHER_MUNICIPALITY = '22222222-2222-4222-8222-222222222222';
const SCHOOL_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const SCHOOL_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const curator: Caller = { userId: 'curator-1', role: Role.CURATOR, municipalityId: MUNICIPALITY, schoolId: SCHOOL_A, personId: 'person-7' };
const office: Caller = { userId: 'office-1', role: Role.MUNICIPAL_ADMIN, municipalityId: MUNICIPALITY, schoolId: null, personId: null };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the token to be refused');
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A token with the right key, issuer and audience but claims of our choosing. */
function rawToken(claims: Record<string, unknown>, subject: string | null = 'user-1', auth: AuthConfig = AUTH): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(auth.jwtIssuer).setAudience(auth.jwtAudience).setIssuedAt().setExpirationTime('1h');
  if (subject !== null) jwt.setSubject(subject);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}

describe('signToken and verifyToken', () => {
  it.each([
    ['a curator', curator],
    ['the municipal office', office],
    ['a mentee without a staff record', { userId: 'mentee-1', role: Role.MENTEE, municipalityId: MUNICIPALITY, schoolId: SCHOOL_B, personId: null }],
    ['a psychologist', { userId: 'psy-1', role: Role.PSYCHOLOGIST, municipalityId: MUNICIPALITY, schoolId: SCHOOL_A, personId: 'person-9' }],
  ])('round-trips %s', async (_case, caller: Caller) => {
    expect(await verifyToken(await signToken(caller, AUTH), AUTH)).toEqual(caller);
  });

  it('gives the municipal office no school even if the token names one', async () => {
    const token = await signToken({ ...office, schoolId: SCHOOL_A }, AUTH);
    expect(decodePart(token.split('.')[1]!).sch).toBe(SCHOOL_A);
    expect((await verifyToken(token, AUTH)).schoolId).toBeNull();
  });

  it('signs with HS256 and the configured issuer and audience', async () => {
    const [header, payload] = (await signToken(curator, AUTH)).split('.');
    expect(decodePart(header!).alg).toBe('HS256');
    expect(decodePart(payload!)).toMatchObject({ iss: AUTH.jwtIssuer, aud: AUTH.jwtAudience, sub: 'curator-1', role: 'CURATOR', sch: SCHOOL_A });
  });
});

describe('verifyToken refuses', () => {
  const otherKey = 'another-secret-of-at-least-thirty-two-characters';

  it.each<[string, () => Promise<string>, AuthConfig?]>([
    ['a wrong audience', () => signToken(curator, { ...AUTH, jwtAudience: 'someone-else' })],
    ['a wrong issuer', () => signToken(curator, { ...AUTH, jwtIssuer: 'someone-else' })],
    ['an expired token', () => signToken(curator, AUTH, '-1m')],
    ['a token signed with another key', () => signToken(curator, { ...AUTH, jwtSecret: otherKey })],
    ['a token checked against another key', () => signToken(curator, AUTH), { ...AUTH, jwtSecret: otherKey }],
    ['a school role without a school', () => signToken({ ...curator, schoolId: null }, AUTH)],
    ['a mentor without a school', () => signToken({ ...curator, role: Role.MENTOR, schoolId: null }, AUTH)],
    ['an unknown role', () => rawToken({ role: 'SUPERUSER', mun: MUNICIPALITY, sch: SCHOOL_A })],
    ['a role of the wrong type', () => rawToken({ role: 7, mun: MUNICIPALITY, sch: SCHOOL_A })],
    ['a token without a municipality', () => rawToken({ role: 'CURATOR', sch: SCHOOL_A })],
    ['a token without a subject', () => rawToken({ role: 'CURATOR', mun: MUNICIPALITY, sch: SCHOOL_A }, null)],
    ['an unsigned token (alg none)', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ role: 'MUNICIPAL_ADMIN', mun: MUNICIPALITY, sub: 'x', iss: AUTH.jwtIssuer, aud: AUTH.jwtAudience })}.`],
    ['something that is not a token', async () => 'not-a-token'],
  ])('%s with UNAUTHENTICATED', async (_case, makeToken, verifyWith = AUTH) => {
    const error = await refusal(verifyToken(await makeToken(), verifyWith));
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });

  it.each([
    ['raises the role', { role: Role.MUNICIPAL_ADMIN, sch: null }],
    ['moves to another school', { sch: SCHOOL_B }],
    ['extends the expiry', { exp: Math.floor(Date.now() / 1000) + 365 * 24 * 3600 }],
  ])('a tampered payload that %s with UNAUTHENTICATED', async (_case, change) => {
    const [header, payload, signature] = (await signToken(curator, AUTH)).split('.');
    const tampered = `${header}.${base64url({ ...decodePart(payload!), ...change })}.${signature}`;
    const error = await refusal(verifyToken(tampered, AUTH));
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('accepts a hand-made token with every claim (control for the refusals above)', async () => {
    expect(await verifyToken(await rawToken({ role: 'CURATOR', mun: MUNICIPALITY, sch: SCHOOL_A }), AUTH)).toEqual({
      userId: 'user-1',
      role: Role.CURATOR,
      municipalityId: MUNICIPALITY,
      schoolId: SCHOOL_A,
      personId: null,
    });
  });

  it('accepts the same token untampered (control)', async () => {
    const token = await signToken(curator, AUTH);
    const [header, payload, signature] = token.split('.');
    expect(await verifyToken(`${header}.${base64url(decodePart(payload!))}.${signature}`, AUTH)).toEqual(curator);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('reads %p as %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('canSeeSchool', () => {
  const schoolRoleCaller = (role: Role, schoolId: string, municipalityId = MUNICIPALITY): Caller => ({ userId: 'u', role, municipalityId, schoolId, personId: null });

  it.each<[string, Caller, string, string, boolean]>([
    ['the office, a school of its municipality', office, MUNICIPALITY, SCHOOL_A, true],
    ['the office, another school of its municipality', office, MUNICIPALITY, SCHOOL_B, true],
    ['the office, a school of another municipality', office, OTHER_MUNICIPALITY, SCHOOL_A, false],
    ['a curator, own school', curator, MUNICIPALITY, SCHOOL_A, true],
    ['a curator, another school', curator, MUNICIPALITY, SCHOOL_B, false],
    ['a curator, own school id under another municipality', curator, OTHER_MUNICIPALITY, SCHOOL_A, false],
    ['a mentee, own school', schoolRoleCaller(Role.MENTEE, SCHOOL_B), MUNICIPALITY, SCHOOL_B, true],
    ['a psychologist, another school', schoolRoleCaller(Role.PSYCHOLOGIST, SCHOOL_B), MUNICIPALITY, SCHOOL_A, false],
    ['a school admin of another municipality', schoolRoleCaller(Role.SCHOOL_ADMIN, SCHOOL_A, OTHER_MUNICIPALITY), MUNICIPALITY, SCHOOL_A, false],
  ])('%s → %s', (_case, caller, municipalityId, schoolId, visible) => {
    expect(canSeeSchool(caller, { municipalityId, schoolId })).toBe(visible);
  });
});

describe('assertCanManageSchool', () => {
  const school = { municipalityId: MUNICIPALITY, schoolId: SCHOOL_A };

  it.each(SCHOOL_ROLES.map((role) => [role, [Role.SCHOOL_ADMIN, Role.CURATOR].includes(role)] as const))('%s of the school may manage it: %s', (role, allowed) => {
    const caller: Caller = { userId: 'u', role, municipalityId: MUNICIPALITY, schoolId: SCHOOL_A, personId: null };
    if (allowed) {
      expect(() => assertCanManageSchool(caller, school)).not.toThrow();
    } else {
      expect(() => assertCanManageSchool(caller, school)).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
    }
  });

  it('lets the office manage any school of its municipality but not of another', () => {
    expect(() => assertCanManageSchool(office, school)).not.toThrow();
    expect(() => assertCanManageSchool(office, { ...school, municipalityId: OTHER_MUNICIPALITY })).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
  });

  it('refuses a curator another school', () => {
    expect(() => assertCanManageSchool(curator, { ...school, schoolId: SCHOOL_B })).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
  });
});

describe('TokenVerifier', () => {
  it('answers a verified token again without verifying it, until the token expires', async () => {
    let now = Date.now();
    const verifier = new TokenVerifier(AUTH, 10, () => now);
    const token = await signToken(curator, AUTH, '1h');
    const first = await verifier.verify(token);
    expect(first).toEqual(curator);
    expect(await verifier.verify(token)).toBe(first);
    // Past the token's expiry (on the verifier's clock) it is verified afresh: a new answer, not the remembered one.
    now += 2 * 60 * 60 * 1000;
    const again = await verifier.verify(token);
    expect(again).not.toBe(first);
    expect(again).toEqual(curator);
  });

  it('refuses a tampered or foreign token even after its genuine twin was remembered', async () => {
    const verifier = new TokenVerifier(AUTH);
    const token = await signToken(curator, AUTH);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${base64url({ ...decodePart(payload!), role: 'MUNICIPAL_ADMIN' })}.${signature}`;
    expect((await refusal(verifier.verify(tampered))).code).toBe(ErrorCode.UNAUTHENTICATED);
    const foreign = await signToken(curator, { ...AUTH, jwtSecret: 'another-secret-another-secret-another' });
    expect((await refusal(verifier.verify(foreign))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('keeps at most the given number of tokens, dropping the oldest', async () => {
    const verifier = new TokenVerifier(AUTH, 2);
    const tokens = await Promise.all(['a', 'b', 'c'].map((id) => signToken({ ...curator, userId: id }, AUTH)));
    const first = await verifier.verify(tokens[0]!);
    await verifier.verify(tokens[1]!);
    await verifier.verify(tokens[2]!);
    expect(await verifier.verify(tokens[0]!)).not.toBe(first);
  });
});
