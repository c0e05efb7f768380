import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ErasureConfirmation, ErasureStatus } from './erasure.entity';

@InputType()
export class ErasePersonInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field({ description: 'The ground of the erasure, e.g. the number and date of the request; must not name the person' })
  @Length(3, 500)
  reason: string;
}

@ObjectType('ErasureAct', { description: 'Акт об уничтожении (обезличивании) персональных данных, с подтверждением каждой службы' })
export class ErasureActView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  schoolId: string;

  @Field()
  reason: string;

  @Field()
  requestedBy: string;

  @Field()
  requestedAt: Date;

  @Field(() => ErasureStatus, { description: 'COMPLETED once every service confirmed' })
  status: ErasureStatus;

  @Field(() => [ErasureConfirmation], { description: 'participant, program, monitoring' })
  services: ErasureConfirmation[];
}
