import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { PersonErasureService } from './erasure.service';
import { ErasePersonInput, ErasureActView } from './erasure.types';

@Resolver(() => ErasureActView)
export class ErasureResolver {
  constructor(private readonly erasure: PersonErasureService) {}

  @Mutation(() => ErasureActView, {
    description: 'Anonymises a person in every service (152-ФЗ) and records the act; ids and numbers stay, so reported figures stay consistent',
  })
  erasePerson(@Arg('input') input: ErasePersonInput, @Ctx() context: RequestContext): Promise<ErasureActView> {
    return this.erasure.erase(context, input);
  }

  @Query(() => ErasureActView, { nullable: true, description: "The erasure act of a person, with each service's confirmation" })
  erasureAct(@Arg('personId', () => ID) personId: string, @Ctx() context: RequestContext): Promise<ErasureActView | null> {
    return this.erasure.actOf(context.caller, personId);
  }
}
