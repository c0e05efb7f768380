import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  fieldsOf,
  notFound,
  recordChange,
  scopeToCaller,
  type Caller,
  type DataSource,
  type EntityManager,
  type RequestContext,
} from '@nastavnik/platform';
import { PairStatus } from '../pairs/pair.enums';
import type { ProgramService } from '../programs/program.service';
import { Award } from './award.entity';
import { AwardStatus } from './award.enums';
import { hasSingleWinner, nomineeShapeRefusal } from './award.rules';
import type { NominateInput } from './award.types';

export class AwardService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(Award).createQueryBuilder('award'), caller);
  }

  ofPrograms(caller: Caller, programIds: readonly string[]): Promise<Award[]> {
    return this.visible(caller).andWhere('award.program_id = ANY(:programIds)', { programIds }).orderBy('award.created_at').getMany();
  }

  /** Awards of people: their own, and those of the pairs they were in. */
  async ofPeople(caller: Caller, personIds: readonly string[]): Promise<{ personId: string; award: Award }[]> {
    const rows: { id: string; person_id: string }[] = await this.db.query(
      `SELECT a.id, k.person_id FROM award a
         JOIN LATERAL (
           SELECT a.person_id AS person_id WHERE a.person_id IS NOT NULL
           UNION SELECT p.mentor_id FROM pair p WHERE p.id = a.pair_id
           UNION SELECT m.mentee_id FROM pair_mentee m WHERE m.pair_id = a.pair_id
         ) k ON true
        WHERE k.person_id = ANY($1)`,
      [personIds],
    );
    if (rows.length === 0) return [];
    const awards = new Map((await this.visible(caller).andWhere('award.id = ANY(:ids)', { ids: rows.map((row) => row.id) }).orderBy('award.created_at').getMany()).map((award) => [award.id, award]));
    return rows.flatMap((row) => (awards.has(row.id) ? [{ personId: row.person_id, award: awards.get(row.id)! }] : []));
  }

  /** The nominee took part in the programme: the mentor of one of its pairs, or one of its pairs that was not dissolved. */
  async nominate(context: RequestContext, input: NominateInput): Promise<Award> {
    const { caller } = context;
    const shape = nomineeShapeRefusal(input.kind, input);
    if (shape) throw new DomainError(ErrorCode.VALIDATION_FAILED, shape.message, shape.field);
    const program = await this.programs.getVisible(caller, input.programId, undefined, 'input.programId');
    assertCanManageSchool(caller, program);
    if (input.pairId) {
      const [pair] = (await this.db.query('SELECT status FROM pair WHERE id = $1 AND program_id = $2', [input.pairId, program.id])) as { status: string }[];
      if (!pair || pair.status === PairStatus.DISSOLVED) {
        throw new DomainError(ErrorCode.NOMINEE_NOT_IN_PROGRAM, 'The pair did not work in this programme', 'input.pairId');
      }
    } else {
      const mentored = (await this.db.query(`SELECT 1 FROM pair WHERE mentor_id = $1 AND program_id = $2 AND started_on IS NOT NULL LIMIT 1`, [input.personId, program.id])) as unknown[];
      if (mentored.length === 0) throw new DomainError(ErrorCode.NOMINEE_NOT_IN_PROGRAM, 'The person mentored no pair of this programme', 'input.personId');
    }
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Award);
      const award = await repository.save(
        repository.create({
          programId: program.id,
          municipalityId: program.municipalityId,
          schoolId: program.schoolId,
          kind: input.kind,
          status: AwardStatus.NOMINATED,
          personId: input.personId ?? null,
          pairId: input.pairId ?? null,
          evidence: input.evidence.trim(),
          evidenceUrl: input.evidenceUrl ?? null,
          nominatedByUser: caller.userId,
          awardedOn: null,
        }),
      );
      await recordChange(manager, context, {
        action: AuditAction.CREATE,
        entityType: 'Award',
        entityId: award.id,
        personIds: await nomineeIds(manager, award),
        schoolId: award.schoolId,
        fields: fieldsOf(input, 'programId'),
      });
      return award;
    });
  }

  /** Grants a nomination; a contest has one winner per programme (checked under the programme's lock). */
  async grant(context: RequestContext, id: string, awardedOn: string): Promise<Award> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const award = await this.visible(caller, manager).andWhere('award.id = :id', { id }).getOne();
      if (!award) throw notFound('Nomination');
      assertCanManageSchool(caller, award);
      await this.programs.lockVisible(caller, award.programId, manager);
      // Read again under the programme's lock: a grant that ran meanwhile is seen, not overwritten.
      const current = await manager.getRepository(Award).findOneByOrFail({ id: award.id });
      if (current.status !== AwardStatus.NOMINATED) throw new DomainError(ErrorCode.INVALID_STATUS_CHANGE, 'The award has already been granted', 'id');
      if (hasSingleWinner(award.kind) && (await manager.getRepository(Award).existsBy({ programId: award.programId, kind: award.kind, status: AwardStatus.AWARDED }))) {
        throw new DomainError(ErrorCode.CONFLICT, 'This contest of the programme already has its winner', 'id');
      }
      await manager.getRepository(Award).update(award.id, { status: AwardStatus.AWARDED, awardedOn });
      await recordChange(manager, context, { action: AuditAction.UPDATE, entityType: 'Award', entityId: award.id, personIds: await nomineeIds(manager, award), schoolId: award.schoolId, fields: ['status', 'awardedOn'] });
      return manager.getRepository(Award).findOneByOrFail({ id: award.id });
    });
  }
}

/** Whom an award names: its person, or the members of its pair. */
async function nomineeIds(manager: EntityManager, award: Award): Promise<string[]> {
  if (award.personId) return [award.personId];
  const rows: { person_id: string }[] = await manager.query(
    'SELECT mentor_id AS person_id FROM pair WHERE id = $1 UNION SELECT mentee_id FROM pair_mentee WHERE pair_id = $1',
    [award.pairId],
  );
  return rows.map((row) => row.person_id);
}
