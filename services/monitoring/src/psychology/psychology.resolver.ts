import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { CompatibilityResult, SatisfactionCheck } from './psychology.entity';
import type { PsychologyService } from './psychology.service';
import { RecordCompatibilityInput, RecordSatisfactionCheckInput } from './psychology.types';

@Resolver(() => CompatibilityResult)
export class CompatibilityResolver {
  constructor(private readonly psychologyService: PsychologyService) {}

  @Query(() => [CompatibilityResult], { description: 'Compatibility tests of a mentee with candidate mentors, newest first' })
  compatibilityResults(@Arg('menteeId', () => ID) menteeId: string, @Ctx() context: RequestContext): Promise<CompatibilityResult[]> {
    return this.psychologyService.compatibilityOf(context.caller, [menteeId]);
  }

  @Mutation(() => CompatibilityResult, { description: 'Records the psychologist’s compatibility test of a candidate pair' })
  recordCompatibilityResult(@Arg('input') input: RecordCompatibilityInput, @Ctx() context: RequestContext): Promise<CompatibilityResult> {
    return this.psychologyService.recordCompatibility(context, input);
  }

  @FieldResolver(() => PersonReference)
  mentor(@Root() result: CompatibilityResult): PersonReference {
    return { id: result.mentorId };
  }

  @FieldResolver(() => PersonReference)
  mentee(@Root() result: CompatibilityResult): PersonReference {
    return { id: result.menteeId };
  }
}

@Resolver(() => SatisfactionCheck)
export class SatisfactionCheckResolver {
  constructor(private readonly psychologyService: PsychologyService) {}

  @Mutation(() => SatisfactionCheck, { description: 'Records a satisfaction check of a running pair' })
  recordSatisfactionCheck(@Arg('input') input: RecordSatisfactionCheckInput, @Ctx() context: RequestContext): Promise<SatisfactionCheck> {
    return this.psychologyService.recordSatisfaction(context, input);
  }

  @FieldResolver(() => PersonReference, { nullable: true })
  person(@Root() check: SatisfactionCheck): PersonReference | null {
    return check.personId ? { id: check.personId } : null;
  }
}
