import {
  assertCanSeeSchool,
  assertRole,
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
import { IsNull } from 'typeorm';
import { AGGREGATE_READERS, MONITORING_ORGANISERS } from '../access';
import type { ProgramDirectory } from '../programs/program.directory';
import { Scorecard, ScorecardLevel, ScorecardScore, ScorecardStatus } from './scorecard.entity';
import { canFinalise, missingIndicators, scorecardLevel, scorecardTotal, SCORECARD_INDICATOR_COUNT } from './scorecard.rules';
import type { CreateScorecardInput, IndicatorScoreInput, UpdateScorecardInput } from './scorecard.types';

/** Scores in indicator order 1..9, null where not scored. */
function scoreArray(scores: readonly ScorecardScore[]): (number | null)[] {
  const byIndicator = new Map(scores.map((score) => [score.indicator, score.score]));
  return Array.from({ length: SCORECARD_INDICATOR_COUNT }, (_, index) => byIndicator.get(index + 1) ?? null);
}

/** Total and level are computed from the scores, never entered. */
function computed(scores: readonly ScorecardScore[]): { total: number; level: ScorecardLevel | null } {
  const array = scoreArray(scores);
  const total = scorecardTotal(array);
  return { total, level: canFinalise(array) ? (scorecardLevel(total) as ScorecardLevel) : null };
}

const PG_UNIQUE_VIOLATION = '23505';

function scorecardExists(field: string): DomainError {
  return new DomainError(ErrorCode.SCORECARD_EXISTS, 'This programme (or pair) already has a scorecard: edit its draft or supersede the final one', field);
}

function assertDistinctIndicators(scores: readonly IndicatorScoreInput[], field: string): void {
  if (new Set(scores.map((score) => score.indicator)).size !== scores.length) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Each indicator is scored once', field);
  }
}

export class ScorecardService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramDirectory,
  ) {}

  /** Scorecards are read by the school's staff who run monitoring and by the office. */
  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    const query = scopeToCaller(manager.getRepository(Scorecard).createQueryBuilder('scorecard'), caller);
    if (!AGGREGATE_READERS.includes(caller.role)) query.andWhere('FALSE');
    return query;
  }

  async getVisible(caller: Caller, id: string, field = 'id', manager?: EntityManager, lock = false): Promise<Scorecard> {
    const query = this.visible(caller, manager).andWhere('scorecard.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const scorecard = await query.getOne();
    if (!scorecard) throw notFound('Scorecard', field);
    return scorecard;
  }

  ofPrograms(caller: Caller, programIds: readonly string[]): Promise<Scorecard[]> {
    return this.visible(caller).andWhere('scorecard.program_id = ANY(:programIds)', { programIds }).orderBy('scorecard.pair_id', 'ASC', 'NULLS FIRST').addOrderBy('scorecard.version').getMany();
  }

  ofPairs(caller: Caller, pairIds: readonly string[]): Promise<Scorecard[]> {
    return this.visible(caller).andWhere('scorecard.pair_id = ANY(:pairIds)', { pairIds }).orderBy('scorecard.version').getMany();
  }

  scoresOf(scorecardIds: readonly string[]): Promise<ScorecardScore[]> {
    return this.db.getRepository(ScorecardScore).createQueryBuilder('score').where('score.scorecard_id = ANY(:scorecardIds)', { scorecardIds }).getMany();
  }

  /** The first scorecard of a programme (or pair); later ones are new versions made by superseding. */
  /** The people a pair's scorecard evaluates (its mentor and mentees); a programme's names nobody. */
  private async subjectsOf(context: RequestContext, id: string, field: string): Promise<string[]> {
    const scorecard = await this.getVisible(context.caller, id, field);
    if (!scorecard.pairId) return [];
    const pair = await this.programs.pair(context, scorecard.pairId, field);
    return [pair.mentor.id, ...pair.mentees.map((mentee) => mentee.id)];
  }

  private audit(manager: EntityManager, context: RequestContext, action: AuditAction, scorecard: Scorecard, personIds: string[], fields: string[]): Promise<void> {
    return recordChange(manager, context, { action, entityType: 'Scorecard', entityId: scorecard.id, personIds, schoolId: scorecard.schoolId, fields });
  }

  async create(context: RequestContext, input: CreateScorecardInput): Promise<Scorecard> {
    const { caller } = context;
    assertRole(caller, MONITORING_ORGANISERS);
    assertDistinctIndicators(input.scores, 'input.scores');
    const program = await this.programs.program(context, input.programId, 'input.programId');
    assertCanSeeSchool(caller, program);
    let subjects: string[] = [];
    if (input.pairId) {
      const pair = await this.programs.pair(context, input.pairId, 'input.pairId');
      if (pair.programId !== program.id) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The pair belongs to another programme', 'input.pairId');
      subjects = [pair.mentor.id, ...pair.mentees.map((mentee) => mentee.id)];
    }
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Scorecard);
      if (await repository.existsBy({ programId: program.id, pairId: input.pairId ?? IsNull() })) {
        throw scorecardExists('input.programId');
      }
      const scores = input.scores.map((score) => ({ indicator: score.indicator, score: score.score ?? null, comment: score.comment?.trim() || null }));
      const scorecard = await repository
        .save(
        repository.create({
          municipalityId: program.municipalityId,
          schoolId: program.schoolId,
          programId: program.id,
          pairId: input.pairId ?? null,
          version: 1,
          status: ScorecardStatus.DRAFT,
          evaluatorName: input.evaluatorName.trim(),
          evaluatedOn: input.evaluatedOn,
          evaluatedBy: caller.userId,
          ...computed(scores as ScorecardScore[]),
          supersedesId: null,
          finalisedAt: null,
        }),
        )
        .catch((error: unknown) => {
          // Two first scorecards at once: the unique version index lets one in.
          if ((error as { code?: string }).code === PG_UNIQUE_VIOLATION) throw scorecardExists('input.programId');
          throw error;
        });
      if (scores.length > 0) await manager.getRepository(ScorecardScore).insert(scores.map((score) => ({ ...score, scorecardId: scorecard.id })));
      await this.audit(manager, context, AuditAction.CREATE, scorecard, subjects, ['evaluatorName', 'evaluatedOn', ...scores.map((score) => `scores.${score.indicator}`)]);
      return scorecard;
    });
  }

  async update(context: RequestContext, input: UpdateScorecardInput): Promise<Scorecard> {
    const { caller } = context;
    assertRole(caller, MONITORING_ORGANISERS);
    if (input.scores) assertDistinctIndicators(input.scores, 'input.scores');
    const subjects = await this.subjectsOf(context, input.scorecardId, 'input.scorecardId');
    return this.db.transaction(async (manager) => {
      const scorecard = await this.getVisible(caller, input.scorecardId, 'input.scorecardId', manager, true);
      this.assertDraft(scorecard, 'input.scorecardId');
      const scoreRepository = manager.getRepository(ScorecardScore);
      for (const score of input.scores ?? []) {
        await scoreRepository.upsert({ scorecardId: scorecard.id, indicator: score.indicator, score: score.score ?? null, comment: score.comment?.trim() || null }, [
          'scorecardId',
          'indicator',
        ]);
      }
      const scores = await scoreRepository.findBy({ scorecardId: scorecard.id });
      await manager.getRepository(Scorecard).update(scorecard.id, {
        ...(input.evaluatorName ? { evaluatorName: input.evaluatorName.trim() } : {}),
        ...(input.evaluatedOn ? { evaluatedOn: input.evaluatedOn } : {}),
        evaluatedBy: caller.userId,
        ...computed(scores),
      });
      const changed = [...fieldsOf(input, 'scorecardId', 'scores'), ...(input.scores ?? []).map((score) => `scores.${score.indicator}`)];
      await this.audit(manager, context, AuditAction.UPDATE, scorecard, subjects, changed);
      return manager.getRepository(Scorecard).findOneByOrFail({ id: scorecard.id });
    });
  }

  /** Only a scorecard with all nine indicators scored becomes final; the version it supersedes is kept as SUPERSEDED. */
  async finalise(context: RequestContext, id: string): Promise<Scorecard> {
    const { caller } = context;
    assertRole(caller, MONITORING_ORGANISERS);
    const subjects = await this.subjectsOf(context, id, 'id');
    return this.db.transaction(async (manager) => {
      const scorecard = await this.getVisible(caller, id, 'id', manager, true);
      this.assertDraft(scorecard, 'id');
      const scores = scoreArray(await manager.getRepository(ScorecardScore).findBy({ scorecardId: scorecard.id }));
      if (!canFinalise(scores)) {
        throw new DomainError(ErrorCode.SCORECARD_INCOMPLETE, `Indicators not scored yet: ${missingIndicators(scores).join(', ')}`, 'id');
      }
      const repository = manager.getRepository(Scorecard);
      if (scorecard.supersedesId) await repository.update(scorecard.supersedesId, { status: ScorecardStatus.SUPERSEDED });
      await repository.update(scorecard.id, { status: ScorecardStatus.FINAL, finalisedAt: new Date() });
      await this.audit(manager, context, AuditAction.UPDATE, scorecard, subjects, ['status']);
      return repository.findOneByOrFail({ id: scorecard.id });
    });
  }

  /** A final scorecard is never edited: a correction is a new draft version that copies its scores. */
  async supersede(context: RequestContext, id: string): Promise<Scorecard> {
    const { caller } = context;
    assertRole(caller, MONITORING_ORGANISERS);
    const subjects = await this.subjectsOf(context, id, 'id');
    return this.db.transaction(async (manager) => {
      const previous = await this.getVisible(caller, id, 'id', manager, true);
      if (previous.status !== ScorecardStatus.FINAL) {
        throw new DomainError(ErrorCode.INVALID_STATUS_CHANGE, `Only the final scorecard can be superseded; this one is ${previous.status}`, 'id');
      }
      const repository = manager.getRepository(Scorecard);
      if (await repository.existsBy({ programId: previous.programId, pairId: previous.pairId ?? IsNull(), status: ScorecardStatus.DRAFT })) {
        throw new DomainError(ErrorCode.SCORECARD_EXISTS, 'A new version is already being drafted', 'id');
      }
      const scores = await manager.getRepository(ScorecardScore).findBy({ scorecardId: previous.id });
      const next = await repository.save(
        repository.create({
          ...previous,
          id: undefined,
          version: previous.version + 1,
          status: ScorecardStatus.DRAFT,
          evaluatedBy: caller.userId,
          supersedesId: previous.id,
          finalisedAt: null,
          createdAt: undefined,
        }),
      );
      if (scores.length > 0) await manager.getRepository(ScorecardScore).insert(scores.map((score) => ({ ...score, scorecardId: next.id })));
      await this.audit(manager, context, AuditAction.CREATE, next, subjects, ['supersedesId', ...scores.map((score) => `scores.${score.indicator}`)]);
      return next;
    });
  }

  private assertDraft(scorecard: Scorecard, field: string): void {
    if (scorecard.status !== ScorecardStatus.DRAFT) {
      throw new DomainError(ErrorCode.SCORECARD_FINALISED, 'A final scorecard cannot be changed; supersede it with a new version', field);
    }
  }
}
