import { PageInput, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { BestPractice } from './practice.entity';
import type { PracticeService } from './practice.service';
import { AddBestPracticeInput, BestPracticeConnection, BestPracticeFilter } from './practice.types';

@Resolver(() => BestPractice)
export class PracticeResolver {
  constructor(private readonly practiceService: PracticeService) {}

  @Query(() => BestPracticeConnection, { description: 'The methodical library (методическая копилка), newest last' })
  bestPractices(
    @Arg('filter', () => BestPracticeFilter, { nullable: true }) filter: BestPracticeFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<BestPracticeConnection> {
    return this.practiceService.list(context.caller, filter ?? new BestPracticeFilter(), page ?? new PageInput());
  }

  @Mutation(() => BestPractice)
  addBestPractice(@Arg('input') input: AddBestPracticeInput, @Ctx() context: RequestContext): Promise<BestPractice> {
    return this.practiceService.add(context.caller, input);
  }

  @FieldResolver(() => PersonReference, { nullable: true })
  mentor(@Root() practice: BestPractice): PersonReference | null {
    return practice.mentorId ? { id: practice.mentorId } : null;
  }
}
