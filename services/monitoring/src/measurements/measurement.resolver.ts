import { groupByKeys, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { MentoringProgramReference } from '../programs/program.reference';
import type { MeasurementGapService } from './measurement-gaps.service';
import { MeasurementGapFilter, MeasurementGaps } from './measurement-gaps.types';
import { Measurement } from './measurement.entity';
import type { MeasurementService } from './measurement.service';
import { MeasurementFilter, RecordMeasurementInput } from './measurement.types';

function filterKey(filter: MeasurementFilter | undefined): string {
  return `${filter?.stage ?? ''}:${filter?.parameterKey ?? ''}`;
}

@Resolver(() => Measurement)
export class MeasurementResolver {
  constructor(
    private readonly measurementService: MeasurementService,
    private readonly gapService: MeasurementGapService,
  ) {}

  @Mutation(() => Measurement, { description: 'Records a before or after value of a parameter for a participant' })
  recordMeasurement(@Arg('input') input: RecordMeasurementInput, @Ctx() context: RequestContext): Promise<Measurement> {
    return this.measurementService.record(context, input);
  }

  @Query(() => MeasurementGaps, { description: 'Participants, pairs and schools still lacking a before or an after value; for the office and a school’s administration only the schools, small ones suppressed' })
  measurementGaps(@Arg('filter', () => MeasurementGapFilter) filter: MeasurementGapFilter, @Ctx() context: RequestContext): Promise<MeasurementGaps> {
    return this.gapService.gaps(context, filter.programIds);
  }

  /** A value is psychological data: every read goes to the audit log (one entry per request). */
  @FieldResolver(() => Float)
  value(@Root() measurement: Measurement, @Ctx() context: RequestContext): number {
    context.auditedReads.note({ entityType: 'Measurement', schoolId: measurement.schoolId, entityIds: [measurement.id], personIds: [measurement.personId], fields: ['value'] });
    return measurement.value;
  }

  @FieldResolver(() => PersonReference)
  person(@Root() measurement: Measurement): PersonReference {
    return { id: measurement.personId };
  }

  @FieldResolver(() => MentoringProgramReference)
  program(@Root() measurement: Measurement): MentoringProgramReference {
    return { id: measurement.programId };
  }
}

@Resolver(() => PersonReference)
export class PersonMeasurementsResolver {
  constructor(private readonly measurementService: MeasurementService) {}

  @FieldResolver(() => [Measurement], { description: 'Before and after values of the person, by parameter' })
  measurements(
    @Root() person: PersonReference,
    @Arg('filter', () => MeasurementFilter, { nullable: true }) filter: MeasurementFilter | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Measurement[]> {
    return context
      .loader<string, Measurement[]>(`monitoring.measurements:${filterKey(filter)}`, async (ids) =>
        groupByKeys(ids, await this.measurementService.ofPeople(context.caller, ids, filter), (m) => m.personId),
      )
      .load(person.id);
  }
}

export { filterKey as measurementFilterKey };
