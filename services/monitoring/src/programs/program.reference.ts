import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The program subgraph's MentoringProgram, extended here with its campaigns, scorecards and measurements. */
@ObjectType('MentoringProgram')
@Directive('@key(fields: "id")')
export class MentoringProgramReference {
  @Field(() => ID)
  id: string;
}

/** The program subgraph's Pair, extended here with its scorecards and satisfaction checks. */
@ObjectType('Pair')
@Directive('@key(fields: "id")')
export class PairReference {
  @Field(() => ID)
  id: string;
}
