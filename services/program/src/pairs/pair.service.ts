import {
  assertCanManageSchool,
  assertConsent,
  AuditAction,
  DomainError,
  ErrorCode,
  notFound,
  paginate,
  Processing,
  recordChange,
  scopeToCaller,
  type AuditChange,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
  type ParticipantDirectory,
  type PersonFacts,
  type RequestContext,
} from '@nastavnik/platform';
import { IsNull, type SelectQueryBuilder } from 'typeorm';
import type { MentoringProgram } from '../programs/program.entity';
import { canFormPairsIn, canStartPairsIn } from '../programs/program.rules';
import type { ProgramService } from '../programs/program.service';
import type { SettingsService } from '../settings/settings.service';
import { narrowToOwnPairs } from './pair.access';
import { Pair, PairMentee } from './pair.entity';
import { InteractionSubForm, PairStatus } from './pair.enums';
import { freeCapacity, intervalsOverlap, OPEN_PAIR_STATUSES } from './pair.rules';
import type { FormPairInput, MentorshipFilter, PairFilter } from './pair.types';

/** One pair to form, with the argument paths its errors point at. */
export interface PairSpec {
  mentorId: string;
  menteeIds: string[];
  subForm: InteractionSubForm;
  orderNumber: string | null;
  orderDate: string | null;
  fields: { mentorId: string; menteeIds: string };
}

export class PairService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
    private readonly directory: ParticipantDirectory,
    private readonly settings: SettingsService,
  ) {}

  visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return narrowToOwnPairs(scopeToCaller(manager.getRepository(Pair).createQueryBuilder('pair'), caller), caller, 'pair.id');
  }

  async getVisible(caller: Caller, id: string, field = 'id'): Promise<Pair> {
    const pair = await this.visible(caller).andWhere('pair.id = :id', { id }).getOne();
    if (!pair) throw notFound('Pair', field);
    return pair;
  }

  /** The pair row locked for the transaction: status changes, meetings and plans serialize on it. */
  async lockVisible(caller: Caller, id: string, manager: EntityManager, field = 'id'): Promise<Pair> {
    const pair = await this.visible(caller, manager).andWhere('pair.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!pair) throw notFound('Pair', field);
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
    if (filter.subForm) query.andWhere('pair.sub_form = :subForm', { subForm: filter.subForm });
    if (filter.mentorId) query.andWhere('pair.mentor_id = :mentorId', { mentorId: filter.mentorId });
    return paginate(query, page, { column: 'pair.created_at', timestamp: true, valueOf: (pair) => pair.createdAt });
  }

  ofPrograms(caller: Caller, programIds: readonly string[]): Promise<Pair[]> {
    return this.visible(caller).andWhere('pair.program_id = ANY(:programIds)', { programIds }).orderBy('pair.created_at').getMany();
  }

  ofMentors(caller: Caller, mentorIds: readonly string[]): Promise<Pair[]> {
    return this.visible(caller).andWhere('pair.mentor_id = ANY(:mentorIds)', { mentorIds }).orderBy('pair.created_at').getMany();
  }

  /** The caller's pair memberships of these mentees; one row per membership, so groups come out whole. */
  private async memberships(caller: Caller, where: (query: SelectQueryBuilder<Pair>) => void): Promise<{ pair: Pair; member: PairMentee }[]> {
    const query = this.visible(caller)
      .innerJoin(PairMentee, 'member', 'member.pair_id = pair.id')
      .select(['member.pair_id AS pair_id', 'member.mentee_id AS mentee_id', 'member.from_date AS from_date', 'member.to_date AS to_date'])
      .orderBy('pair.created_at')
      .addOrderBy('member.mentee_id');
    where(query);
    const rows = await query.getRawMany<{ pair_id: string; mentee_id: string; from_date: string | null; to_date: string | null }>();
    const pairs = new Map((await this.findVisibleByIds(caller, [...new Set(rows.map((row) => row.pair_id))])).map((pair) => [pair.id, pair]));
    return rows.flatMap((row) => {
      const pair = pairs.get(row.pair_id);
      const member = Object.assign(new PairMentee(), { pairId: row.pair_id, menteeId: row.mentee_id, fromDate: row.from_date, toDate: row.to_date });
      return pair ? [{ pair, member }] : [];
    });
  }

  async ofMentees(caller: Caller, menteeIds: readonly string[]): Promise<{ menteeId: string; pair: Pair }[]> {
    const rows = await this.memberships(caller, (query) => query.andWhere('member.mentee_id = ANY(:menteeIds)', { menteeIds }));
    return rows.map(({ pair, member }) => ({ menteeId: member.menteeId, pair }));
  }

  membersOf(pairIds: readonly string[]): Promise<PairMentee[]> {
    return this.db.getRepository(PairMentee).createQueryBuilder('member').where('member.pair_id = ANY(:pairIds)', { pairIds }).getMany();
  }

  /** People the caller may see, as the participant subgraph knows them. */
  directoryPeople(context: RequestContext, ids: readonly string[]): Promise<Map<string, PersonFacts>> {
    return this.directory.people(context, ids);
  }

  /** Who mentored whom on a date: the mentee intervals that contain it. */
  async mentorshipsOn(caller: Caller, date: string, filter: MentorshipFilter): Promise<{ pair: Pair; member: PairMentee }[]> {
    return this.memberships(caller, (query) => {
      query.andWhere('member.from_date <= :date AND (member.to_date IS NULL OR member.to_date >= :date)', { date });
      if (filter.schoolId) query.andWhere('pair.school_id = :schoolId', { schoolId: filter.schoolId });
      if (filter.mentorId) query.andWhere('pair.mentor_id = :mentorId', { mentorId: filter.mentorId });
      if (filter.menteeId) query.andWhere('member.mentee_id = :menteeId', { menteeId: filter.menteeId });
    });
  }

  form(context: RequestContext, input: FormPairInput): Promise<Pair> {
    const spec: PairSpec = {
      mentorId: input.mentorId,
      menteeIds: input.menteeIds,
      subForm: input.subForm,
      orderNumber: input.orderNumber ?? null,
      orderDate: input.orderDate ?? null,
      fields: { mentorId: 'input.mentorId', menteeIds: 'input.menteeIds' },
    };
    return this.formMany(context, input.programId, [spec], 'input.programId').then((pairs) => pairs[0]!);
  }

  /**
   * Forms pairs, all or none. Everybody must be in the programme's school (a mentor may come from
   * the municipal pool where the office allows it) and in the right base; nobody mentors themself;
   * the mentor's capacity holds and a mentor and mentee never share two open pairs of a programme.
   * The programme row and an advisory lock per mentor make the checks and inserts atomic, so two
   * curators cannot exceed a capacity at once.
   */
  async formMany(context: RequestContext, programId: string, specs: PairSpec[], programField: string): Promise<Pair[]> {
    const { caller } = context;
    const program = await this.programs.getVisible(caller, programId, undefined, programField);
    assertCanManageSchool(caller, program);
    this.assertStageAllowsForming(program, programField);
    for (const spec of specs) {
      if (spec.menteeIds.includes(spec.mentorId)) throw new DomainError(ErrorCode.SELF_MENTORING, 'Nobody can mentor themself', spec.fields.menteeIds);
    }
    const people = await this.directory.people(context, specs.flatMap((spec) => [spec.mentorId, ...spec.menteeIds]));
    const settings = await this.settings.of(caller);
    for (const spec of specs) this.assertBases(program, people, spec, settings.allowMunicipalMentorPool);

    return this.db.transaction(async (manager) => {
      const locked = await this.programs.lockVisible(caller, programId, manager, programField);
      this.assertStageAllowsForming(locked, programField);
      const mentorIds = [...new Set(specs.map((spec) => spec.mentorId))].sort();
      for (const mentorId of mentorIds) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [mentorId]);
      const load = await this.openMenteeCounts(manager, mentorIds);
      const formed: Pair[] = [];
      const audit: AuditChange[] = [];
      for (const spec of specs) {
        const capacity = people.get(spec.mentorId)!.mentorProfile!.capacity;
        const held = load.get(spec.mentorId) ?? 0;
        if (spec.menteeIds.length > freeCapacity(capacity, held)) {
          throw new DomainError(
            ErrorCode.MENTOR_CAPACITY_EXCEEDED,
            `The mentor can take ${capacity} mentee(s) and already has ${held}; ${spec.menteeIds.length} more would exceed it`,
            spec.fields.menteeIds,
          );
        }
        await this.assertNoOpenPairOfSameMentorAndMentee(manager, locked.id, spec.mentorId, spec.menteeIds, spec.fields.menteeIds);
        load.set(spec.mentorId, held + spec.menteeIds.length);
        const pair = await manager.getRepository(Pair).save(
          manager.getRepository(Pair).create({
            programId: locked.id,
            municipalityId: locked.municipalityId,
            schoolId: locked.schoolId,
            mentorId: spec.mentorId,
            subForm: spec.subForm,
            status: PairStatus.FORMING,
            startedOn: null,
            endedOn: null,
            orderNumber: spec.orderNumber,
            orderDate: spec.orderDate,
          }),
        );
        await manager.getRepository(PairMentee).insert(spec.menteeIds.map((menteeId) => ({ pairId: pair.id, menteeId, fromDate: null, toDate: null })));
        audit.push({
          action: AuditAction.CREATE,
          entityType: 'Pair',
          entityId: pair.id,
          personIds: [spec.mentorId, ...spec.menteeIds],
          schoolId: pair.schoolId,
          fields: ['mentorId', 'menteeIds', 'subForm', 'status', ...(spec.orderNumber ? ['orderNumber', 'orderDate'] : [])],
        });
        formed.push(pair);
      }
      // One insert for every pair of an accepted proposal, in the same transaction.
      await recordChange(manager, context, ...audit);
      return formed;
    });
  }

  private assertStageAllowsForming(program: MentoringProgram, field: string): void {
    if (!canFormPairsIn(program.stage)) {
      throw new DomainError(ErrorCode.WRONG_PROGRAM_STAGE, `Pairs cannot be formed at the stage ${program.stage}`, field);
    }
  }

  private assertBases(program: MentoringProgram, people: Map<string, PersonFacts>, spec: PairSpec, municipalPool: boolean): void {
    const mentor = people.get(spec.mentorId);
    if (!mentor) throw notFound('Mentor', spec.fields.mentorId);
    assertConsent(Processing.PAIR, mentor.activeConsentScopes, spec.fields.mentorId, 'The mentor');
    const fromPool = municipalPool && mentor.municipalityId === program.municipalityId;
    if (mentor.schoolId !== program.schoolId && !fromPool) {
      throw new DomainError(ErrorCode.OTHER_SCHOOL, 'The mentor works at another school', spec.fields.mentorId);
    }
    if (mentor.mentorProfile?.status !== 'ACTIVE') {
      throw new DomainError(ErrorCode.MENTOR_NOT_ACTIVE, 'The mentor is not active in the mentor base', spec.fields.mentorId);
    }
    for (const menteeId of spec.menteeIds) {
      const mentee = people.get(menteeId);
      if (!mentee) throw notFound('Mentee', spec.fields.menteeIds);
      assertConsent(Processing.PAIR, mentee.activeConsentScopes, spec.fields.menteeIds, 'A mentee');
      if (mentee.schoolId !== program.schoolId) throw new DomainError(ErrorCode.OTHER_SCHOOL, 'A mentee works at another school', spec.fields.menteeIds);
      if (mentee.menteeProfile?.status !== 'ACTIVE') {
        throw new DomainError(ErrorCode.MENTEE_NOT_IN_BASE, 'A mentee is not active in the mentee base', spec.fields.menteeIds);
      }
    }
  }

  /** Mentees each mentor holds now, in every programme: open pairs, open intervals. */
  async openMenteeCounts(manager: EntityManager, mentorIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { mentor_id: string; held: string }[] = await manager.query(
      `SELECT p.mentor_id, count(*) AS held FROM pair p JOIN pair_mentee m ON m.pair_id = p.id
        WHERE p.mentor_id = ANY($1) AND p.status = ANY($2) AND m.to_date IS NULL GROUP BY p.mentor_id`,
      [mentorIds, OPEN_PAIR_STATUSES],
    );
    return new Map(rows.map((row) => [row.mentor_id, Number(row.held)]));
  }

  private async assertNoOpenPairOfSameMentorAndMentee(manager: EntityManager, programId: string, mentorId: string, menteeIds: string[], field: string): Promise<void> {
    const clash: unknown[] = await manager.query(
      `SELECT 1 FROM pair p JOIN pair_mentee m ON m.pair_id = p.id
        WHERE p.program_id = $1 AND p.mentor_id = $2 AND m.mentee_id = ANY($3) AND p.status = ANY($4) AND m.to_date IS NULL LIMIT 1`,
      [programId, mentorId, menteeIds, OPEN_PAIR_STATUSES],
    );
    if (clash.length > 0) throw new DomainError(ErrorCode.OVERLAPPING_PAIR, 'This mentor and mentee already have an open pair in the programme', field);
  }

  /**
   * Work in a pair processes the data of everybody in it: the mentor and each mentee still in it
   * must have the consent the processing needs, asked anew on every write (a withdrawal refuses the
   * next one). Pausing, completing and dissolving need none: they stop the processing. `authorize`
   * runs first, so a caller who may not do the write learns nothing about anybody's consents.
   */
  async assertMembersConsent(context: RequestContext, pairId: string, processing: Processing, field: string, authorize: (caller: Caller, pair: Pair) => void): Promise<void> {
    const pair = await this.getVisible(context.caller, pairId, field);
    authorize(context.caller, pair);
    const members = await this.db.getRepository(PairMentee).findBy({ pairId: pair.id, toDate: IsNull() });
    const people = await this.directory.people(context, [pair.mentorId, ...members.map((member) => member.menteeId)]);
    assertConsent(processing, people.get(pair.mentorId)?.activeConsentScopes ?? [], field, 'The mentor of the pair');
    for (const member of members) assertConsent(processing, people.get(member.menteeId)?.activeConsentScopes ?? [], field, 'A mentee of the pair');
  }

  /** A formed pair starts its work; each mentee's interval in the pair starts the same day. */
  async start(context: RequestContext, id: string, startedOn: string): Promise<Pair> {
    const { caller } = context;
    await this.assertMembersConsent(context, id, Processing.PAIR, 'id', assertCanManageSchool);
    return this.db.transaction(async (manager) => {
      const pair = await this.lockVisible(caller, id, manager);
      assertCanManageSchool(caller, pair);
      if (pair.status !== PairStatus.FORMING) {
        throw new DomainError(ErrorCode.INVALID_STATUS_CHANGE, `Only a forming pair can start; this one is ${pair.status}`, 'id');
      }
      const program = await this.programs.getVisible(caller, pair.programId, manager);
      if (!canStartPairsIn(program.stage)) {
        throw new DomainError(ErrorCode.WRONG_PROGRAM_STAGE, `No pair can start work before the pairing stage; the programme is at ${program.stage}`, 'id');
      }
      // Earlier pairs of the same mentor and mentee in this programme must have ended before this start.
      const earlier: { from_date: string; to_date: string | null }[] = await manager.query(
        `SELECT m.from_date, m.to_date FROM pair p JOIN pair_mentee m ON m.pair_id = p.id
          WHERE p.program_id = $1 AND p.mentor_id = $2 AND p.id <> $3 AND m.from_date IS NOT NULL
            AND m.mentee_id IN (SELECT mentee_id FROM pair_mentee WHERE pair_id = $3)`,
        [pair.programId, pair.mentorId, pair.id],
      );
      if (earlier.some((row) => intervalsOverlap({ from: row.from_date, to: row.to_date }, { from: startedOn, to: null }))) {
        throw new DomainError(ErrorCode.OVERLAPPING_PAIR, 'This mentor and mentee already worked together in this programme on that date', 'startedOn');
      }
      await manager.getRepository(Pair).update(pair.id, { status: PairStatus.ACTIVE, startedOn, statusChangedAt: new Date() });
      await manager.getRepository(PairMentee).update({ pairId: pair.id }, { fromDate: startedOn });
      await recordChange(manager, context, {
        action: AuditAction.UPDATE,
        entityType: 'Pair',
        entityId: pair.id,
        personIds: await pairMemberIds(manager, pair),
        schoolId: pair.schoolId,
        fields: ['status', 'startedOn'],
      });
      return manager.getRepository(Pair).findOneByOrFail({ id: pair.id });
    });
  }
}

/** The people of a pair (its mentor and every mentee it had): the data subjects of its records. */
export async function pairMemberIds(manager: EntityManager, pair: Pair): Promise<string[]> {
  const members = await manager.getRepository(PairMentee).findBy({ pairId: pair.id });
  return [pair.mentorId, ...members.map((member) => member.menteeId)];
}
