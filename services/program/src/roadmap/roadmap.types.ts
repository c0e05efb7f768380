import { Connection, IsIsoDate, IsOmittable } from '@nastavnik/platform';
import { IsEnum, IsInt, IsOptional, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RoadmapItem } from './roadmap-item.entity';
import { RoadmapItemStatus, RoadmapResponsibleRole, RoadmapSection } from './roadmap.enums';

@InputType({ description: 'A roadmap event; its period is either months of the academic year or two dates' })
export class AddRoadmapItemInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => RoadmapSection)
  @IsEnum(RoadmapSection)
  section: RoadmapSection;

  @Field()
  @Length(3, 1000)
  event: string;

  @Field()
  @MaxLength(1000)
  resultForm: string = '';

  @Field(() => Int, { nullable: true, description: 'Month 1–12 the period starts in (read in academic-year order)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  fromMonth?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  toMonth?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  endsOn?: string | null;

  @Field(() => RoadmapResponsibleRole, { nullable: true })
  @IsOptional()
  @IsEnum(RoadmapResponsibleRole)
  responsibleRole?: RoadmapResponsibleRole | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string | null;
}

@InputType({ description: 'Progress of a roadmap event and its evidence; left-out fields stay' })
export class UpdateRoadmapItemInput {
  @Field(() => RoadmapItemStatus, { nullable: true })
  @IsOmittable()
  @IsEnum(RoadmapItemStatus)
  status?: RoadmapItemStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  documentTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  documentNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIsoDate()
  documentDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  documentUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Completion date; today by default when the status becomes DONE' })
  @IsOptional()
  @IsIsoDate()
  completedOn?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string | null;
}

@InputType()
export class OverdueRoadmapFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @Field(() => RoadmapSection, { nullable: true })
  @IsOptional()
  @IsEnum(RoadmapSection)
  section?: RoadmapSection;
}

@ObjectType()
export class RoadmapItemConnection extends Connection(RoadmapItem) {}
