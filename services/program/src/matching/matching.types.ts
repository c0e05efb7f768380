import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsIsoDate } from '@nastavnik/platform';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { InteractionSubForm } from '../pairs/pair.enums';
import { PersonReference } from '../people/person.reference';
import type { MatchReasonKind } from './matching.rules';

export enum MatchReasonKindEnum {
  SAME_SUBJECT = 'SAME_SUBJECT',
  SUB_FORM_FIT = 'SUB_FORM_FIT',
  FREE_CAPACITY = 'FREE_CAPACITY',
  COMPATIBILITY = 'COMPATIBILITY',
  SAME_SCHOOL = 'SAME_SCHOOL',
}
registerEnumType(MatchReasonKindEnum, {
  name: 'MatchReasonKind',
  valuesConfig: {
    SAME_SUBJECT: { description: 'Общая предметная область' },
    SUB_FORM_FIT: { description: 'Форма взаимодействия соответствует категории наставляемого' },
    FREE_CAPACITY: { description: 'Свободная нагрузка наставника' },
    COMPATIBILITY: { description: 'Результат теста на совместимость (педагог-психолог)' },
    SAME_SCHOOL: { description: 'Та же образовательная организация' },
  },
});

@ObjectType()
export class MatchReason {
  @Field(() => MatchReasonKindEnum)
  kind: MatchReasonKind;

  @Field(() => Float)
  points: number;

  @Field()
  detail: string;
}

@ObjectType({ description: 'A mentor proposed for a mentee, with the score and its reasons' })
export class MentorCandidate {
  @Field(() => PersonReference)
  mentor: PersonReference;

  @Field(() => PersonReference)
  mentee: PersonReference;

  @Field(() => Float)
  score: number;

  @Field(() => InteractionSubForm, { description: 'The sub-form the pair would work in' })
  subForm: InteractionSubForm;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}

@ObjectType({ description: 'The optimal assignment of the unmatched mentees under the mentors’ capacities' })
export class MatchingProposal {
  @Field(() => [MentorCandidate])
  assignments: MentorCandidate[];

  @Field(() => Float)
  totalScore: number;

  @Field(() => [PersonReference], { description: 'Mentees no mentor can take' })
  unmatched: PersonReference[];
}

@InputType()
export class AcceptedAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  menteeId: string;

  @Field(() => ID)
  @IsUUID()
  mentorId: string;

  @Field(() => InteractionSubForm)
  @IsEnum(InteractionSubForm)
  subForm: InteractionSubForm;
}

@InputType({ description: 'The assignments of a proposal the curator accepts, all or some; one pair each' })
export class AcceptMatchingInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => [AcceptedAssignmentInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  assignments: AcceptedAssignmentInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  orderNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  orderDate?: string | null;
}
