import {
  assertConsent,
  assertRole,
  AuditAction,
  DomainError,
  ErrorCode,
  notFound,
  ownPersonId,
  Processing,
  recordChange,
  scopeToCaller,
  type Caller,
  type DataSource,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import { PSYCHOLOGICAL_RECORDERS, readsPersonalData } from '../access';
import type { ParameterService } from '../parameters/parameter.service';
import type { ProgramDirectory } from '../programs/program.directory';
import { Measurement } from './measurement.entity';
import { MeasurementSource } from './measurement.enums';
import type { MeasurementFilter, RecordMeasurementInput } from './measurement.types';

export class MeasurementService {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ParticipantDirectory,
    private readonly programs: ProgramDirectory,
    private readonly parameters: ParameterService,
  ) {}

  /** Values are psychological data: the school's curator and psychologist see its values, anybody else only their own. */
  private visible(caller: Caller, filter: MeasurementFilter = {}) {
    const query = this.inScope(caller, filter);
    if (!readsPersonalData(caller)) query.andWhere('measurement.person_id = :me', { me: ownPersonId(caller) });
    return query;
  }

  private inScope(caller: Caller, filter: MeasurementFilter = {}) {
    const query = scopeToCaller(this.db.getRepository(Measurement).createQueryBuilder('measurement'), caller);
    if (filter.stage) query.andWhere('measurement.stage = :stage', { stage: filter.stage });
    if (filter.parameterKey) query.andWhere('measurement.parameter_key = :parameterKey', { parameterKey: filter.parameterKey });
    return query.orderBy('measurement.parameter_key').addOrderBy('measurement.measured_on');
  }

  ofPeople(caller: Caller, personIds: readonly string[], filter: MeasurementFilter = {}): Promise<Measurement[]> {
    return this.visible(caller, filter).andWhere('measurement.person_id = ANY(:personIds)', { personIds }).getMany();
  }

  ofPrograms(caller: Caller, programIds: readonly string[], filter: MeasurementFilter = {}): Promise<Measurement[]> {
    return this.visible(caller, filter).andWhere('measurement.program_id = ANY(:programIds)', { programIds }).getMany();
  }

  /**
   * Every value of the programmes in the caller's scope, whoever may read them one by one: only for
   * computing aggregates, which suppress their small groups for callers who may not see the persons.
   */
  forAggregatesOfPrograms(caller: Caller, programIds: readonly string[]): Promise<Measurement[]> {
    return this.inScope(caller).andWhere('measurement.program_id = ANY(:programIds)', { programIds }).getMany();
  }

  /**
   * Each parameter is measured once before and once after per programme; a second value for the
   * same slot is refused rather than silently replacing the first. The programme must be one the
   * caller may see, in the person's school.
   */
  async record(context: RequestContext, input: RecordMeasurementInput): Promise<Measurement> {
    const { caller } = context;
    assertRole(caller, PSYCHOLOGICAL_RECORDERS);
    // Values from questionnaires are recorded by closing their stage-2 campaign, never typed in.
    if (input.source !== MeasurementSource.DIRECT_ENTRY) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A value entered by hand is a DIRECT_ENTRY; values from responses come from closing their campaign', 'input.source');
    }
    const parameter = await this.parameters.get(caller, input.parameterKey, 'input.parameterKey');
    if (input.value < parameter.scaleMin || input.value > parameter.scaleMax) {
      throw new DomainError(ErrorCode.VALUE_OUT_OF_SCALE, `${parameter.name} is measured from ${parameter.scaleMin} to ${parameter.scaleMax}`, 'input.value');
    }
    const person = (await this.directory.people(context, [input.personId])).get(input.personId);
    if (!person) throw notFound('Person', 'input.personId');
    assertConsent(Processing.MEASUREMENT, person.activeConsentScopes, 'input.personId');
    const program = await this.programs.program(context, input.programId, 'input.programId');
    if (program.schoolId !== person.schoolId) {
      throw new DomainError(ErrorCode.OTHER_SCHOOL, 'The programme belongs to another school than the person', 'input.programId');
    }
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Measurement);
      const inserted = await repository
        .createQueryBuilder()
        .insert()
        .values({
          municipalityId: person.municipalityId,
          schoolId: person.schoolId,
          personId: person.id,
          programId: program.id,
          parameterKey: parameter.key,
          stage: input.stage,
          value: input.value,
          measuredOn: input.measuredOn,
          source: input.source,
          responseId: null,
          recordedBy: caller.userId,
        })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) {
        throw new DomainError(ErrorCode.MEASUREMENT_EXISTS, `This person already has a ${input.stage} value of ${input.parameterKey} in this programme`, 'input.stage');
      }
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'Measurement',
        entityId: id,
        personId: person.id,
        schoolId: person.schoolId,
        fields: ['parameterKey', 'stage', 'value', 'measuredOn'],
      });
      return repository.findOneByOrFail({ id });
    });
  }
}
