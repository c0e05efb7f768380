import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  notFound,
  recordChange,
  scopeToCaller,
  type Caller,
  type DataSource,
  type EntityManager,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import type { ProgramService } from '../programs/program.service';
import { Certificate, EventParticipant, ProgramEvent } from './event.entity';
import { certificateRefusal } from './event.rules';
import type { AddEventParticipantsInput, AddProgramEventInput, IssueCertificateInput } from './event.types';

export class EventService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
    private readonly directory: ParticipantDirectory,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(ProgramEvent).createQueryBuilder('event'), caller);
  }

  private async getVisible(caller: Caller, id: string, field: string, manager?: EntityManager): Promise<ProgramEvent> {
    const event = await this.visible(caller, manager).andWhere('event.id = :id', { id }).getOne();
    if (!event) throw notFound('Event', field);
    return event;
  }

  ofPrograms(caller: Caller, programIds: readonly string[]): Promise<ProgramEvent[]> {
    return this.visible(caller).andWhere('event.program_id = ANY(:programIds)', { programIds }).orderBy('event.held_on').addOrderBy('event.created_at').getMany();
  }

  participantsOf(eventIds: readonly string[]): Promise<EventParticipant[]> {
    return this.db.getRepository(EventParticipant).createQueryBuilder('participant').where('participant.event_id = ANY(:eventIds)', { eventIds }).getMany();
  }

  certificatesOfEvents(eventIds: readonly string[]): Promise<Certificate[]> {
    return this.db.getRepository(Certificate).createQueryBuilder('certificate').where('certificate.event_id = ANY(:eventIds)', { eventIds }).orderBy('certificate.issued_on').getMany();
  }

  certificatesOfPeople(caller: Caller, personIds: readonly string[]): Promise<Certificate[]> {
    return scopeToCaller(this.db.getRepository(Certificate).createQueryBuilder('certificate'), caller)
      .andWhere('certificate.person_id = ANY(:personIds)', { personIds })
      .orderBy('certificate.issued_on')
      .getMany();
  }

  async add(caller: Caller, input: AddProgramEventInput): Promise<ProgramEvent> {
    const program = await this.programs.getVisible(caller, input.programId, undefined, 'input.programId');
    assertCanManageSchool(caller, program);
    const repository = this.db.getRepository(ProgramEvent);
    return repository.save(
      repository.create({
        programId: program.id,
        municipalityId: program.municipalityId,
        schoolId: program.schoolId,
        type: input.type,
        title: input.title.trim(),
        heldOn: input.heldOn,
        location: input.location ?? null,
        description: input.description ?? null,
      }),
    );
  }

  /** Participants are teachers of the programme's school; adding one twice changes nothing. */
  async addParticipants(context: RequestContext, input: AddEventParticipantsInput): Promise<ProgramEvent> {
    const { caller } = context;
    const event = await this.getVisible(caller, input.eventId, 'input.eventId');
    assertCanManageSchool(caller, event);
    const people = await this.directory.people(context, input.personIds);
    for (const personId of input.personIds) {
      const person = people.get(personId);
      if (!person) throw notFound('Person', 'input.personIds');
      if (person.schoolId !== event.schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'A participant works at another school', 'input.personIds');
    }
    await this.db.transaction(async (manager) => {
      await manager.getRepository(EventParticipant).upsert(
        input.personIds.map((personId) => ({ eventId: event.id, personId })),
        ['eventId', 'personId'],
      );
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'ProgramEvent', entityId: event.id, personIds: input.personIds, schoolId: event.schoolId, fields: ['participants'] });
    });
    return event;
  }

  async issueCertificate(context: RequestContext, input: IssueCertificateInput, today: string): Promise<Certificate> {
    const { caller } = context;
    const event = await this.getVisible(caller, input.eventId, 'input.eventId');
    assertCanManageSchool(caller, event);
    const person = (await this.directory.people(context, [input.personId])).get(input.personId);
    if (!person) throw notFound('Person', 'input.personId');
    return this.db.transaction(async (manager) => {
      const isParticipant = await manager.getRepository(EventParticipant).existsBy({ eventId: event.id, personId: input.personId });
      const refusal = certificateRefusal({ type: event.type, heldOn: event.heldOn, isParticipant, inMentorBase: person.mentorProfile !== null }, today);
      if (refusal) throw new DomainError(ErrorCode[refusal.code], refusal.message, refusal.code === 'VALIDATION_FAILED' || refusal.code === 'EVENT_NOT_HELD' ? 'input.eventId' : 'input.personId');
      if (input.issuedOn < event.heldOn) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A certificate is issued on or after the event', 'input.issuedOn');
      if (await manager.getRepository(Certificate).existsBy({ eventId: event.id, personId: input.personId })) {
        throw new DomainError(ErrorCode.CONFLICT, 'The person already has a certificate of this event', 'input.personId');
      }
      const repository = manager.getRepository(Certificate);
      const certificate = await repository.save(
        repository.create({ eventId: event.id, personId: input.personId, municipalityId: event.municipalityId, schoolId: event.schoolId, number: input.number.trim(), issuedOn: input.issuedOn }),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'Certificate',
        entityId: certificate.id,
        personId: input.personId,
        schoolId: event.schoolId,
        fields: ['number', 'issuedOn'],
      });
      return certificate;
    });
  }
}
