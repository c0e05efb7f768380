import { IsIsoDate, IsOmittable } from '@nastavnik/platform';
import { ArrayMaxSize, IsEnum, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PlanTaskStatus } from './plan.enums';

@InputType()
export class CreateDevelopmentPlanInput {
  @Field(() => ID)
  @IsUUID()
  pairId: string;

  @Field(() => ID)
  @IsUUID()
  menteeId: string;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @Length(1, 1000, { each: true })
  goals: string[] = [];
}

@InputType()
export class AddPlanTaskInput {
  @Field(() => ID)
  @IsUUID()
  planId: string;

  @Field()
  @Length(2, 1000)
  title: string;

  @Field()
  @IsIsoDate()
  deadline: string;
}

@InputType({ description: 'Left-out fields stay' })
export class UpdatePlanTaskInput {
  @Field(() => PlanTaskStatus, { nullable: true })
  @IsOmittable()
  @IsEnum(PlanTaskStatus)
  status?: PlanTaskStatus;

  @Field({ nullable: true })
  @IsOmittable()
  @Length(2, 1000)
  title?: string;

  @Field({ nullable: true })
  @IsOmittable()
  @IsIsoDate()
  deadline?: string;
}
