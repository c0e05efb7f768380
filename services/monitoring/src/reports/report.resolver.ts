import { PageInput, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Report, ReportSchedule } from './report.entity';
import type { ReportService } from './report.service';
import { Dashboard, ReportConnection, ReportDelivery, ReportFilter, ReportScheduleInput, ReportScopeInput, RequestReportInput } from './report.types';

@Resolver(() => Report)
export class ReportResolver {
  constructor(private readonly reportService: ReportService) {}

  @Mutation(() => Report, { description: 'Orders an Excel report; answers at once, the worker builds it in the background' })
  requestReport(@Arg('input') input: RequestReportInput, @Ctx() context: RequestContext): Promise<Report> {
    return this.reportService.request(context, input);
  }

  @Query(() => Report, { description: 'A report with its status and progress' })
  report(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Report> {
    return this.reportService.getVisible(context.caller, id);
  }

  @Query(() => ReportConnection, { description: 'Reports of the caller’s scope, oldest first' })
  reports(
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | undefined,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | undefined,
    @Ctx() context: RequestContext,
  ): Promise<ReportConnection> {
    return this.reportService.list(context.caller, filter ?? new ReportFilter(), page ?? new PageInput());
  }

  @Query(() => Dashboard, { description: 'Figures of the latest report of a scope plus live counts; never recomputed per request' })
  dashboard(
    @Arg('scope', () => ReportScopeInput) scope: ReportScopeInput,
    @Arg('academicYear') academicYear: string,
    @Ctx() context: RequestContext,
  ): Promise<Dashboard> {
    return this.reportService.dashboard(context, scope, academicYear);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to download the workbook (GET on the gateway, with the token)' })
  downloadPath(@Root() report: Report): string | null {
    return report.fileName ? `/reports/${report.id}/file` : null;
  }

  @FieldResolver(() => [ReportDelivery], { description: 'E-mail delivery to each recipient, with every attempt' })
  deliveries(@Root() report: Report): Promise<ReportDelivery[]> {
    return this.reportService.deliveries(report);
  }
}

@Resolver(() => ReportSchedule)
export class ReportScheduleResolver {
  constructor(private readonly reportService: ReportService) {}

  @Query(() => [ReportSchedule])
  reportSchedules(@Ctx() context: RequestContext): Promise<ReportSchedule[]> {
    return this.reportService.schedules(context.caller);
  }

  @Mutation(() => ReportSchedule, { description: 'Orders reports on a schedule, e-mailed to the recipients' })
  createReportSchedule(@Arg('input') input: ReportScheduleInput, @Ctx() context: RequestContext): Promise<ReportSchedule> {
    return this.reportService.createSchedule(context, input);
  }

  @Mutation(() => ReportSchedule, { description: 'Stops a schedule; its reports stay' })
  deactivateReportSchedule(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ReportSchedule> {
    return this.reportService.deactivateSchedule(context.caller, id);
  }

  @FieldResolver(() => Date, { nullable: true })
  nextRunAt(@Root() schedule: ReportSchedule): Promise<Date | null> {
    return this.reportService.nextRun(schedule);
  }
}
