import { IsIsoDate } from '@nastavnik/platform';
import { IsInt, IsNumber, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class RecordCompatibilityInput {
  @Field(() => ID)
  @IsUUID()
  mentorId: string;

  @Field(() => ID)
  @IsUUID()
  menteeId: string;

  @Field(() => Float, { description: '0–100, higher is more compatible' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score: number;

  @Field()
  @IsIsoDate()
  testedOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  method?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(3000)
  conclusion?: string | null;
}

@InputType()
export class RecordSatisfactionCheckInput {
  @Field(() => ID)
  @IsUUID()
  pairId: string;

  @Field(() => ID, { nullable: true, description: 'The member asked; leave out for the pair as a whole' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => Int, { description: '1–10' })
  @IsInt()
  @Min(1)
  @Max(10)
  satisfaction: number;

  @Field()
  @IsIsoDate()
  checkedOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(3000)
  comment?: string | null;
}
