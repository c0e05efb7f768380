import {
  assertCanManageSchool,
  DomainError,
  ErrorCode,
  paginate,
  scopeToCaller,
  notFound,
  type Caller,
  type DataSource,
  type Page,
  type PageInput,
  type ParticipantDirectory,
  type RequestContext,
} from '@nastavnik/platform';
import type { ProgramService } from '../programs/program.service';
import { Pair, PairMentee } from './pair.entity';
import { PairStatus } from './pair.enums';
import type { FormPairInput, PairFilter } from './pair.types';

export class PairService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
    private readonly directory: ParticipantDirectory,
  ) {}

  private visible(caller: Caller) {
    return scopeToCaller(this.db.getRepository(Pair).createQueryBuilder('pair'), caller);
  }

  async getVisible(caller: Caller, id: string): Promise<Pair> {
    const pair = await this.visible(caller).andWhere('pair.id = :id', { id }).getOne();
    if (!pair) throw notFound('Pair');
    return pair;
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<Pair[]> {
    return this.visible(caller).andWhere('pair.id = ANY(:ids)', { ids }).getMany();
  }

  list(caller: Caller, filter: PairFilter, page: PageInput): Promise<Page<Pair>> {
    const query = this.visible(caller);
    if (filter.programId) query.andWhere('pair.program_id = :programId', { programId: filter.programId });
    if (filter.schoolId) query.andWhere('pair.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.status) query.andWhere('pair.status = :status', { status: filter.status });
    return paginate(query, page, { column: 'pair.created_at', valueOf: (pair) => pair.createdAt.toISOString() });
  }

  ofPrograms(caller: Caller, programIds: readonly string[]): Promise<Pair[]> {
    return this.visible(caller).andWhere('pair.program_id = ANY(:programIds)', { programIds }).orderBy('pair.created_at').getMany();
  }

  ofMentors(caller: Caller, mentorIds: readonly string[]): Promise<Pair[]> {
    return this.visible(caller).andWhere('pair.mentor_id = ANY(:mentorIds)', { mentorIds }).orderBy('pair.created_at').getMany();
  }

  async ofMentees(caller: Caller, menteeIds: readonly string[]): Promise<{ menteeId: string; pair: Pair }[]> {
    const rows = await this.visible(caller)
      .innerJoin(PairMentee, 'member', 'member.pair_id = pair.id')
      .addSelect('member.mentee_id', 'mentee_id')
      .andWhere('member.mentee_id = ANY(:menteeIds)', { menteeIds })
      .orderBy('pair.created_at')
      .getRawAndEntities();
    return rows.entities.map((pair, index) => ({ menteeId: rows.raw[index].mentee_id as string, pair }));
  }

  membersOf(pairIds: readonly string[]): Promise<PairMentee[]> {
    return this.db.getRepository(PairMentee).createQueryBuilder('member').where('member.pair_id = ANY(:pairIds)', { pairIds }).getMany();
  }

  /** Everybody must be in the programme's school and in the right base; nobody mentors themself. */
  async form(context: RequestContext, input: FormPairInput): Promise<Pair> {
    const { caller } = context;
    const program = await this.programs.getVisible(caller, input.programId, undefined, 'input.programId');
    assertCanManageSchool(caller, program);
    if (input.menteeIds.includes(input.mentorId)) {
      throw new DomainError(ErrorCode.SELF_MENTORING, 'Nobody can mentor themself', 'input.menteeIds');
    }
    const people = await this.directory.people(context, [input.mentorId, ...input.menteeIds]);
    const mentor = people.get(input.mentorId);
    if (!mentor) throw notFound('Mentor', 'input.mentorId');
    if (mentor.schoolId !== program.schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'The mentor works at another school', 'input.mentorId');
    if (mentor.mentorProfile?.status !== 'ACTIVE') {
      throw new DomainError(ErrorCode.MENTOR_NOT_ACTIVE, 'The mentor is not active in the mentor base', 'input.mentorId');
    }
    for (const menteeId of input.menteeIds) {
      const mentee = people.get(menteeId);
      if (!mentee) throw notFound('Mentee', 'input.menteeIds');
      if (mentee.schoolId !== program.schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'A mentee works at another school', 'input.menteeIds');
      if (mentee.menteeProfile?.status !== 'ACTIVE') {
        throw new DomainError(ErrorCode.MENTEE_NOT_IN_BASE, 'A mentee is not active in the mentee base', 'input.menteeIds');
      }
    }
    return this.db.transaction(async (manager) => {
      const pair = await manager.getRepository(Pair).save(
        manager.getRepository(Pair).create({
          programId: program.id,
          municipalityId: program.municipalityId,
          schoolId: program.schoolId,
          mentorId: input.mentorId,
          subForm: input.subForm,
          status: PairStatus.FORMING,
          startedOn: null,
          endedOn: null,
          orderNumber: input.orderNumber ?? null,
          orderDate: input.orderDate ?? null,
        }),
      );
      await manager.getRepository(PairMentee).insert(input.menteeIds.map((menteeId) => ({ pairId: pair.id, menteeId, fromDate: null, toDate: null })));
      return pair;
    });
  }

  /** A formed pair starts its work; each mentee's interval in the pair starts the same day. */
  async start(caller: Caller, id: string, startedOn: string): Promise<Pair> {
    return this.db.transaction(async (manager) => {
      const pair = await scopeToCaller(manager.getRepository(Pair).createQueryBuilder('pair'), caller)
        .andWhere('pair.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!pair) throw notFound('Pair');
      assertCanManageSchool(caller, pair);
      if (pair.status !== PairStatus.FORMING) {
        throw new DomainError(ErrorCode.INVALID_STATUS_CHANGE, `Only a forming pair can start; this one is ${pair.status}`, 'id');
      }
      await manager.getRepository(Pair).update(pair.id, { status: PairStatus.ACTIVE, startedOn });
      await manager.getRepository(PairMentee).update({ pairId: pair.id }, { fromDate: startedOn });
      return manager.getRepository(Pair).findOneByOrFail({ id: pair.id });
    });
  }
}
