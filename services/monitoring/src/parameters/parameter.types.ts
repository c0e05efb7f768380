import { IsEnum, IsNumber, Length, Matches } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { ParameterDirection } from './parameter.entity';

export const PARAMETER_KEY = /^[a-z][a-z0-9_]{1,63}$/;

@InputType({ description: 'A parameter the municipality measures in addition to the shipped ones' })
export class AddParameterInput {
  @Field()
  @Matches(PARAMETER_KEY, { message: 'key must be a snake_case key' })
  key: string;

  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  scaleMin: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  scaleMax: number;

  @Field(() => ParameterDirection)
  @IsEnum(ParameterDirection)
  direction: ParameterDirection;
}
