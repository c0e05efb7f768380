import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateSchoolInput {
  @Field()
  @Length(3, 300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 500)
  address?: string | null;
}
