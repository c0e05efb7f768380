import {
  assertCanManageSchool,
  assertConsent,
  AuditAction,
  DomainError,
  ErrorCode,
  notFound,
  recordChange,
  scopeToCaller,
  today,
  type Caller,
  type DataSource,
  type EntityManager,
  type Processing,
  type RequestContext,
} from '@nastavnik/platform';
import { IsNull } from 'typeorm';
import type { PersonService } from '../people/person.service';
import { Consent } from './consent.entity';
import type { GiveConsentInput, WithdrawConsentInput } from './consent.types';

/** Consents are recorded by the school's base keepers, or by the person about themself. */
function assertMayRecordConsent(caller: Caller, subject: { personId: string; municipalityId: string; schoolId: string }): void {
  if (caller.personId === subject.personId) return;
  assertCanManageSchool(caller, subject);
}

/**
 * Refuses a processing of the person's data that their active consents do not allow. The consent
 * rows are read with a share lock, so a withdrawal in flight finishes first (and refuses this write)
 * or waits until this write commits.
 */
export async function assertPersonConsent(manager: EntityManager, personId: string, processing: Processing, field: string): Promise<void> {
  const active = await manager
    .getRepository(Consent)
    .createQueryBuilder('consent')
    .where('consent.person_id = :personId AND consent.withdrawn_on IS NULL', { personId })
    .setLock('pessimistic_read')
    .getMany();
  assertConsent(processing, active.map((consent) => consent.scope), field);
}

export class ConsentService {
  constructor(
    private readonly db: DataSource,
    private readonly people: PersonService,
  ) {}

  consentsOf(caller: Caller, personIds: readonly string[]): Promise<Consent[]> {
    return scopeToCaller(this.db.getRepository(Consent).createQueryBuilder('consent'), caller)
      .andWhere('consent.person_id = ANY(:personIds)', { personIds })
      .orderBy('consent.given_on', 'DESC')
      .getMany();
  }

  async give(context: RequestContext, input: GiveConsentInput): Promise<Consent> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const person = await this.people.getVisible(caller, input.personId, manager, 'input.personId');
      assertMayRecordConsent(caller, { personId: person.id, municipalityId: person.municipalityId, schoolId: person.schoolId });
      const repository = manager.getRepository(Consent);
      if (await repository.existsBy({ personId: person.id, scope: input.scope, withdrawnOn: IsNull() })) {
        throw new DomainError(ErrorCode.CONFLICT, 'This consent is already given and active', 'input.scope');
      }
      const consent = await repository.save(
        repository.create({
          personId: person.id,
          municipalityId: person.municipalityId,
          schoolId: person.schoolId,
          scope: input.scope,
          givenOn: input.givenOn ?? today(),
          withdrawnOn: null,
          recordedBy: caller.userId,
        }),
      );
      await recordChange(manager, context, { action: AuditAction.CREATE, entityType: 'Consent', entityId: consent.id, personId: person.id, schoolId: person.schoolId, fields: ['scope', 'givenOn'] });
      return consent;
    });
  }

  /** Withdrawal takes effect at once; the consent record itself stays as proof. */
  async withdraw(context: RequestContext, input: WithdrawConsentInput): Promise<Consent> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Consent);
      const consent = await scopeToCaller(repository.createQueryBuilder('consent'), caller)
        .andWhere('consent.id = :id', { id: input.consentId })
        .setLock('pessimistic_write')
        .getOne();
      if (!consent) throw notFound('Consent', 'input.consentId');
      assertMayRecordConsent(caller, consent);
      if (consent.withdrawnOn) throw new DomainError(ErrorCode.CONFLICT, `This consent was already withdrawn on ${consent.withdrawnOn}`, 'input.consentId');
      const withdrawnOn = input.withdrawnOn ?? today();
      if (withdrawnOn < consent.givenOn) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `A consent cannot be withdrawn before it was given (${consent.givenOn})`, 'input.withdrawnOn');
      }
      await repository.update(consent.id, { withdrawnOn });
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'Consent', entityId: consent.id, personId: consent.personId, schoolId: consent.schoolId, fields: ['withdrawnOn'] });
      return repository.findOneByOrFail({ id: consent.id });
    });
  }
}
