import { Connection } from '@nastavnik/platform';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Report } from './report.entity';
import { DeliveryStatus, ReportScopeKind, ReportStatus } from './report.enums';

const ACADEMIC_YEAR = /^\d{4}\/\d{4}$/;

@InputType()
export class ReportScopeInput {
  @Field(() => ReportScopeKind)
  @IsEnum(ReportScopeKind)
  kind: ReportScopeKind;

  @Field(() => ID, { description: 'The municipality, school or programme id' })
  @IsUUID()
  id: string;
}

@InputType()
export class RequestReportInput {
  @Field(() => ReportScopeInput)
  @ValidateNested()
  scope: ReportScopeInput;

  @Field({ description: 'Academic year, e.g. 2025/2026; a programme report takes its programme’s year' })
  @Matches(ACADEMIC_YEAR, { message: 'academicYear must look like 2025/2026' })
  academicYear: string;

  @Field(() => [String], { nullable: true, description: 'E-mail the workbook to these addresses when it is ready' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  recipients?: string[];
}

@InputType()
export class ReportScheduleInput {
  @Field(() => ReportScopeInput)
  @ValidateNested()
  scope: ReportScopeInput;

  @Field(() => String, { nullable: true, description: 'Leave empty for the academic year current at each run' })
  @IsOptional()
  @Matches(ACADEMIC_YEAR, { message: 'academicYear must look like 2025/2026' })
  academicYear?: string | null;

  @Field({ description: 'Five-field cron expression: minute hour day-of-month month day-of-week' })
  @Matches(/^\S+( \S+){4,5}$/, { message: 'cron must have five fields, e.g. "0 6 1 * *"' })
  cron: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Moscow' })
  @Length(3, 64)
  timeZone: string;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  recipients: string[];
}

@InputType()
export class ReportFilter {
  @Field(() => ReportScopeKind, { nullable: true })
  @IsOptional()
  @IsEnum(ReportScopeKind)
  scopeKind?: ReportScopeKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  scopeId?: string;

  @Field(() => ReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatus)
  status?: ReportStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only scheduled (true) or only requested (false) reports' })
  @IsOptional()
  @IsBoolean()
  scheduled?: boolean;
}

@ObjectType()
export class ReportConnection extends Connection(Report) {}

@ObjectType({ description: 'One recipient’s copy of a report' })
export class ReportDelivery {
  @Field()
  recipient: string;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far' })
  attempts: number;

  @Field(() => [String], { description: 'Every attempt, oldest first' })
  log: string[];

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;
}

@ObjectType({ description: 'Headline of one parameter over the whole scope of a report' })
export class ParameterHeadline {
  @Field()
  parameterKey: string;

  @Field(() => Int)
  n: number;

  @Field(() => Float, { nullable: true, description: 'Mean change, positive = improvement' })
  meanChange: number | null;

  @Field(() => Float, { nullable: true })
  shareImproved: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided Wilcoxon signed-rank p-value' })
  wilcoxonP: number | null;

  @Field({ description: 'True when the figures are withheld: fewer than 5 participants, and the caller may not see the persons' })
  suppressed: boolean;
}

@ObjectType()
export class ParameterMeanChange {
  @Field()
  parameterKey: string;

  @Field(() => Float, { nullable: true })
  meanChange: number | null;

  @Field({ description: 'True when the mean is withheld from a caller who may not see the persons: fewer than 5 participants, or needed to protect another school' })
  suppressed: boolean;
}

@ObjectType({ description: 'Headline figures of one school, as of the report' })
export class SchoolHeadline {
  @Field(() => ID)
  schoolId: string;

  @Field()
  schoolName: string;

  @Field(() => Int)
  mentors: number;

  @Field(() => Int)
  mentees: number;

  @Field(() => Int)
  activePairs: number;

  @Field(() => Float, { nullable: true })
  shareYoungSpecialistsInMentoring: number | null;

  @Field(() => Float, { nullable: true })
  shareUnder35InMentoring: number | null;

  @Field(() => Int)
  measuredParticipants: number;

  @Field(() => [ParameterMeanChange])
  meanChanges: ParameterMeanChange[];
}

@ObjectType({ description: 'Cheap counts taken at the moment of the request' })
export class LiveMonitoringCounts {
  @Field(() => Int)
  measurementsBefore: number;

  @Field(() => Int)
  measurementsAfter: number;

  @Field(() => Int, { description: 'Participant–parameter pairs with both values' })
  completeMeasurements: number;

  @Field(() => Int, { description: 'Participant–parameter pairs still missing one of the two values' })
  incompleteMeasurements: number;
}

@ObjectType({ description: 'Dashboard of a municipality, school or programme: the latest report’s figures and live counts' })
export class Dashboard {
  @Field(() => ReportScopeKind)
  scopeKind: ReportScopeKind;

  @Field(() => ID)
  scopeId: string;

  @Field()
  academicYear: string;

  @Field(() => Report, { nullable: true, description: 'The report the figures come from; null before the first one' })
  latestReport: Report | null;

  @Field(() => [ParameterHeadline])
  parameters: ParameterHeadline[];

  @Field(() => [SchoolHeadline])
  schools: SchoolHeadline[];

  @Field(() => LiveMonitoringCounts)
  live: LiveMonitoringCounts;
}
