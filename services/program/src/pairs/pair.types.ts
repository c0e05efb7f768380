import { Connection, IsIsoDate } from '@nastavnik/platform';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { Pair } from './pair.entity';
import { ClosingReason, InteractionSubForm, PairStatus } from './pair.enums';

@InputType({ description: 'Forms a pair (one mentee) or a group (several) with one mentor' })
export class FormPairInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => ID)
  @IsUUID()
  mentorId: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'menteeIds must not repeat a person' })
  @IsUUID('all', { each: true })
  menteeIds: string[];

  @Field(() => InteractionSubForm)
  @IsEnum(InteractionSubForm)
  subForm: InteractionSubForm;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  orderNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  orderDate?: string | null;
}

@InputType({ description: 'Completes or dissolves a pair' })
export class ClosePairInput {
  @Field(() => ClosingReason, { nullable: true, description: 'Required to dissolve; GOALS_ACHIEVED by default on completion' })
  @IsOptional()
  @IsEnum(ClosingReason)
  reason?: ClosingReason | null;

  @Field(() => String, { nullable: true, description: 'Free text; required with OTHER' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Completion: the final meeting’s date by default; dissolution: today' })
  @IsOptional()
  @IsIsoDate()
  endedOn?: string | null;
}

@InputType()
export class PairFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => PairStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PairStatus)
  status?: PairStatus;

  @Field(() => InteractionSubForm, { nullable: true })
  @IsOptional()
  @IsEnum(InteractionSubForm)
  subForm?: InteractionSubForm;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
}

@InputType()
export class MentorshipFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  mentorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  menteeId?: string;
}

@ObjectType({ description: 'One mentee’s time with one mentor' })
export class Mentorship {
  @Field(() => Pair)
  pair: Pair;

  @Field(() => PersonReference)
  mentor: PersonReference;

  @Field(() => PersonReference)
  mentee: PersonReference;

  @Field()
  from: string;

  @Field(() => String, { nullable: true, description: 'Null while the mentoring goes on' })
  to: string | null;
}

@ObjectType()
export class PairConnection extends Connection(Pair) {}
