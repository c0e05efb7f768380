import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { AccessRule } from './access';
import { AuditAction, AuditEntry } from './audit';
import { assertRole, Role, type Caller } from './auth';
import type { RequestContext } from './context';
import { PageInfo, PageInput, paginate, type Page } from './pagination';
import { scopeToCaller } from './scope';

/** Who may query the audit log: the school's administration (its school) and the office (its municipality). */
export const AUDIT_READERS: readonly Role[] = [Role.SCHOOL_ADMIN, Role.MUNICIPAL_ADMIN];

/** The matrix rule of each service's `<service>AuditLog` query. */
export const AUDIT_LOG_ACCESS: AccessRule = { allow: AUDIT_READERS, note: 'append-only; a school admin reads their school’s entries' };

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
 * Each service answers its own entries through a root query named after it (`participantAuditLog`,
 * `programAuditLog`, `monitoringAuditLog`); a client asks all three in one request with one filter
 * variable. Each service checks the caller's role and scope itself: the gateway enforces nothing.
 * Built per subgraph, so that each schema carries only its own query.
 */
export function createAuditLogResolver(service: 'participant' | 'program' | 'monitoring', db: DataSource): object {
  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, {
      name: `${service}AuditLog`,
      description: `The ${service} service's audit log of personal data, newest first: school administration (its school) and the office (its municipality) only`,
    })
    auditLog(
      @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
      @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
      @Ctx() context: RequestContext,
    ): Promise<Page<AuditEntry>> {
      return listAuditEntries(db, context.caller, filter ?? new AuditFilter(), page ?? new PageInput());
    }
  }
  return new AuditLogResolver();
}
