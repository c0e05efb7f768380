import { IsIsoDate, IsOmittable } from '@nastavnik/platform';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MenteeCategory, MenteeStatus } from './mentee.enums';

@InputType({ description: 'Adds a person to the mentee base' })
export class OpenMenteeProfileInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => [MenteeCategory], { description: 'YOUNG_SPECIALIST is derived from experience and may be left out' })
  @ArrayMaxSize(4)
  @IsEnum(MenteeCategory, { each: true })
  categories: MenteeCategory[] = [];

  @Field(() => [String], { description: 'Requests of the mentee (запросы)' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  requests: string[] = [];

  @Field(() => [String], { description: 'Professional deficits found by diagnostics' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  deficits: string[] = [];

  @Field(() => String, { nullable: true, description: 'Entered into the base on (today by default)' })
  @IsOptional()
  @IsIsoDate()
  openedOn?: string | null;
}

@InputType()
export class UpdateMenteeProfileInput {
  @Field(() => [MenteeCategory], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(4)
  @IsEnum(MenteeCategory, { each: true })
  categories?: MenteeCategory[];

  @Field(() => [String], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  requests?: string[];

  @Field(() => [String], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  deficits?: string[];
}

@InputType()
export class ChangeMenteeStatusInput {
  @Field(() => ID)
  @IsUUID()
  profileId: string;

  @Field(() => MenteeStatus)
  @IsEnum(MenteeStatus)
  status: MenteeStatus;

  @Field(() => String, { nullable: true, description: 'Effective date (today by default)' })
  @IsOptional()
  @IsIsoDate()
  changedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
