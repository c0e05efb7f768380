import { IsIsoDate, IsOmittable } from '@nastavnik/platform';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class IndicatorScoreInput {
  @Field(() => Int, { description: 'Indicator number, 1–9' })
  @IsInt()
  @Min(1)
  @Max(9)
  indicator: number;

  @Field(() => Int, { nullable: true, description: '0, 1 or 2; null leaves it unscored' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2)
  score?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType()
export class CreateScorecardInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => ID, { nullable: true, description: 'Evaluate one pair of the programme instead of the whole programme' })
  @IsOptional()
  @IsUUID()
  pairId?: string | null;

  @Field()
  @Length(2, 200)
  evaluatorName: string;

  @Field()
  @IsIsoDate()
  evaluatedOn: string;

  @Field(() => [IndicatorScoreInput])
  @ArrayMaxSize(9)
  @ValidateNested({ each: true })
  scores: IndicatorScoreInput[] = [];
}

@InputType({ description: 'Changes a draft; scores given replace those of the same indicators' })
export class UpdateScorecardInput {
  @Field(() => ID)
  @IsUUID()
  scorecardId: string;

  @Field(() => String, { nullable: true })
  @IsOmittable()
  @Length(2, 200)
  evaluatorName?: string;

  @Field(() => String, { nullable: true })
  @IsOmittable()
  @IsIsoDate()
  evaluatedOn?: string;

  @Field(() => [IndicatorScoreInput], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(9)
  @ValidateNested({ each: true })
  scores?: IndicatorScoreInput[];
}
