import { IsOptional, IsEnum, IsUrl, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AwardKind } from './award.enums';

@InputType({ description: 'Nominates a mentor, or for «Лучшая пара» a pair, with the evidence' })
export class NominateInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => AwardKind)
  @IsEnum(AwardKind)
  kind: AwardKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  pairId?: string | null;

  @Field()
  @Length(3, 5000)
  evidence: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  evidenceUrl?: string | null;
}
