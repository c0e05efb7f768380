import { assertCanManageSchool, DomainError, ErrorCode, paginate, scopeToCaller, type Caller, type DataSource, type Page, type PageInput } from '@nastavnik/platform';
import type { ProgramService } from '../programs/program.service';
import { BestPractice } from './practice.entity';
import type { AddBestPracticeInput, BestPracticeFilter } from './practice.types';

export class PracticeService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
  ) {}

  /** The library of the caller's school, or of every school of the municipality for the office. */
  list(caller: Caller, filter: BestPracticeFilter, page: PageInput): Promise<Page<BestPractice>> {
    const query = scopeToCaller(this.db.getRepository(BestPractice).createQueryBuilder('practice'), caller);
    if (filter.schoolId) query.andWhere('practice.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.programId) query.andWhere('practice.program_id = :programId', { programId: filter.programId });
    if (filter.tag) query.andWhere(':tag = ANY(practice.tags)', { tag: filter.tag });
    if (filter.search) {
      query.andWhere(`(practice.title ILIKE :search ESCAPE '\\' OR practice.description ILIKE :search ESCAPE '\\')`, { search: `%${filter.search.replace(/[\\%_]/g, '\\$&')}%` });
    }
    return paginate(query, page, { column: 'practice.created_at', timestamp: true, valueOf: (practice) => practice.createdAt });
  }

  /** The pair, when named, is one of the programme's; the mentor is its mentor, or a mentor of the programme. */
  async add(caller: Caller, input: AddBestPracticeInput): Promise<BestPractice> {
    const program = await this.programs.getVisible(caller, input.programId, undefined, 'input.programId');
    assertCanManageSchool(caller, program);
    let mentorId = input.mentorId ?? null;
    if (input.pairId) {
      const [pair] = (await this.db.query('SELECT mentor_id FROM pair WHERE id = $1 AND program_id = $2', [input.pairId, program.id])) as { mentor_id: string }[];
      if (!pair) throw new DomainError(ErrorCode.NOMINEE_NOT_IN_PROGRAM, 'The pair is not one of this programme', 'input.pairId');
      if (mentorId && mentorId !== pair.mentor_id) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The mentor is not the mentor of that pair', 'input.mentorId');
      mentorId = pair.mentor_id;
    } else if (mentorId) {
      const mentored = (await this.db.query('SELECT 1 FROM pair WHERE mentor_id = $1 AND program_id = $2 LIMIT 1', [mentorId, program.id])) as unknown[];
      if (mentored.length === 0) throw new DomainError(ErrorCode.NOMINEE_NOT_IN_PROGRAM, 'The person mentored no pair of this programme', 'input.mentorId');
    }
    const repository = this.db.getRepository(BestPractice);
    return repository.save(
      repository.create({
        programId: program.id,
        municipalityId: program.municipalityId,
        schoolId: program.schoolId,
        title: input.title.trim(),
        description: input.description.trim(),
        url: input.url ?? null,
        tags: [...new Set(input.tags.map((tag) => tag.trim().toLowerCase()))],
        pairId: input.pairId ?? null,
        mentorId,
        createdByUser: caller.userId,
      }),
    );
  }
}
