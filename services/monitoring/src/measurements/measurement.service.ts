import {
  assertRole,
  DomainError,
  ErrorCode,
  notFound,
  Role,
  scopeToCaller,
  type Caller,
  type DataSource,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import { findParameter } from '../questionnaires/questionnaire.templates';
import { Measurement } from './measurement.entity';
import type { MeasurementFilter, RecordMeasurementInput } from './measurement.types';

/** Who may enter a value directly: the psychologist and the curator of the school, and the office. */
const MEASUREMENT_RECORDERS = [Role.MUNICIPAL_ADMIN, Role.SCHOOL_ADMIN, Role.CURATOR, Role.PSYCHOLOGIST];

export class MeasurementService {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ParticipantDirectory,
  ) {}

  ofPeople(caller: Caller, personIds: readonly string[], filter: MeasurementFilter = {}): Promise<Measurement[]> {
    const query = scopeToCaller(this.db.getRepository(Measurement).createQueryBuilder('measurement'), caller).andWhere(
      'measurement.person_id = ANY(:personIds)',
      { personIds },
    );
    if (filter.stage) query.andWhere('measurement.stage = :stage', { stage: filter.stage });
    if (filter.parameterKey) query.andWhere('measurement.parameter_key = :parameterKey', { parameterKey: filter.parameterKey });
    return query.orderBy('measurement.parameter_key').addOrderBy('measurement.measured_on').getMany();
  }

  /**
   * Each parameter is measured once before and once after per programme; a second value for the
   * same slot is refused rather than silently replacing the first.
   */
  async record(context: RequestContext, input: RecordMeasurementInput): Promise<Measurement> {
    const { caller } = context;
    assertRole(caller, MEASUREMENT_RECORDERS);
    const parameter = findParameter(input.parameterKey);
    if (!parameter) throw new DomainError(ErrorCode.UNKNOWN_PARAMETER, `There is no parameter "${input.parameterKey}" in the catalogue`, 'input.parameterKey');
    if (input.value < parameter.scaleMin || input.value > parameter.scaleMax) {
      throw new DomainError(
        ErrorCode.VALUE_OUT_OF_SCALE,
        `${parameter.name} is measured from ${parameter.scaleMin} to ${parameter.scaleMax}`,
        'input.value',
      );
    }
    const person = (await this.directory.people(context, [input.personId])).get(input.personId);
    if (!person) throw notFound('Person', 'input.personId');
    const repository = this.db.getRepository(Measurement);
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values({
        municipalityId: person.municipalityId,
        schoolId: person.schoolId,
        personId: person.id,
        programId: input.programId,
        parameterKey: input.parameterKey,
        stage: input.stage,
        value: input.value,
        measuredOn: input.measuredOn,
        source: input.source,
        recordedBy: caller.userId,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) {
      throw new DomainError(
        ErrorCode.MEASUREMENT_EXISTS,
        `This person already has a ${input.stage} value of ${input.parameterKey} in this programme`,
        'input.stage',
      );
    }
    return repository.findOneByOrFail({ id });
  }
}
