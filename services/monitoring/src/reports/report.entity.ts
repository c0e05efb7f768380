import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ReportScopeKind, ReportStatus } from './report.enums';

/**
 * A municipal Excel report: who asked for which scope and year, and what the analytics worker made
 * of it. The worker never writes here; this service copies the job's outcome in (see ReportService).
 */
@ObjectType({ description: 'Отчёт для муниципалитета (Excel)' })
@Directive('@key(fields: "id")')
@Entity('report')
export class Report {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  /** Null for a municipality report: then only the office sees it. */
  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId: string | null;

  @Field(() => ReportScopeKind)
  @Column('text', { name: 'scope_kind' })
  scopeKind: ReportScopeKind;

  @Field(() => ID)
  @Column('uuid', { name: 'scope_id' })
  scopeId: string;

  @Field()
  @Column('text', { name: 'academic_year' })
  academicYear: string;

  @Field()
  @Column('text', { name: 'requested_by' })
  requestedBy: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'schedule_id', nullable: true })
  scheduleId: string | null;

  /** The schedule tick that made this report, so a tick delivered twice makes one report. */
  @Column('text', { name: 'trigger_job_id', nullable: true })
  triggerJobId: string | null;

  @Field(() => [String], { description: 'Who gets the workbook by e-mail' })
  @Column('text', { array: true, default: () => "'{}'" })
  recipients: string[];

  @Field(() => ReportStatus)
  @Column('text')
  status: ReportStatus;

  @Field(() => Int, { description: 'Percent done, 0–100' })
  @Column('int')
  progress: number;

  @Field(() => String, { nullable: true, description: 'What the worker is doing now' })
  @Column('text', { nullable: true })
  stage: string | null;

  @Field(() => [String], { description: 'Why attempts failed, oldest first' })
  @Column('text', { array: true, default: () => "'{}'" })
  errors: string[];

  @Column('text', { name: 'file_name', nullable: true })
  fileName: string | null;

  @Field(() => Int, { nullable: true, description: 'Size of the workbook in bytes' })
  @Column('bigint', { nullable: true, transformer: { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) } })
  size: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the workbook, hex' })
  @Column('text', { nullable: true })
  sha256: string | null;

  /** Fingerprint of the data the report was computed from; equal versions give equal figures. */
  @Column('text', { name: 'data_version', nullable: true })
  dataVersion: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when the data had not changed since this earlier report, whose workbook was reused' })
  @Column('uuid', { name: 'reused_from', nullable: true })
  reusedFrom: string | null;

  /** The worker's headline figures, for dashboards (see ReportSummary of the queue contract). */
  @Column('jsonb', { nullable: true })
  summary: object | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}

/** A standing order for reports: a cron expression in a time zone, and who receives them. */
@ObjectType({ description: 'Расписание отчётов' })
@Entity('report_schedule')
export class ReportSchedule {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId: string | null;

  @Field(() => ReportScopeKind)
  @Column('text', { name: 'scope_kind' })
  scopeKind: ReportScopeKind;

  @Field(() => ID)
  @Column('uuid', { name: 'scope_id' })
  scopeId: string;

  @Field(() => String, { nullable: true, description: 'Null: the academic year current on the day of each run' })
  @Column('text', { name: 'academic_year', nullable: true })
  academicYear: string | null;

  @Field({ description: 'Cron expression, e.g. "0 6 1 * *" for 06:00 on the 1st of each month' })
  @Column('text')
  cron: string;

  @Field({ description: 'IANA time zone of the cron expression, e.g. Europe/Moscow' })
  @Column('text', { name: 'time_zone' })
  timeZone: string;

  @Field(() => [String])
  @Column('text', { array: true })
  recipients: string[];

  @Field()
  @Column('boolean')
  active: boolean;

  @Field()
  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
