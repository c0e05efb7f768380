import { IsIsoDate } from '@nastavnik/platform';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ProgramEventType } from './event.enums';

@InputType()
export class AddProgramEventInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => ProgramEventType)
  @IsEnum(ProgramEventType)
  type: ProgramEventType;

  @Field()
  @Length(3, 300)
  title: string;

  @Field()
  @IsIsoDate()
  heldOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(3000)
  description?: string | null;
}

@InputType()
export class AddEventParticipantsInput {
  @Field(() => ID)
  @IsUUID()
  eventId: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personIds: string[];
}

@InputType()
export class IssueCertificateInput {
  @Field(() => ID)
  @IsUUID()
  eventId: string;

  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field()
  @Length(1, 50)
  number: string;

  @Field()
  @IsIsoDate()
  issuedOn: string;
}
