import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonReference } from '../people/person.reference';
import { CompatibilityResult, SatisfactionCheck } from './psychology.entity';
import type { PsychologyService } from './psychology.service';
import { RecordCompatibilityInput, RecordSatisfactionCheckInput } from './psychology.types';

function noteCompatibilityRead(context: RequestContext, result: CompatibilityResult, field: string): void {
  context.auditedReads.note({ entityType: 'CompatibilityResult', schoolId: result.schoolId, entityIds: [result.id], personIds: [result.mentorId, result.menteeId], fields: [field] });
}

function noteSatisfactionRead(context: RequestContext, check: SatisfactionCheck, field: string): void {
  context.auditedReads.note({ entityType: 'SatisfactionCheck', schoolId: check.schoolId, entityIds: [check.id], personIds: [check.personId], fields: [field] });
}

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

  /** Psychological results: every read goes to the audit log (one entry per request). */
  @FieldResolver(() => Float, { description: '0–100, higher is more compatible' })
  score(@Root() result: CompatibilityResult, @Ctx() context: RequestContext): number {
    noteCompatibilityRead(context, result, 'score');
    return result.score;
  }

  @FieldResolver(() => String, { nullable: true })
  conclusion(@Root() result: CompatibilityResult, @Ctx() context: RequestContext): string | null {
    noteCompatibilityRead(context, result, 'conclusion');
    return result.conclusion;
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

  @FieldResolver(() => Int, { description: '1–10, as in the stage-1 questionnaires' })
  satisfaction(@Root() check: SatisfactionCheck, @Ctx() context: RequestContext): number {
    noteSatisfactionRead(context, check, 'satisfaction');
    return check.satisfaction;
  }

  @FieldResolver(() => String, { nullable: true })
  comment(@Root() check: SatisfactionCheck, @Ctx() context: RequestContext): string | null {
    noteSatisfactionRead(context, check, 'comment');
    return check.comment;
  }

  @FieldResolver(() => PersonReference, { nullable: true })
  person(@Root() check: SatisfactionCheck): PersonReference | null {
    return check.personId ? { id: check.personId } : null;
  }
}
