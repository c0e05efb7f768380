import {
  assertCanManageSchool,
  DomainError,
  ErrorCode,
  notFound,
  paginate,
  scopeToCaller,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import { MentoringProgram, ProgramStageChange } from './program.entity';
import { ProgramStage } from './program.enums';
import { STAGE_ORDER, stageIndex } from './program.rules';
import { ACADEMIC_YEAR, type CreateProgramInput, type ProgramFilter, type UpdateProgramInput } from './program.types';

function assertDatesInOrder(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The programme cannot end before it starts', 'input.endsOn');
  }
}

export class ProgramService {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ParticipantDirectory,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(MentoringProgram).createQueryBuilder('program'), caller);
  }

  async getVisible(caller: Caller, id: string, manager?: EntityManager, field = 'id'): Promise<MentoringProgram> {
    const program = await this.visible(caller, manager).andWhere('program.id = :id', { id }).getOne();
    if (!program) throw notFound('Mentoring programme', field);
    return program;
  }

  /** The programme row locked for the transaction: stage changes and pair writes serialize on it. */
  async lockVisible(caller: Caller, id: string, manager: EntityManager, field = 'id'): Promise<MentoringProgram> {
    const program = await this.visible(caller, manager).andWhere('program.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!program) throw notFound('Mentoring programme', field);
    return program;
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<MentoringProgram[]> {
    return this.visible(caller).andWhere('program.id = ANY(:ids)', { ids }).getMany();
  }

  ofSchools(caller: Caller, schoolIds: readonly string[]): Promise<MentoringProgram[]> {
    return this.visible(caller).andWhere('program.school_id = ANY(:schoolIds)', { schoolIds }).orderBy('program.academic_year', 'DESC').getMany();
  }

  stageHistoryOf(programIds: readonly string[]): Promise<ProgramStageChange[]> {
    return this.db
      .getRepository(ProgramStageChange)
      .createQueryBuilder('change')
      .where('change.program_id = ANY(:programIds)', { programIds })
      .orderBy('change.changed_at')
      .addOrderBy('change.id')
      .getMany();
  }

  list(caller: Caller, filter: ProgramFilter, page: PageInput): Promise<Page<MentoringProgram>> {
    const query = this.visible(caller);
    if (filter.schoolId) query.andWhere('program.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.academicYear) query.andWhere('program.academic_year = :year', { year: filter.academicYear });
    if (filter.stage) query.andWhere('program.stage = :stage', { stage: filter.stage });
    return paginate(query, page, { column: 'program.academic_year', valueOf: (program) => program.academicYear });
  }

  /** The curator must be a teacher of the programme's school whom the caller can see. */
  /** A person named in a programme (its curator, a roadmap item's responsible) works at its school. */
  async assertPersonOfSchool(context: RequestContext, personId: string, schoolId: string, field: string): Promise<void> {
    const person = (await this.directory.people(context, [personId])).get(personId);
    if (!person) throw notFound('Person', field);
    if (person.schoolId !== schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'This person works at another school', field);
  }

  /**
   * The school is taken from the caller's scope: a school role may create only in its own school,
   * the office in any school it names (the participant subgraph owns the list of schools).
   */
  async create(context: RequestContext, input: CreateProgramInput): Promise<MentoringProgram> {
    const { caller } = context;
    const [, from, to] = ACADEMIC_YEAR.exec(input.academicYear)!;
    if (Number(to) !== Number(from) + 1) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'An academic year spans two consecutive years, e.g. 2025/2026', 'input.academicYear');
    }
    assertCanManageSchool(caller, { municipalityId: caller.municipalityId, schoolId: input.schoolId });
    // The participant subgraph owns the schools: the office names one of its own municipality.
    if (!(await this.directory.schools(context, [input.schoolId])).has(input.schoolId)) throw notFound('School', 'input.schoolId');
    assertDatesInOrder(input.startsOn, input.endsOn);
    if (input.curatorId) await this.assertPersonOfSchool(context, input.curatorId, input.schoolId, 'input.curatorId');
    const stage = input.stage ?? ProgramStage.PREPARATION;
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(MentoringProgram);
      if (await repository.existsBy({ schoolId: input.schoolId, academicYear: input.academicYear, form: input.form })) {
        throw new DomainError(ErrorCode.CONFLICT, 'The school already has a programme of this form for this academic year', 'input.academicYear');
      }
      const program = await repository.save(
        repository.create({
          municipalityId: caller.municipalityId,
          schoolId: input.schoolId,
          academicYear: input.academicYear,
          form: input.form,
          title: input.title.trim(),
          goal: input.goal ?? null,
          tasks: input.tasks ?? [],
          curatorId: input.curatorId ?? null,
          startsOn: input.startsOn ?? null,
          endsOn: input.endsOn ?? null,
          stage,
        }),
      );
      // A programme entered mid-cycle records the stages before it as passed at entry.
      const passed = STAGE_ORDER.slice(0, stageIndex(stage) + 1);
      await manager.getRepository(ProgramStageChange).insert(
        passed.map((toStage, index) => ({
          programId: program.id,
          fromStage: index === 0 ? null : passed[index - 1]!,
          toStage,
          changedByUser: caller.userId,
          changedByPerson: caller.personId,
        })),
      );
      return program;
    });
  }

  async update(context: RequestContext, id: string, input: UpdateProgramInput): Promise<MentoringProgram> {
    const { caller } = context;
    const current = await this.getVisible(caller, id);
    assertCanManageSchool(caller, current);
    if (input.curatorId) await this.assertPersonOfSchool(context, input.curatorId, current.schoolId, 'input.curatorId');
    return this.db.transaction(async (manager) => {
      const program = await this.lockVisible(caller, id, manager);
      const changes: Partial<MentoringProgram> = {};
      if (input.title !== undefined) changes.title = input.title.trim();
      if (input.goal !== undefined) changes.goal = input.goal;
      if (input.tasks !== undefined) changes.tasks = input.tasks;
      if (input.curatorId !== undefined) changes.curatorId = input.curatorId;
      if (input.startsOn !== undefined) changes.startsOn = input.startsOn;
      if (input.endsOn !== undefined) changes.endsOn = input.endsOn;
      assertDatesInOrder(changes.startsOn !== undefined ? changes.startsOn : program.startsOn, changes.endsOn !== undefined ? changes.endsOn : program.endsOn);
      if (Object.keys(changes).length > 0) await manager.getRepository(MentoringProgram).update(program.id, changes);
      return manager.getRepository(MentoringProgram).findOneByOrFail({ id: program.id });
    });
  }
}
