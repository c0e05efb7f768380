import {
  assertCanManageSchool,
  assertRole,
  clearPerson,
  ERASED_PERSON_NAME,
  ERASURE_FOLLOWERS,
  notFound,
  Role,
  scopeToCaller,
  systemActor,
  type AuditActor,
  type Caller,
  type ClearingStep,
  type DataSource,
  type EntityManager,
  type ErasureConfirmedJobData,
  type Logger,
  type RequestContext,
} from '@nastavnik/platform';
import type { PersonService } from '../people/person.service';
import { ErasureAct, ErasureConfirmation, ErasureStatus } from './erasure.entity';
import { actStatus, retentionCutoff } from './erasure.rules';
import type { ErasePersonInput } from './erasure.types';
import { ErasureActView } from './erasure.types';
import type { PersonalDataQueue } from './personal-data.queue';

export const RETENTION = 'retention';

/** What the participant database clears: the columns that identify the person or are free text about them. */
const PARTICIPANT_CLEARING: readonly ClearingStep[] = [
  {
    table: 'person',
    columns: ['full_name', 'email', 'phone', 'staff_number', 'birth_year'],
    sql: `UPDATE person SET full_name = $2, email = NULL, phone = NULL, staff_number = NULL, birth_year = NULL,
            archived_at = COALESCE(archived_at, now()), erased_at = now(), version = version + 1 WHERE id = $1`,
  },
  { table: 'mentor_profile', columns: ['competences', 'certificate_number'], sql: `UPDATE mentor_profile SET competences = '{}', certificate_number = NULL WHERE person_id = $1` },
  {
    table: 'mentor_status_change',
    columns: ['note'],
    sql: `UPDATE mentor_status_change SET note = NULL WHERE note IS NOT NULL AND profile_id IN (SELECT id FROM mentor_profile WHERE person_id = $1)`,
  },
  { table: 'mentee_profile', columns: ['requests', 'deficits'], sql: `UPDATE mentee_profile SET requests = '{}', deficits = '{}' WHERE person_id = $1` },
  {
    table: 'mentee_status_change',
    columns: ['note'],
    sql: `UPDATE mentee_status_change SET note = NULL WHERE note IS NOT NULL AND profile_id IN (SELECT id FROM mentee_profile WHERE person_id = $1)`,
  },
];

/**
 * Erasure of a person (152-ФЗ): anonymised in place — ids, school, role, dates and every number stay,
 * so figures already reported stay consistent — with an act that records what each service cleared.
 */
export class PersonErasureService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
    private readonly queue: PersonalDataQueue | null,
    private readonly retentionDays: number,
    private readonly log: Logger,
  ) {}

  async erase(context: RequestContext, input: ErasePersonInput): Promise<ErasureActView> {
    const { caller } = context;
    assertRole(caller, [Role.SCHOOL_ADMIN, Role.MUNICIPAL_ADMIN]);
    const act = await this.db.transaction(async (manager) => {
      const person = await this.people.getVisible(caller, input.personId, manager, 'input.personId');
      assertCanManageSchool(caller, person);
      return this.anonymise(manager, person.id, input.reason.trim(), caller.userId, () => context);
    });
    await this.dispatch(act);
    return this.view(act);
  }

  /** The act of a person the caller manages, or null when the person was never erased. */
  async actOf(caller: Caller, personId: string): Promise<ErasureActView | null> {
    assertRole(caller, [Role.SCHOOL_ADMIN, Role.MUNICIPAL_ADMIN]);
    const act = await scopeToCaller(this.db.getRepository(ErasureAct).createQueryBuilder('act'), caller)
      .andWhere('act.person_id = :personId', { personId })
      .getOne();
    if (!act) {
      await this.people.getVisible(caller, personId, undefined, 'personId');
      return null;
    }
    return this.view(act);
  }

  /** Idempotent: a second request for the same person answers the first act. */
  private async anonymise(
    manager: EntityManager,
    personId: string,
    reason: string,
    requestedBy: string,
    actorIn: (municipalityId: string) => AuditActor,
  ): Promise<ErasureAct> {
    const [locked] = (await manager.query(`SELECT id, municipality_id, school_id FROM person WHERE id = $1 FOR UPDATE`, [personId])) as {
      id: string;
      municipality_id: string;
      school_id: string;
    }[];
    if (!locked) throw notFound('Person', 'input.personId');
    const existing = await manager.getRepository(ErasureAct).findOneBy({ personId });
    if (existing) return existing;
    const cleared = await clearPerson(manager, PARTICIPANT_CLEARING, { personId, schoolId: locked.school_id, neutral: ERASED_PERSON_NAME }, actorIn(locked.municipality_id));
    const act = await manager.getRepository(ErasureAct).save(
      manager.getRepository(ErasureAct).create({ personId, municipalityId: locked.municipality_id, schoolId: locked.school_id, reason, requestedBy }),
    );
    await manager.getRepository(ErasureConfirmation).insert([
      { actId: act.id, service: 'participant', status: ErasureStatus.COMPLETED, cleared, confirmedAt: new Date() },
      ...ERASURE_FOLLOWERS.map((service) => ({ actId: act.id, service, status: ErasureStatus.PENDING, cleared: [], confirmedAt: null })),
    ]);
    this.log.info({ actId: act.id, personId, requestedBy, cleared }, 'person anonymised; erasure act recorded');
    return act;
  }

  /** Sends the act to the services still pending; a queue that is down leaves them pending for the next sweep. */
  private async dispatch(act: ErasureAct): Promise<void> {
    if (!this.queue) {
      this.log.warn({ actId: act.id }, 'no REDIS_URL: erasure stays pending in program and monitoring');
      return;
    }
    const pending = await this.db.getRepository(ErasureConfirmation).findBy({ actId: act.id, status: ErasureStatus.PENDING });
    try {
      for (const { service } of pending) {
        if (service === 'participant') continue;
        await this.queue.dispatch(service, { actId: act.id, personId: act.personId, municipalityId: act.municipalityId, schoolId: act.schoolId });
      }
    } catch (error) {
      this.log.error({ err: error, actId: act.id }, 'erasure not dispatched; the retention sweep sends it again');
    }
  }

  /** A service's confirmation; recorded once, a repeated one changes nothing. */
  async confirm(data: ErasureConfirmedJobData): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(ErasureConfirmation)
      .set({ status: ErasureStatus.COMPLETED, cleared: data.cleared, confirmedAt: new Date(data.completedAt) })
      .where('act_id = :actId AND service = :service AND status = :pending', { actId: data.actId, service: data.service, pending: ErasureStatus.PENDING })
      .execute();
  }

  /**
   * The daily retention job: people archived longer than RETENTION_DAYS ago are anonymised (act
   * reason «retention»), and acts still pending in another service are sent again.
   */
  async sweep(now: Date): Promise<{ anonymised: number; redispatched: number }> {
    const due = (await this.db.query(`SELECT id FROM person WHERE erased_at IS NULL AND archived_at IS NOT NULL AND archived_at < $1 ORDER BY archived_at`, [
      retentionCutoff(now, this.retentionDays),
    ])) as { id: string }[];
    for (const { id } of due) {
      await this.db.transaction((manager) =>
        this.anonymise(manager, id, RETENTION, RETENTION, (municipalityId) => systemActor(RETENTION, municipalityId, `retention-${now.toISOString().slice(0, 10)}`)),
      );
    }
    // The acts just recorded are pending in program and monitoring too: sent once, with the older ones.
    const pending = await this.db
      .getRepository(ErasureAct)
      .createQueryBuilder('act')
      .where(`EXISTS (SELECT 1 FROM erasure_confirmation c WHERE c.act_id = act.id AND c.status = :pending)`, { pending: ErasureStatus.PENDING })
      .getMany();
    for (const act of pending) await this.dispatch(act);
    this.log.info({ anonymised: due.length, pending: pending.length }, 'retention sweep done');
    return { anonymised: due.length, redispatched: pending.length };
  }

  private async view(act: ErasureAct): Promise<ErasureActView> {
    const order: string[] = ['participant', ...ERASURE_FOLLOWERS];
    const services = (await this.db.getRepository(ErasureConfirmation).findBy({ actId: act.id })).sort((a, b) => order.indexOf(a.service) - order.indexOf(b.service));
    return Object.assign(new ErasureActView(), {
      id: act.id,
      personId: act.personId,
      schoolId: act.schoolId,
      reason: act.reason,
      requestedBy: act.requestedBy,
      requestedAt: act.requestedAt,
      status: actStatus(services),
      services,
    });
  }
}
