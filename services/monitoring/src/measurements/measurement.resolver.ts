import { groupByKeys, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { Measurement } from './measurement.entity';
import type { MeasurementService } from './measurement.service';
import { MeasurementFilter, RecordMeasurementInput } from './measurement.types';

@Resolver(() => Measurement)
export class MeasurementResolver {
  constructor(private readonly measurementService: MeasurementService) {}

  @Mutation(() => Measurement, { description: 'Records a before or after value of a parameter for a participant' })
  recordMeasurement(@Arg('input') input: RecordMeasurementInput, @Ctx() context: RequestContext): Promise<Measurement> {
    return this.measurementService.record(context, input);
  }

  @FieldResolver(() => PersonReference)
  person(@Root() measurement: Measurement): PersonReference {
    return { id: measurement.personId };
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
    const key = `monitoring.measurements:${filter?.stage ?? ''}:${filter?.parameterKey ?? ''}`;
    return context
      .loader<string, Measurement[]>(key, async (ids) =>
        groupByKeys(ids, await this.measurementService.ofPeople(context.caller, ids, filter), (m) => m.personId),
      )
      .load(person.id);
  }
}
