import { IsIsoDate } from '@nastavnik/platform';
import { IsEnum, IsNumber, IsOptional, IsUUID, Matches } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { MeasurementSource, MeasurementStage } from './measurement.enums';

@InputType()
export class RecordMeasurementInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field({ description: 'Key of a parameter of the catalogue, e.g. motivation' })
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'parameterKey must be a snake_case key' })
  parameterKey: string;

  @Field(() => MeasurementStage)
  @IsEnum(MeasurementStage)
  stage: MeasurementStage;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field({ description: 'ISO date of the measurement' })
  @IsIsoDate()
  measuredOn: string;

  @Field(() => MeasurementSource)
  @IsEnum(MeasurementSource)
  source: MeasurementSource = MeasurementSource.DIRECT_ENTRY;
}

@InputType()
export class MeasurementFilter {
  @Field(() => MeasurementStage, { nullable: true })
  @IsOptional()
  @IsEnum(MeasurementStage)
  stage?: MeasurementStage;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'parameterKey must be a snake_case key' })
  parameterKey?: string;
}
