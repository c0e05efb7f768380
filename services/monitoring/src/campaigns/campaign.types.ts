import { Connection, IsIsoDate } from '@nastavnik/platform';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MonitoringStage, RespondentRole } from '../questionnaires/questionnaire.enums';
import { Campaign } from './campaign.entity';
import { CampaignStatus } from './campaign.enums';

@InputType()
export class CreateCampaignInput {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => ID, { description: 'A published version; its questionnaire gives the stage and the respondents’ role' })
  @IsUUID()
  questionnaireVersionId: string;

  @Field(() => String, { nullable: true, description: 'The questionnaire’s title by default' })
  @IsOptional()
  @Length(3, 300)
  title?: string | null;

  @Field()
  @IsIsoDate()
  opensOn: string;

  @Field()
  @IsIsoDate()
  closesOn: string;

  @Field(() => [ID], { nullable: true, description: 'Curator questionnaires only: the curators asked (curators are not in pairs)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  curatorIds?: string[] | null;
}

@InputType()
export class CampaignFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string | null;

  @Field(() => MonitoringStage, { nullable: true })
  @IsOptional()
  @IsEnum(MonitoringStage)
  stage?: MonitoringStage | null;

  @Field(() => CampaignStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CampaignStatus)
  status?: CampaignStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only campaigns the caller is asked to answer' })
  @IsOptional()
  @IsBoolean()
  awaitingMe?: boolean | null;
}

@InputType()
export class ResponseRateFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string | null;

  @Field(() => MonitoringStage, { nullable: true })
  @IsOptional()
  @IsEnum(MonitoringStage)
  stage?: MonitoringStage | null;
}

@ObjectType({ description: 'How many of the people asked have answered' })
export class ResponseRate {
  @Field(() => ID, { nullable: true, description: 'Set for the rate of one campaign' })
  campaignId: string | null;

  @Field(() => ID)
  schoolId: string;

  @Field(() => RespondentRole)
  role: RespondentRole;

  @Field(() => Int)
  invited: number;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed' })
  responded: number | null;

  @Field(() => Float, { nullable: true, description: 'responded / invited, 0..1; null without respondents or when suppressed' })
  rate: number | null;

  @Field({ description: 'True when responded and rate are withheld: fewer than 5 invited, or the row would give such a campaign away, and the caller may not see the persons' })
  suppressed: boolean;
}

@ObjectType()
export class CampaignConnection extends Connection(Campaign) {}
