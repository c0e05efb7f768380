import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { PairReference } from '../programs/program.reference';

@InputType()
export class MeasurementGapFilter {
  @Field(() => [ID], { description: 'Programmes to check (up to 50), e.g. every school’s programme of a year' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  programIds: string[];
}

@ObjectType({ description: 'A participant who still lacks a before or an after value' })
export class ParticipantGap {
  @Field(() => ID)
  programId: string;

  @Field(() => ID)
  schoolId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => PersonReference)
  person: PersonReference;

  @Field(() => [String], { description: 'MENTOR and/or MENTEE' })
  roles: ('MENTOR' | 'MENTEE')[];

  @Field(() => [ID])
  pairIds: string[];

  @Field(() => [String], { description: 'Parameters of the participant’s instruments' })
  expectedParameters: string[];

  @Field(() => [String])
  missingBefore: string[];

  @Field(() => [String])
  missingAfter: string[];
}

@ObjectType({ description: 'A pair with participants lacking values' })
export class PairGap {
  @Field(() => ID)
  pairId: string;

  @Field(() => PairReference)
  pair: PairReference;

  @Field(() => ID)
  programId: string;

  @Field(() => Int)
  participantsMissingBefore: number;

  @Field(() => Int)
  participantsMissingAfter: number;
}

@ObjectType({ description: 'How complete the before/after values of a school are' })
export class SchoolGap {
  @Field(() => ID)
  schoolId: string;

  @Field(() => Int)
  participants: number;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed' })
  participantsMissingBefore: number | null;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed' })
  participantsMissingAfter: number | null;

  @Field({ description: 'True when the counts are withheld: fewer than 5 participants, and the caller may not see the persons' })
  suppressed: boolean;
}

@ObjectType()
export class MeasurementGaps {
  @Field(() => [ParticipantGap], { description: 'Empty for callers who may not see the persons (the office, a school’s administration)' })
  participants: ParticipantGap[];

  @Field(() => [PairGap], { description: 'Empty for callers who may not see the persons' })
  pairs: PairGap[];

  @Field(() => [SchoolGap], { description: 'Every school of the programmes, complete or not' })
  schools: SchoolGap[];
}
