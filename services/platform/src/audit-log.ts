import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AuditAction, AuditEntry } from './audit';
import { assertRole, Role, type Caller } from './auth';
import type { RequestContext } from './context';
import { DomainError, ErrorCode } from './errors';
import { PageInfo, PageInput, paginate, type Page } from './pagination';
import { scopeToCaller } from './scope';

/** Who may query the audit log: the school's administration (its school) and the office (its municipality). */
export const AUDIT_READERS: readonly Role[] = [Role.SCHOOL_ADMIN, Role.MUNICIPAL_ADMIN];

@InputType({ description: 'Which audit entries to list; every condition given must hold' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Entries about this person (data subject)' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => String, { nullable: true, description: 'Entries by this account (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorUserId?: string;

  @Field(() => ID, { nullable: true, description: 'Entries by this staff member' })
  @IsOptional()
  @IsUUID()
  actorPersonId?: string;

  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @Field(() => String, { nullable: true, description: 'e.g. Person, Pair, Measurement' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @Field(() => ID, { nullable: true, description: 'One school of the office' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => Date, { nullable: true, description: 'From this moment, inclusive' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this moment' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ObjectType({ description: 'A page of audit entries, newest first' })
@Directive('@shareable')
export class AuditEntryConnection {
  @Field(() => [AuditEntry])
  nodes: AuditEntry[];

  @Field(() => Int, { description: 'All entries matching the filter, on every page' })
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRING_KEYS = ['personId', 'actorUserId', 'actorPersonId', 'action', 'entityType', 'schoolId', 'from', 'to'] as const;
type NormalisedFilter = Partial<Record<(typeof STRING_KEYS)[number], string>>;

/** The AuditLog entity's key: the filter with fixed key order and dates as ISO strings, base64url. */
export function encodeAuditKey(filter: AuditFilter): string {
  const normalised: NormalisedFilter = {};
  for (const key of STRING_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    normalised[key] = value instanceof Date ? value.toISOString() : String(value);
  }
  return Buffer.from(JSON.stringify(normalised)).toString('base64url');
}

function invalidKey(): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, 'The audit log key is not one this system issued', 'key');
}

/**
 * Reads a key back into a filter. The key reaches the other subgraphs from outside their own
 * validation, so it is checked here field by field; it only narrows, the caller's scope still applies.
 */
export function decodeAuditKey(key: string): AuditFilter {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    throw invalidKey();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidKey();
  const filter = new AuditFilter();
  for (const [name, raw] of Object.entries(value)) {
    if (!(STRING_KEYS as readonly string[]).includes(name) || typeof raw !== 'string' || raw.length > 200) throw invalidKey();
    if ((name === 'personId' || name === 'actorPersonId' || name === 'schoolId') && !UUID.test(raw)) throw invalidKey();
    if (name === 'action' && !(Object.values(AuditAction) as string[]).includes(raw)) throw invalidKey();
    if (name === 'from' || name === 'to') {
      const date = new Date(raw);
      if (Number.isNaN(date.getTime())) throw invalidKey();
      filter[name] = date;
    } else {
      (filter as Record<string, unknown>)[name] = raw;
    }
  }
  return filter;
}

export function assertCanReadAuditLog(caller: Caller): void {
  assertRole(caller, AUDIT_READERS);
}

/** One page of this service's audit entries, newest first, within the caller's school or municipality. */
export async function listAuditEntries(db: DataSource, caller: Caller, filter: AuditFilter, page: PageInput): Promise<Page<AuditEntry>> {
  assertCanReadAuditLog(caller);
  const query = scopeToCaller(db.getRepository(AuditEntry).createQueryBuilder('entry'), caller);
  if (filter.personId) query.andWhere('CAST(:personId AS uuid) = ANY(entry.person_ids)', { personId: filter.personId });
  if (filter.actorUserId) query.andWhere('entry.actor_user_id = :actorUserId', { actorUserId: filter.actorUserId });
  if (filter.actorPersonId) query.andWhere('entry.actor_person_id = :actorPersonId', { actorPersonId: filter.actorPersonId });
  if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
  if (filter.entityType) query.andWhere('entry.entity_type = :entityType', { entityType: filter.entityType });
  if (filter.schoolId) query.andWhere('entry.school_id = :schoolId', { schoolId: filter.schoolId });
  if (filter.from) query.andWhere('entry.occurred_at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('entry.occurred_at < :to', { to: filter.to });
  return paginate(query, page, { column: 'entry.occurred_at', valueOf: (entry) => entry.occurredAt, timestamp: true, descending: true });
}

/**
 * The audit log as a federated entity: the participant subgraph answers `Query.auditLog(filter)`
 * with its key (the encoded filter), and each subgraph adds a field named after itself with its own
 * entries. Every subgraph checks role and scope itself; the gateway enforces nothing.
 * Built per subgraph so that each one's AuditLog type carries only its own field.
 */
export function createAuditLog(service: 'participant' | 'program' | 'monitoring', db: DataSource) {
  @ObjectType('AuditLog', { description: 'The audit log of personal data, filtered; each service lists its own entries' })
  @Directive('@key(fields: "key")')
  class AuditLog {
    @Field(() => ID, { description: 'The filter, encoded' })
    key: string;
  }

  @Resolver(() => AuditLog)
  class AuditLogResolver {
    @FieldResolver(() => AuditEntryConnection, { name: service, description: `Entries of the ${service} service` })
    entries(
      @Root() log: AuditLog,
      @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
      @Ctx() context: RequestContext,
    ): Promise<Page<AuditEntry>> {
      return listAuditEntries(db, context.caller, decodeAuditKey(log.key), page ?? new PageInput());
    }
  }

  /** Only the owning (participant) subgraph lists this one among its resolvers. */
  @Resolver()
  class AuditLogQueryResolver {
    @Query(() => AuditLog, { description: 'The audit log of personal data: school administration (its school) and the office (its municipality) only' })
    auditLog(@Arg('filter', () => AuditFilter) filter: AuditFilter, @Ctx() context: RequestContext): AuditLog {
      assertCanReadAuditLog(context.caller);
      return Object.assign(new AuditLog(), { key: encodeAuditKey(filter) });
    }
  }

  return {
    AuditLog,
    resolver: new AuditLogResolver(),
    queryResolver: new AuditLogQueryResolver(),
    resolveReference: (reference: { key: string }, context: RequestContext): AuditLog => {
      assertCanReadAuditLog(context.caller);
      decodeAuditKey(reference.key);
      return Object.assign(new AuditLog(), { key: reference.key });
    },
  };
}
