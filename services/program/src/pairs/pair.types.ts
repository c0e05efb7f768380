import { Connection, IsIsoDate } from '@nastavnik/platform';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Pair } from './pair.entity';
import { InteractionSubForm, PairStatus } from './pair.enums';

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
}

@ObjectType()
export class PairConnection extends Connection(Pair) {}
