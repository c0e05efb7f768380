import { assertCanManageSchool, DomainError, ErrorCode, type DataSource, type RequestContext } from '@nastavnik/platform';
import type { BaseRoster } from '../people/base-roster';
import { MentoringProgram, ProgramStageChange } from './program.entity';
import { ProgramStage } from './program.enums';
import { isNextStage, unmetRequirements, type StageFacts } from './program.rules';
import type { ProgramService } from './program.service';

/** Moves a programme through its stages, one at a time, when the stage it leaves has its result. */
export class ProgramLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
    private readonly roster: BaseRoster,
  ) {}

  async advance(context: RequestContext, id: string, to: ProgramStage): Promise<MentoringProgram> {
    const { caller } = context;
    const current = await this.programs.getVisible(caller, id);
    assertCanManageSchool(caller, current);
    // The bases live in the participant subgraph: asked before the transaction, not while holding locks.
    const needsBases = to === ProgramStage.MENTOR_SELECTION || to === ProgramStage.PAIRING;
    const bases = needsBases ? await this.roster.counts(context, current.schoolId) : { activeMentees: 0, activeMentors: 0 };
    return this.db.transaction(async (manager) => {
      const program = await this.programs.lockVisible(caller, id, manager);
      if (!isNextStage(program.stage, to)) {
        throw new DomainError(ErrorCode.INVALID_STAGE_TRANSITION, `A programme at ${program.stage} cannot move to ${to}: stages go one at a time, in order`, 'to');
      }
      const [{ items }] = (await manager.query('SELECT count(*)::int AS items FROM roadmap_item WHERE program_id = $1', [program.id])) as { items: number }[];
      const [{ trainings }] = (await manager.query(`SELECT count(*)::int AS trainings FROM program_event WHERE program_id = $1 AND type = 'MENTOR_TRAINING'`, [
        program.id,
      ])) as { trainings: number }[];
      const pairs: { status: string; has_order: boolean; has_final: boolean }[] = await manager.query(
        `SELECT p.status, (p.order_number IS NOT NULL AND p.order_date IS NOT NULL) AS has_order,
                EXISTS (SELECT 1 FROM meeting m WHERE m.pair_id = p.id AND m.type = 'FINAL') AS has_final
           FROM pair p WHERE p.program_id = $1`,
        [program.id],
      );
      const facts: StageFacts = {
        roadmapItems: items!,
        mentorTrainings: trainings!,
        ...bases,
        pairs: pairs.map((pair) => ({ status: pair.status, hasOrder: pair.has_order, hasFinalMeeting: pair.has_final })),
      };
      const unmet = unmetRequirements(to, facts);
      if (unmet.length > 0) {
        throw new DomainError(ErrorCode.STAGE_REQUIREMENT_UNMET, `The programme cannot move to ${to}: ${unmet.join('; ')}`, 'to');
      }
      await manager.getRepository(MentoringProgram).update(program.id, { stage: to });
      await manager.getRepository(ProgramStageChange).insert({
        programId: program.id,
        fromStage: program.stage,
        toStage: to,
        changedByUser: caller.userId,
        changedByPerson: caller.personId,
      });
      return manager.getRepository(MentoringProgram).findOneByOrFail({ id: program.id });
    });
  }
}
