import { groupByKeys, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { dateArgument } from '../arguments';
import { Pair } from '../pairs/pair.entity';
import { loadPair } from '../pairs/pair.resolver';
import type { PairService } from '../pairs/pair.service';
import { PersonReference } from '../people/person.reference';
import { MentoringProgram } from '../programs/program.entity';
import { Award } from './award.entity';
import type { AwardService } from './award.service';
import { NominateInput } from './award.types';

@Resolver(() => Award)
export class AwardResolver {
  constructor(
    private readonly awardService: AwardService,
    private readonly pairService: PairService,
  ) {}

  @Mutation(() => Award, { description: 'Nominates a mentor or a pair for «Наставник года», «Лучшая пара» or «Лучший наставник»' })
  nominate(@Arg('input') input: NominateInput, @Ctx() context: RequestContext): Promise<Award> {
    return this.awardService.nominate(context, input);
  }

  @Mutation(() => Award)
  grantAward(
    @Arg('id', () => ID) id: string,
    @Arg('awardedOn', () => String, { nullable: true, description: 'Today by default' }) awardedOn: string | undefined,
    @Ctx() context: RequestContext,
  ): Promise<Award> {
    return this.awardService.grant(context, id, dateArgument(awardedOn, 'awardedOn'));
  }

  @FieldResolver(() => PersonReference, { nullable: true })
  person(@Root() award: Award): PersonReference | null {
    return award.personId ? { id: award.personId } : null;
  }

  @FieldResolver(() => Pair, { nullable: true })
  pair(@Root() award: Award, @Ctx() context: RequestContext): Promise<Pair | null> | null {
    return award.pairId ? loadPair(context, this.pairService, award.pairId) : null;
  }
}

@Resolver(() => MentoringProgram)
export class ProgramAwardsResolver {
  constructor(private readonly awardService: AwardService) {}

  @FieldResolver(() => [Award], { description: 'Nominations and awards of the programme' })
  awards(@Root() program: MentoringProgram, @Ctx() context: RequestContext): Promise<Award[]> {
    return context.loader<string, Award[]>('program.awards', async (ids) => groupByKeys(ids, await this.awardService.ofPrograms(context.caller, ids), (award) => award.programId)).load(program.id);
  }
}

@Resolver(() => PersonReference)
export class PersonAwardsResolver {
  constructor(private readonly awardService: AwardService) {}

  @FieldResolver(() => [Award], { description: 'Nominations and awards of the person, and of the pairs they were in' })
  async awards(@Root() person: PersonReference, @Ctx() context: RequestContext): Promise<Award[]> {
    const rows = await context
      .loader<string, { personId: string; award: Award }[]>('program.personAwards', async (ids) => groupByKeys(ids, await this.awardService.ofPeople(context.caller, ids), (row) => row.personId))
      .load(person.id);
    return rows.map((row) => row.award);
  }
}
