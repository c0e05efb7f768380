import { Connection, PageInput } from '@nastavnik/platform';
import { IsEnum, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MentoringProgram } from './program.entity';
import { MentoringForm } from './program.enums';

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
}

@ObjectType()
export class MentoringProgramConnection extends Connection(MentoringProgram) {}

export { PageInput };
