import {
  assertCanManageSchool,
  AuditAction,
  DomainError,
  ErrorCode,
  notFound,
  paginate,
  recordChange,
  scopeToCaller,
  today,
  type Caller,
  type DataSource,
  type EntityManager,
  type Page,
  type PageInput,
  type RequestContext,
} from '@nastavnik/platform';
import { academicYearStart } from '../programs/program.rules';
import type { ProgramService } from '../programs/program.service';
import { RoadmapItem } from './roadmap-item.entity';
import { RoadmapItemStatus, type RoadmapResponsibleRole, type RoadmapSection } from './roadmap.enums';
import { statusChangeRefusal } from './roadmap.rules';
import { periodDates, ROADMAP_SECTIONS, ROADMAP_TEMPLATE } from './roadmap.template';
import type { AddRoadmapItemInput, OverdueRoadmapFilter, UpdateRoadmapItemInput } from './roadmap.types';

const SECTION_ORDER = `array_position(ARRAY['${ROADMAP_SECTIONS.join("','")}'], item.section)`;

export class RoadmapService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramService,
  ) {}

  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return scopeToCaller(manager.getRepository(RoadmapItem).createQueryBuilder('item'), caller);
  }

  /** Items of programmes in the seed's order: section, then period, then row number. */
  ofPrograms(caller: Caller, programIds: readonly string[], manager?: EntityManager): Promise<RoadmapItem[]> {
    return this.visible(caller, manager)
      .andWhere('item.program_id = ANY(:programIds)', { programIds })
      .orderBy(SECTION_ORDER)
      .addOrderBy('item.starts_on')
      .addOrderBy('item.created_at')
      .getMany();
  }

  /** Open items whose period ended before `asOf`: a school's, or the whole municipality's for the office. */
  overdue(caller: Caller, filter: OverdueRoadmapFilter, asOf: string, page: PageInput): Promise<Page<RoadmapItem>> {
    const query = this.visible(caller)
      .andWhere('item.status IN (:...open)', { open: [RoadmapItemStatus.PLANNED, RoadmapItemStatus.IN_PROGRESS] })
      .andWhere('item.ends_on < :asOf', { asOf });
    if (filter.schoolId) query.andWhere('item.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.programId) query.andWhere('item.program_id = :programId', { programId: filter.programId });
    if (filter.section) query.andWhere('item.section = :section', { section: filter.section });
    return paginate(query, page, { column: 'item.ends_on', valueOf: (item) => item.endsOn });
  }

  /** The seed's section 9 as the programme's own roadmap, dated in its academic year; only into an empty roadmap. */
  async applyTemplate(caller: Caller, programId: string): Promise<RoadmapItem[]> {
    return this.db.transaction(async (manager) => {
      const program = await this.programs.lockVisible(caller, programId, manager, 'programId');
      assertCanManageSchool(caller, program);
      if (await manager.getRepository(RoadmapItem).existsBy({ programId })) {
        throw new DomainError(ErrorCode.ROADMAP_NOT_EMPTY, 'The programme already has a roadmap; the template goes only into an empty one', 'programId');
      }
      const year = academicYearStart(program.academicYear);
      await manager.getRepository(RoadmapItem).insert(
        ROADMAP_TEMPLATE.map((row) => ({
          programId,
          municipalityId: program.municipalityId,
          schoolId: program.schoolId,
          section: row.section as RoadmapSection,
          number: row.number,
          event: row.event,
          resultForm: row.resultForm,
          periodLabel: row.period.label,
          ...periodDates(row.period, year),
          responsibleRole: row.responsibleRole as RoadmapResponsibleRole,
          responsibleLabel: row.responsibleLabel,
          status: RoadmapItemStatus.PLANNED,
        })),
      );
      return this.ofPrograms(caller, [programId], manager);
    });
  }

  async add(context: RequestContext, input: AddRoadmapItemInput): Promise<RoadmapItem> {
    const { caller } = context;
    const program = await this.programs.getVisible(caller, input.programId, undefined, 'input.programId');
    assertCanManageSchool(caller, program);
    if (input.responsiblePersonId) await this.programs.assertPersonOfSchool(context, input.responsiblePersonId, program.schoolId, 'input.responsiblePersonId');
    const period = this.periodOf(input, academicYearStart(program.academicYear));
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(RoadmapItem);
      const item = await repository.save(
        repository.create({
          programId: program.id,
          municipalityId: program.municipalityId,
          schoolId: program.schoolId,
          section: input.section,
          number: null,
          event: input.event.trim(),
          resultForm: input.resultForm.trim(),
          ...period,
          responsibleRole: input.responsibleRole ?? null,
          responsiblePersonId: input.responsiblePersonId ?? null,
          responsibleLabel: null,
          status: RoadmapItemStatus.PLANNED,
        }),
      );
      // An item is personal data only when it names the person responsible.
      if (item.responsiblePersonId) {
        await recordChange(manager, context, { action: AuditAction.CREATE, entityType: 'RoadmapItem', entityId: item.id, personId: item.responsiblePersonId, schoolId: item.schoolId, fields: ['responsiblePersonId'] });
      }
      return item;
    });
  }

  private periodOf(input: AddRoadmapItemInput, year: number): { startsOn: string; endsOn: string; periodLabel: string | null } {
    if (input.fromMonth && input.toMonth) return { ...periodDates({ fromMonth: input.fromMonth, toMonth: input.toMonth }, year), periodLabel: null };
    if (input.startsOn && input.endsOn) {
      if (input.endsOn < input.startsOn) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The period cannot end before it starts', 'input.endsOn');
      return { startsOn: input.startsOn, endsOn: input.endsOn, periodLabel: null };
    }
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Give the period as fromMonth and toMonth, or as startsOn and endsOn', 'input.fromMonth');
  }

  async update(context: RequestContext, id: string, input: UpdateRoadmapItemInput): Promise<RoadmapItem> {
    const { caller } = context;
    return this.db.transaction(async (manager) => {
      const item = await this.visible(caller, manager).andWhere('item.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!item) throw notFound('Roadmap item');
      assertCanManageSchool(caller, item);
      if (input.responsiblePersonId) await this.programs.assertPersonOfSchool(context, input.responsiblePersonId, item.schoolId, 'input.responsiblePersonId');
      const changes: Partial<RoadmapItem> = {};
      for (const key of ['documentTitle', 'documentNumber', 'documentDate', 'documentUrl', 'responsiblePersonId'] as const) {
        if (input[key] !== undefined) changes[key] = input[key] ?? null;
      }
      const status = input.status ?? item.status;
      const refusal = statusChangeRefusal(status, item.resultForm, { documentTitle: changes.documentTitle !== undefined ? changes.documentTitle : item.documentTitle });
      if (refusal) throw new DomainError(ErrorCode[refusal.code], refusal.message, refusal.code === 'EVIDENCE_REQUIRED' ? 'input.documentTitle' : 'input.status');
      changes.status = status;
      changes.completedOn = status === RoadmapItemStatus.DONE ? (input.completedOn ?? item.completedOn ?? today()) : null;
      await manager.getRepository(RoadmapItem).update(item.id, changes);
      if (changes.responsiblePersonId !== undefined && changes.responsiblePersonId !== item.responsiblePersonId) {
        await recordChange(manager, context, {
          action: AuditAction.UPDATE,
          entityType: 'RoadmapItem',
          entityId: item.id,
          personIds: [item.responsiblePersonId, changes.responsiblePersonId].filter((id): id is string => id !== null),
          schoolId: item.schoolId,
          fields: ['responsiblePersonId'],
        });
      }
      return manager.getRepository(RoadmapItem).findOneByOrFail({ id: item.id });
    });
  }
}
