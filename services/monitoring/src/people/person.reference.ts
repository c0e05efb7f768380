import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The participant subgraph's Person, extended here with the person's measurements. */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonReference {
  @Field(() => ID)
  id: string;
}
