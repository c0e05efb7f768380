import { IsIsoDate } from '@nastavnik/platform';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentScope } from './consent.entity';

@InputType()
export class GiveConsentInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => ConsentScope)
  @IsEnum(ConsentScope)
  scope: ConsentScope;

  @Field(() => String, { nullable: true, description: 'Signed on (today by default)' })
  @IsOptional()
  @IsIsoDate()
  givenOn?: string | null;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID)
  @IsUUID()
  consentId: string;

  @Field(() => String, { nullable: true, description: 'Withdrawn on (today by default)' })
  @IsOptional()
  @IsIsoDate()
  withdrawnOn?: string | null;
}
