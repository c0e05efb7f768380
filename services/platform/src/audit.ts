import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type DataSource, type EntityManager } from 'typeorm';
import { Role, type Caller } from './auth';
import type { RequestContext } from './context';
import { ErrorCode } from './errors';

/**
 * The audit log of actions with personal data (152-ФЗ, art. 19): who (token subject, role, person),
 * when (the database's clock), what (action, entity, data subjects, field names) and from where
 * (client address, request id). It holds ids and field names only, never the values, so it never
 * needs erasing. Each service keeps its own `audit_entry` table; a trigger refuses UPDATE, DELETE
 * and TRUNCATE, and no API changes it.
 */

/** The gateway sets it from the client's socket (or a trusted proxy); subgraphs trust it behind the gateway secret. */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  READ = 'READ',
  EXPORT = 'EXPORT',
  ERASE = 'ERASE',
}
registerEnumType(AuditAction, { name: 'AuditAction', description: 'What was done with personal data' });

@ObjectType({ description: 'One action with personal data; field names and ids only, never values' })
@Directive('@shareable')
@Entity('audit_entry')
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'When it happened, by the database clock' })
  @Column('timestamptz', { name: 'occurred_at', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID)
  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID, { description: 'The school whose data it was' })
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field({ description: 'The account that acted (token subject)' })
  @Column('text', { name: 'actor_user_id' })
  actorUserId: string;

  @Field(() => Role)
  @Column('text', { name: 'actor_role' })
  actorRole: Role;

  @Field(() => ID, { nullable: true, description: 'The staff record of the actor, when they have one' })
  @Column('uuid', { name: 'actor_person_id', nullable: true })
  actorPersonId: string | null;

  @Field(() => AuditAction)
  @Column('text')
  action: AuditAction;

  @Field({ description: 'The kind of record, e.g. Person, Pair, Measurement' })
  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Field(() => [ID], { description: 'The record changed, or every record of this type read in one request' })
  @Column('text', { name: 'entity_ids', array: true })
  entityIds: string[];

  @Field(() => [ID], { description: 'The people whose data it is (data subjects)' })
  @Column('uuid', { name: 'person_ids', array: true })
  personIds: string[];

  @Field(() => [String], { description: 'Names of the fields changed or read' })
  @Column('text', { array: true })
  fields: string[];

  @Field(() => String, { nullable: true, description: "The client's network address as the gateway saw it" })
  @Column('text', { name: 'client_address', nullable: true })
  clientAddress: string | null;

  @Field()
  @Column('text', { name: 'request_id' })
  requestId: string;
}

/** Who acts and from where: a RequestContext is one. */
export interface AuditActor {
  caller: Caller;
  requestId: string;
  clientAddress: string | null;
}

/**
 * The system acting on the office's authority where no request is behind a change (the retention
 * job, an erasure carried out by a queue): the account reads `system:<job>`, the request id names it.
 */
export function systemActor(job: string, municipalityId: string, requestId: string): AuditActor {
  return {
    caller: { userId: `system:${job}`, role: Role.MUNICIPAL_ADMIN, municipalityId, schoolId: null, personId: null },
    requestId,
    clientAddress: null,
  };
}

export interface AuditChange {
  action: AuditAction;
  /** The GraphQL type name of the record: Person, MentorProfile, Pair, Measurement … */
  entityType: string;
  entityId: string;
  /** The data subject(s): whose personal data changed. */
  personId?: string | null;
  personIds?: readonly string[];
  /** The school the record belongs to (scopes who may read the entry). */
  schoolId: string;
  /** Names of the fields set or changed (for ERASE/EXPORT: what was erased or exported). */
  fields?: readonly string[];
}

type EntryFacts = Pick<AuditEntry, 'action' | 'entityType' | 'entityIds' | 'schoolId'> & {
  personIds: readonly (string | null | undefined)[];
  fields?: readonly string[];
};

function entryRow(actor: AuditActor, entry: EntryFacts): Partial<AuditEntry> {
  return {
    municipalityId: actor.caller.municipalityId,
    schoolId: entry.schoolId,
    actorUserId: actor.caller.userId,
    actorRole: actor.caller.role,
    actorPersonId: actor.caller.personId,
    action: entry.action,
    entityType: entry.entityType,
    entityIds: entry.entityIds,
    personIds: [...new Set(entry.personIds.filter((id): id is string => Boolean(id)))],
    fields: [...new Set(entry.fields ?? [])].sort(),
    clientAddress: actor.clientAddress,
    // The request id may come from the client; it identifies, it is not a place for data.
    requestId: actor.requestId.slice(0, 100),
  };
}

/**
 * Records changes of personal data. Call it with the manager of the transaction that makes the
 * change, so the entry commits or rolls back with it:
 *
 *     await db.transaction(async (manager) => {
 *       … the change …
 *       await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'Person',
 *         entityId: person.id, personId: person.id, schoolId: person.schoolId, fields: ['email'] });
 *     });
 */
export async function recordChange(manager: EntityManager, actor: AuditActor, ...changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await manager
    .getRepository(AuditEntry)
    .insert(changes.map((change) => entryRow(actor, { ...change, entityIds: [change.entityId], personIds: [change.personId, ...(change.personIds ?? [])] })));
}

/** Writes the sensitive reads collected during a request, one row per entity type and school, in one statement. */
export async function writeAuditedReads(db: DataSource | EntityManager, context: RequestContext): Promise<void> {
  const reads = context.auditedReads.take();
  if (reads.length === 0) return;
  const manager = 'manager' in db ? db.manager : db;
  await manager.getRepository(AuditEntry).insert(reads.map((read) => entryRow(context, { action: AuditAction.READ, ...read })));
}

/**
 * Writes each request's sensitive reads before its response is sent. When the log cannot be
 * written the data is withheld: the response becomes an error, so no read goes unrecorded.
 */
export function auditReadsPlugin(db: DataSource): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue?.auditedReads || contextValue.auditedReads.size === 0) return;
          try {
            await writeAuditedReads(db, contextValue);
          } catch (error) {
            contextValue.log.error({ err: error }, 'audit of reads failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                new GraphQLError('The request could not be recorded; try again shortly', { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }),
              ];
            }
          }
        },
      };
    },
  };
}

/** The names of the fields an input sets (defined values), for an entry's `fields`. */
export function fieldsOf(input: object, ...omit: string[]): string[] {
  return Object.entries(input)
    .filter(([name, value]) => value !== undefined && !omit.includes(name))
    .map(([name]) => name);
}
