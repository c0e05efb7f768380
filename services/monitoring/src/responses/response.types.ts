import { Connection } from '@nastavnik/platform';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { QuestionnaireResponse } from './response.entity';

@InputType({ description: 'An answer: text for an open question, choices for a choice, rating for a rating' })
export class AnswerInput {
  @Field()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'questionKey must be a question key' })
  questionKey: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  text?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  choices?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  rating?: number | null;
}

@InputType()
export class SubmitResponseInput {
  @Field(() => ID)
  @IsUUID()
  campaignId: string;

  @Field(() => ID, { nullable: true, description: 'The caller by default; staff entering a paper form name the respondent' })
  @IsOptional()
  @IsUUID()
  respondentId?: string | null;

  @Field(() => [AnswerInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  answers: AnswerInput[];
}

@ObjectType()
export class QuestionnaireResponseConnection extends Connection(QuestionnaireResponse) {}
