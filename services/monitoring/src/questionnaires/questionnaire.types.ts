import { Connection, IsOmittable } from '@nastavnik/platform';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Questionnaire } from './questionnaire.entity';
import { MenteeCategory, MonitoringStage, QuestionType, RespondentRole } from './questionnaire.enums';

const KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

@InputType()
export class RatingScaleInput {
  @Field(() => Int)
  @IsInt()
  min: number;

  @Field(() => Int)
  @IsInt()
  max: number;

  @Field()
  @Length(1, 200)
  minLabel: string;

  @Field()
  @Length(1, 200)
  maxLabel: string;
}

@InputType()
export class QuestionInput {
  @Field()
  @Matches(KEY, { message: 'key must be a snake_case key' })
  key: string;

  @Field()
  @Length(1, 1000)
  text: string;

  @Field(() => QuestionType)
  @IsEnum(QuestionType)
  type: QuestionType;

  @Field()
  @IsBoolean()
  required: boolean = true;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  options?: string[] | null;

  @Field(() => RatingScaleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scale?: RatingScaleInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'parameterKey must be a snake_case key' })
  parameterKey?: string | null;
}

@InputType({ description: 'The content of a questionnaire version' })
export class QuestionnaireContentInput {
  @Field()
  @Length(3, 300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(3000)
  intro?: string | null;

  @Field(() => [QuestionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  questions: QuestionInput[];
}

@InputType()
export class CreateQuestionnaireInput {
  @Field()
  @Matches(KEY, { message: 'key must be a snake_case key' })
  key: string;

  @Field(() => ID, { nullable: true, description: 'The school that keeps it; leave out for a municipal questionnaire (office only)' })
  @IsOptional()
  @IsUUID()
  schoolId?: string | null;

  @Field(() => RespondentRole)
  @IsEnum(RespondentRole)
  respondentRole: RespondentRole;

  @Field(() => MonitoringStage)
  @IsEnum(MonitoringStage)
  stage: MonitoringStage;

  @Field(() => MenteeCategory, { nullable: true })
  @IsOptional()
  @IsEnum(MenteeCategory)
  menteeCategory?: MenteeCategory | null;

  @Field(() => QuestionnaireContentInput, { nullable: true, description: 'Either the content or a version to copy it from' })
  @IsOmittable()
  @ValidateNested()
  content?: QuestionnaireContentInput;

  @Field(() => ID, { nullable: true, description: 'Copy the content of this version (e.g. a shipped template)' })
  @IsOmittable()
  @IsUUID()
  copyOfVersionId?: string;
}

@InputType()
export class EditQuestionnaireInput {
  @Field(() => ID)
  @IsUUID()
  questionnaireId: string;

  @Field(() => QuestionnaireContentInput)
  @ValidateNested()
  content: QuestionnaireContentInput;
}

@InputType()
export class QuestionnaireFilter {
  @Field(() => MonitoringStage, { nullable: true })
  @IsOptional()
  @IsEnum(MonitoringStage)
  stage?: MonitoringStage | null;

  @Field(() => RespondentRole, { nullable: true })
  @IsOptional()
  @IsEnum(RespondentRole)
  respondentRole?: RespondentRole | null;
}

@ObjectType()
export class QuestionnaireConnection extends Connection(Questionnaire) {}
