import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The participant subgraph's Person, extended here with the pairs a person takes part in. */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonReference {
  @Field(() => ID)
  id: string;
}

/** The participant subgraph's School, extended here with its programmes. */
@ObjectType('School')
@Directive('@key(fields: "id")')
export class SchoolReference {
  @Field(() => ID)
  id: string;
}
