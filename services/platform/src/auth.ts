import { timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { registerEnumType } from 'type-graphql';
import type { AuthConfig } from './config';
import { DomainError, ErrorCode, forbidden } from './errors';

export enum Role {
  MUNICIPAL_ADMIN = 'MUNICIPAL_ADMIN',
  SCHOOL_ADMIN = 'SCHOOL_ADMIN',
  CURATOR = 'CURATOR',
  MENTOR = 'MENTOR',
  MENTEE = 'MENTEE',
  PSYCHOLOGIST = 'PSYCHOLOGIST',
}
registerEnumType(Role, { name: 'Role', description: 'What a caller does in the mentoring programme' });

/** Who is calling, as proven by a verified token. Reaches every resolver through the request context. */
export interface Caller {
  /** The user account (token subject). */
  userId: string;
  role: Role;
  municipalityId: string;
  /** Null only for the municipal office, whose scope is every school of its municipality. */
  schoolId: string | null;
  /** The staff record of the caller, when the caller is a teacher in the system. */
  personId: string | null;
}

export const SCHOOL_ROLES: readonly Role[] = [Role.SCHOOL_ADMIN, Role.CURATOR, Role.MENTOR, Role.MENTEE, Role.PSYCHOLOGIST];

interface TokenClaims {
  role?: unknown;
  mun?: unknown;
  sch?: unknown;
  per?: unknown;
}

const ALGORITHM = 'HS256';

function unauthenticated(message: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message);
}

export async function signToken(caller: Caller, auth: AuthConfig, expiresIn = '12h'): Promise<string> {
  return new SignJWT({ role: caller.role, mun: caller.municipalityId, sch: caller.schoolId, per: caller.personId })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(caller.userId)
    .setIssuer(auth.jwtIssuer)
    .setAudience(auth.jwtAudience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(auth.jwtSecret));
}

/**
 * Verifies signature, expiry, issuer and audience, then the shape of the claims. Every path (GraphQL,
 * downloads, the queue dashboard) goes through here, so each gets the per-configuration cache below.
 */
export function verifyToken(token: string, auth: AuthConfig): Promise<Caller> {
  let verifier = verifiers.get(auth);
  if (!verifier) verifiers.set(auth, (verifier = new TokenVerifier(auth)));
  return verifier.verify(token);
}

const verifiers = new WeakMap<AuthConfig, TokenVerifier>();

async function verifyTokenClaims(token: string, auth: AuthConfig): Promise<{ caller: Caller; expiresAt: number }> {
  let payload: TokenClaims & { sub?: string; exp?: number };
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(auth.jwtSecret), {
      algorithms: [ALGORITHM],
      audience: auth.jwtAudience,
      issuer: auth.jwtIssuer,
    }));
  } catch {
    throw unauthenticated('The access token is invalid or expired');
  }
  const role = payload.role;
  if (typeof payload.sub !== 'string' || typeof role !== 'string' || !(role in Role) || typeof payload.mun !== 'string') {
    throw unauthenticated('The access token does not name a caller');
  }
  const schoolId = typeof payload.sch === 'string' ? payload.sch : null;
  if (role !== Role.MUNICIPAL_ADMIN && !schoolId) throw unauthenticated('The access token has no school for a school role');
  const caller: Caller = {
    userId: payload.sub,
    role: role as Role,
    municipalityId: payload.mun,
    schoolId: role === Role.MUNICIPAL_ADMIN ? null : schoolId,
    personId: typeof payload.per === 'string' ? payload.per : null,
  };
  return { caller, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY };
}

const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * `verifyToken` once per token rather than once per request: a dashboard sends the same token many
 * times a minute, and the HMAC plus claim checks are a visible share of a small query. A token is
 * remembered (by its whole text, signature included) only after it verified, and only until it expires.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { caller: Caller; expiresAt: number }>();

  constructor(
    private readonly auth: AuthConfig,
    private readonly kept = VERIFIED_TOKENS_KEPT,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Caller> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > this.now()) return known.caller;
    if (known) this.verified.delete(token);
    const checked = await verifyTokenClaims(token, this.auth);
    // The oldest entry leaves first (a Map iterates in insertion order).
    if (this.verified.size >= this.kept) this.verified.delete(this.verified.keys().next().value!);
    Object.freeze(checked.caller);
    this.verified.set(token, checked);
    return checked.caller;
  }
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

export function secretsEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function canSeeSchool(caller: Caller, school: { municipalityId: string; schoolId: string }): boolean {
  if (school.municipalityId !== caller.municipalityId) return false;
  return caller.schoolId === null || caller.schoolId === school.schoolId;
}

export function assertCanSeeSchool(caller: Caller, school: { municipalityId: string; schoolId: string }): void {
  if (!canSeeSchool(caller, school)) throw forbidden('This record belongs to another school');
}

export function assertRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.includes(caller.role)) throw forbidden(`This action needs one of the roles: ${roles.join(', ')}`);
}

/** Roles that keep a school's bases: the office, the school's administration and its curator. */
export const BASE_KEEPERS: readonly Role[] = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR];

/** May this caller change records of that school? */
export function assertCanManageSchool(caller: Caller, school: { municipalityId: string; schoolId: string }): void {
  assertRole(caller, BASE_KEEPERS);
  assertCanSeeSchool(caller, school);
}

/** Mentors and mentees see their own records only; the services narrow their queries for them. */
export function seesOwnRecordsOnly(caller: Caller): boolean {
  return caller.role === Role.MENTOR || caller.role === Role.MENTEE;
}

/** The caller's person id for a query parameter; a caller without one matches nobody. */
export function ownPersonId(caller: Caller): string {
  return caller.personId ?? '00000000-0000-0000-0000-000000000000';
}
