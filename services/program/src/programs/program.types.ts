import { Connection, IsIsoDate, IsOmittable, PageInput } from '@nastavnik/platform';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MentoringProgram } from './program.entity';
import { MentoringForm, ProgramStage } from './program.enums';

export const ACADEMIC_YEAR = /^(\d{4})\/(\d{4})$/;

@InputType()
export class CreateProgramInput {
  @Field(() => ID)
  @IsUUID()
  schoolId: string;

  @Field({ description: 'Academic year, e.g. 2025/2026' })
  @Matches(ACADEMIC_YEAR, { message: 'academicYear must look like 2025/2026' })
  academicYear: string;

  @Field(() => MentoringForm)
  @IsEnum(MentoringForm)
  form: MentoringForm = MentoringForm.TEACHER_TEACHER;

  @Field()
  @Length(3, 300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  goal?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 1000, { each: true })
  tasks?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  curatorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  endsOn?: string | null;

  @Field(() => ProgramStage, {
    nullable: true,
    description: 'The stage a programme already under way is entered at (its earlier stages are recorded as done); PREPARATION by default',
  })
  @IsOptional()
  @IsEnum(ProgramStage)
  stage?: ProgramStage | null;
}

@InputType({ description: 'Changes the description of a programme; left-out fields stay' })
export class UpdateProgramInput {
  @Field({ nullable: true })
  @IsOmittable()
  @Length(3, 300)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  goal?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOmittable()
  @ArrayMaxSize(30)
  @Length(1, 1000, { each: true })
  tasks?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  curatorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  endsOn?: string | null;
}

@InputType()
export class ProgramFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ACADEMIC_YEAR, { message: 'academicYear must look like 2025/2026' })
  academicYear?: string;

  @Field(() => ProgramStage, { nullable: true })
  @IsOptional()
  @IsEnum(ProgramStage)
  stage?: ProgramStage;
}

@ObjectType()
export class MentoringProgramConnection extends Connection(MentoringProgram) {}

export { PageInput };
