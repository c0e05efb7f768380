import { IsIsoDate, IsOmittable } from '@nastavnik/platform';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { InterviewResult, MentorKind, MentorStatus } from './mentor.enums';

@InputType({ description: 'Adds a person to the mentor base as a candidate' })
export class OpenMentorProfileInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => MentorKind)
  @IsEnum(MentorKind)
  kind: MentorKind;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  subjects: string[] = [];

  @Field(() => [String])
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  competences: string[] = [];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(20)
  capacity: number = 1;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  interviewOn?: string | null;

  @Field(() => InterviewResult)
  @IsEnum(InterviewResult)
  interviewResult: InterviewResult = InterviewResult.PENDING;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  trainingCompletedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  certificateNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Entered into the base on (today by default)' })
  @IsOptional()
  @IsIsoDate()
  openedOn?: string | null;
}

@InputType()
export class UpdateMentorProfileInput {
  @Field(() => MentorKind, { nullable: true })
  @IsOmittable()
  @IsEnum(MentorKind)
  kind?: MentorKind;

  @Field(() => [String], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  subjects?: string[];

  @Field(() => [String], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  competences?: string[];

  @Field(() => Int, { nullable: true })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(20)
  capacity?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  interviewOn?: string | null;

  @Field(() => InterviewResult, { nullable: true })
  @IsOmittable()
  @IsEnum(InterviewResult)
  interviewResult?: InterviewResult;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  trainingCompletedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  certificateNumber?: string | null;
}

@InputType()
export class ChangeMentorStatusInput {
  @Field(() => ID)
  @IsUUID()
  profileId: string;

  @Field(() => MentorStatus)
  @IsEnum(MentorStatus)
  status: MentorStatus;

  @Field(() => String, { nullable: true, description: 'Effective date (today by default)' })
  @IsOptional()
  @IsIsoDate()
  changedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
