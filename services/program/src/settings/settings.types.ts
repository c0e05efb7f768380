import { IsOmittable } from '@nastavnik/platform';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({ description: 'Changes the municipality’s settings; left-out fields stay' })
export class UpdateMunicipalitySettingsInput {
  @Field({ nullable: true })
  @IsOmittable()
  @IsBoolean()
  allowMunicipalMentorPool?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(365)
  meetingGapDays?: number;

  @Field(() => Float, { nullable: true })
  @IsOmittable()
  @Min(0)
  @Max(100)
  weightSameSubject?: number;

  @Field(() => Float, { nullable: true })
  @IsOmittable()
  @Min(0)
  @Max(100)
  weightSubFormFit?: number;

  @Field(() => Float, { nullable: true })
  @IsOmittable()
  @Min(0)
  @Max(100)
  weightFreeCapacity?: number;

  @Field(() => Float, { nullable: true })
  @IsOmittable()
  @Min(0)
  @Max(100)
  weightCompatibility?: number;

  @Field(() => Float, { nullable: true })
  @IsOmittable()
  @Min(0)
  @Max(100)
  weightSameSchool?: number;
}
