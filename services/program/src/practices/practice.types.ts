import { Connection } from '@nastavnik/platform';
import { ArrayMaxSize, IsOptional, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { BestPractice } from './practice.entity';

@InputType()
export class AddBestPracticeInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field()
  @Length(3, 300)
  title: string;

  @Field()
  @MaxLength(5000)
  description: string = '';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string | null;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @Length(1, 50, { each: true })
  tags: string[] = [];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  pairId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The mentor it came from; the pair’s mentor by default' })
  @IsOptional()
  @IsUUID()
  mentorId?: string | null;
}

@InputType()
export class BestPracticeFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  tag?: string;

  @Field(() => String, { nullable: true, description: 'Part of the title or description' })
  @IsOptional()
  @Length(2, 100)
  search?: string;
}

@ObjectType()
export class BestPracticeConnection extends Connection(BestPractice) {}
