import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { MonitoringStage, RespondentRole } from '../questionnaires/questionnaire.enums';
import { CampaignStatus } from './campaign.enums';

/** One administration of a questionnaire version to the respondents of a programme, over a period. */
@ObjectType({ description: 'Кампания анкетирования' })
@Entity('campaign')
export class Campaign {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'questionnaire_version_id' })
  questionnaireVersionId: string;

  @Field(() => MonitoringStage)
  @Column('text')
  stage: MonitoringStage;

  @Field(() => RespondentRole)
  @Column('text', { name: 'respondent_role' })
  respondentRole: RespondentRole;

  @Field()
  @Column('text')
  title: string;

  @Field({ description: 'First day answers are accepted' })
  @Column('date', { name: 'opens_on' })
  opensOn: string;

  @Field({ description: 'Last day answers are accepted (and changed)' })
  @Column('date', { name: 'closes_on' })
  closesOn: string;

  @Field(() => CampaignStatus)
  @Column('text')
  status: CampaignStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('text', { name: 'closed_by', nullable: true })
  closedBy: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'A person asked to answer a campaign' })
@Entity('campaign_respondent')
export class CampaignRespondent {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID, { nullable: true, description: 'The pair the respondent was taken from' })
  @Column('uuid', { name: 'pair_id', nullable: true })
  pairId: string | null;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;
}
