import { Connection, IsIsoDate, IsOmittable, PageInput } from '@nastavnik/platform';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MenteeCategory, MenteeStatus } from '../mentees/mentee.enums';
import { MentorStatus } from '../mentors/mentor.enums';
import { Person } from './person.entity';
import { Base, QualificationCategory } from './person.enums';

export const PHONE = /^\+?[0-9 ()-]{5,20}$/;

@InputType()
export class CreatePersonInput {
  @Field(() => ID)
  @IsUUID()
  schoolId: string;

  @Field()
  @Length(3, 200)
  fullName: string;

  @Field()
  @Length(2, 200)
  position: string;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  subjects: string[] = [];

  @Field(() => String, { nullable: true, description: 'Either this date or pedagogicalExperienceYears' })
  @IsOptional()
  @IsIsoDate()
  pedagogicalExperienceSince?: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole years of pedagogical experience as of today' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(70)
  pedagogicalExperienceYears?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  hiredOn?: string | null;

  @Field(() => QualificationCategory)
  @IsEnum(QualificationCategory)
  qualificationCategory: QualificationCategory = QualificationCategory.NONE;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1920)
  @Max(2015)
  birthYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must contain digits, spaces, brackets or dashes, optionally after +' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "The school's staff number (табельный номер), unique in the school" })
  @IsOptional()
  @Length(1, 50)
  staffNumber?: string | null;
}

@InputType()
export class UpdatePersonInput {
  @Field(() => Int, { description: 'The version read before editing' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOmittable()
  @Length(3, 200)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOmittable()
  @Length(2, 200)
  position?: string;

  @Field(() => [String], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  subjects?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  pedagogicalExperienceSince?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(70)
  pedagogicalExperienceYears?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  hiredOn?: string | null;

  @Field(() => QualificationCategory, { nullable: true })
  @IsOmittable()
  @IsEnum(QualificationCategory)
  qualificationCategory?: QualificationCategory;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1920)
  @Max(2015)
  birthYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must contain digits, spaces, brackets or dashes, optionally after +' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "The school's staff number (табельный номер), unique in the school" })
  @IsOptional()
  @Length(1, 50)
  staffNumber?: string | null;
}

@InputType()
export class MovePersonInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => ID)
  @IsUUID()
  toSchoolId: string;

  @Field({ description: 'First day at the new school' })
  @IsIsoDate()
  movedOn: string;

  @Field(() => String, { nullable: true, description: 'Position at the new school; the current one by default' })
  @IsOptional()
  @Length(2, 200)
  position?: string | null;
}

@InputType({ description: 'All given conditions must hold' })
export class PersonFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => Base, { nullable: true, description: 'Only people with an open entry in this base' })
  @IsOptional()
  @IsEnum(Base)
  base?: Base;

  @Field(() => MenteeCategory, { nullable: true })
  @IsOptional()
  @IsEnum(MenteeCategory)
  menteeCategory?: MenteeCategory;

  @Field(() => MentorStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MentorStatus)
  mentorStatus?: MentorStatus;

  @Field(() => MenteeStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MenteeStatus)
  menteeStatus?: MenteeStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  subject?: string;

  @Field(() => String, { nullable: true, description: 'Part of the full name, any case' })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  includeArchived: boolean = false;
}

@ObjectType()
export class PersonConnection extends Connection(Person) {}

export { PageInput };
