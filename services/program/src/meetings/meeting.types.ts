import { IsIsoDate } from '@nastavnik/platform';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Pair } from '../pairs/pair.entity';
import { MeetingType } from './meeting.enums';

@InputType()
export class LogMeetingInput {
  @Field(() => ID)
  @IsUUID()
  pairId: string;

  @Field(() => MeetingType)
  @IsEnum(MeetingType)
  type: MeetingType;

  @Field()
  @IsIsoDate()
  heldOn: string;

  @Field(() => Int)
  @IsInt()
  @Min(5)
  @Max(600)
  durationMinutes: number;

  @Field()
  @Length(2, 500)
  topic: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Who attended; the whole pair by default' })
  @IsOptional()
  @ArrayMaxSize(21)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attendeeIds?: string[] | null;
}

@InputType()
export class QuietPairFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @Field(() => Int, { nullable: true, description: 'N: the municipality’s meeting gap by default' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number | null;
}

@ObjectType({ description: 'A working pair with no meeting in the last N days' })
export class QuietPair {
  @Field(() => Pair)
  pair: Pair;

  @Field(() => String, { nullable: true, description: 'Null when the pair never met' })
  lastMeetingOn: string | null;

  @Field(() => Int, { description: 'Days since the last meeting, or since the start when it never met' })
  daysWithoutMeeting: number;
}
