import { assertCanManageSchool, DomainError, ErrorCode, notFound, paginate, scopeToCaller, type Caller, type DataSource, type EntityManager, type Page, type PageInput } from '@nastavnik/platform';
import { MentoringProgram } from './program.entity';
import { ACADEMIC_YEAR, type CreateProgramInput, type ProgramFilter } from './program.types';

export class ProgramService {
  constructor(private readonly db: DataSource) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(MentoringProgram).createQueryBuilder('program'), caller);
  }

  async getVisible(caller: Caller, id: string, manager?: EntityManager, field = 'id'): Promise<MentoringProgram> {
    const program = await this.visible(caller, manager).andWhere('program.id = :id', { id }).getOne();
    if (!program) throw notFound('Mentoring programme', field);
    return program;
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<MentoringProgram[]> {
    return this.visible(caller).andWhere('program.id = ANY(:ids)', { ids }).getMany();
  }

  ofSchools(caller: Caller, schoolIds: readonly string[]): Promise<MentoringProgram[]> {
    return this.visible(caller).andWhere('program.school_id = ANY(:schoolIds)', { schoolIds }).orderBy('program.academic_year', 'DESC').getMany();
  }

  list(caller: Caller, filter: ProgramFilter, page: PageInput): Promise<Page<MentoringProgram>> {
    const query = this.visible(caller);
    if (filter.schoolId) query.andWhere('program.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.academicYear) query.andWhere('program.academic_year = :year', { year: filter.academicYear });
    return paginate(query, page, { column: 'program.academic_year', valueOf: (program) => program.academicYear });
  }

  /**
   * The school is taken from the caller's scope: a school role may create only in its own school,
   * the office in any school it names (the participant subgraph owns the list of schools).
   */
  async create(caller: Caller, input: CreateProgramInput): Promise<MentoringProgram> {
    const [, from, to] = ACADEMIC_YEAR.exec(input.academicYear)!;
    if (Number(to) !== Number(from) + 1) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'An academic year spans two consecutive years, e.g. 2025/2026', 'input.academicYear');
    }
    assertCanManageSchool(caller, { municipalityId: caller.municipalityId, schoolId: input.schoolId });
    const repository = this.db.getRepository(MentoringProgram);
    if (await repository.existsBy({ schoolId: input.schoolId, academicYear: input.academicYear, form: input.form })) {
      throw new DomainError(ErrorCode.CONFLICT, 'The school already has a programme of this form for this academic year', 'input.academicYear');
    }
    return repository.save(
      repository.create({
        municipalityId: caller.municipalityId,
        schoolId: input.schoolId,
        academicYear: input.academicYear,
        form: input.form,
        title: input.title.trim(),
        goal: input.goal ?? null,
      }),
    );
  }
}
