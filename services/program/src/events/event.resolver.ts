import { groupByKeys, RequestContext, today } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { MentoringProgram } from '../programs/program.entity';
import { Certificate, ProgramEvent } from './event.entity';
import type { EventService } from './event.service';
import { AddEventParticipantsInput, AddProgramEventInput, IssueCertificateInput } from './event.types';

@Resolver(() => ProgramEvent)
export class EventResolver {
  constructor(private readonly eventService: EventService) {}

  @Mutation(() => ProgramEvent, { description: 'Plans a training, seminar, master class, open lesson, joint meeting or the final ceremony' })
  addProgramEvent(@Arg('input') input: AddProgramEventInput, @Ctx() context: RequestContext): Promise<ProgramEvent> {
    return this.eventService.add(context.caller, input);
  }

  @Mutation(() => ProgramEvent)
  addEventParticipants(@Arg('input') input: AddEventParticipantsInput, @Ctx() context: RequestContext): Promise<ProgramEvent> {
    return this.eventService.addParticipants(context, input);
  }

  @Mutation(() => Certificate, { description: 'Issues a mentor the certificate of a training-type event they took part in' })
  issueCertificate(@Arg('input') input: IssueCertificateInput, @Ctx() context: RequestContext): Promise<Certificate> {
    return this.eventService.issueCertificate(context, input, today());
  }

  @FieldResolver(() => [PersonReference])
  async participants(@Root() event: ProgramEvent, @Ctx() context: RequestContext): Promise<PersonReference[]> {
    const rows = await context
      .loader<string, { personId: string }[]>('program.eventParticipants', async (ids) => groupByKeys(ids, await this.eventService.participantsOf(ids), (row) => row.eventId))
      .load(event.id);
    return rows.map((row) => ({ id: row.personId }));
  }

  @FieldResolver(() => [Certificate])
  certificates(@Root() event: ProgramEvent, @Ctx() context: RequestContext): Promise<Certificate[]> {
    return context
      .loader<string, Certificate[]>('program.eventCertificates', async (ids) => groupByKeys(ids, await this.eventService.certificatesOfEvents(ids), (row) => row.eventId))
      .load(event.id);
  }
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @FieldResolver(() => PersonReference)
  person(@Root() certificate: Certificate): PersonReference {
    return { id: certificate.personId };
  }
}

@Resolver(() => MentoringProgram)
export class ProgramEventsResolver {
  constructor(private readonly eventService: EventService) {}

  @FieldResolver(() => [ProgramEvent], { description: 'Events of the programme by date' })
  events(@Root() program: MentoringProgram, @Ctx() context: RequestContext): Promise<ProgramEvent[]> {
    return context.loader<string, ProgramEvent[]>('program.events', async (ids) => groupByKeys(ids, await this.eventService.ofPrograms(context.caller, ids), (event) => event.programId)).load(program.id);
  }
}

@Resolver(() => PersonReference)
export class PersonCertificatesResolver {
  constructor(private readonly eventService: EventService) {}

  @FieldResolver(() => [Certificate], { description: 'Certificates of mentor training the person received' })
  certificates(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<Certificate[]> {
    return context
      .loader<string, Certificate[]>('program.personCertificates', async (ids) => groupByKeys(ids, await this.eventService.certificatesOfPeople(context.caller, ids), (row) => row.personId))
      .load(person.id);
  }
}
