import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { MonitoringStage, RespondentRole } from '../questionnaires/questionnaire.enums';

/** The one response of a respondent to a campaign; its answers are the latest revision. */
@ObjectType({ description: 'Ответ участника на анкету кампании' })
@Entity('response')
export class QuestionnaireResponse {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('uuid', { name: 'respondent_id' })
  respondentId: string;

  @Field(() => ID, { description: 'The questionnaire version answered' })
  @Column('uuid', { name: 'questionnaire_version_id' })
  questionnaireVersionId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Field(() => RespondentRole)
  @Column('text', { name: 'respondent_role' })
  respondentRole: RespondentRole;

  @Field(() => MonitoringStage)
  @Column('text')
  stage: MonitoringStage;

  @Field(() => Int, { description: 'How many times different answers were submitted' })
  @Column('integer')
  revision: number;

  @Field({ description: 'User who submitted the latest revision (the respondent, or staff entering a paper form)' })
  @Column('text', { name: 'submitted_by' })
  submittedBy: string;

  @Field()
  @CreateDateColumn({ name: 'first_submitted_at', type: 'timestamptz' })
  firstSubmittedAt: Date;

  @Field()
  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}

@ObjectType({ description: 'Ответ на вопрос анкеты' })
@Entity('answer')
export class Answer {
  @PrimaryColumn('uuid', { name: 'response_id' })
  responseId: string;

  @Field()
  @PrimaryColumn('text', { name: 'question_key' })
  questionKey: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'text_value', nullable: true })
  text: string | null;

  @Field(() => [String], { nullable: true })
  @Column('text', { name: 'choice_values', array: true, nullable: true })
  choices: string[] | null;

  @Field(() => Float, { nullable: true })
  @Column('double precision', { name: 'rating_value', nullable: true })
  rating: number | null;
}

/** Every distinct set of answers a respondent submitted, so an edit never erases what was said before. */
@ObjectType({ description: 'Earlier or current answers of a response' })
@Entity('response_revision')
export class ResponseRevision {
  @PrimaryColumn('uuid', { name: 'response_id' })
  responseId: string;

  @Field(() => Int)
  @PrimaryColumn('integer')
  revision: number;

  @Field(() => [Answer])
  @Column('jsonb')
  answers: Answer[];

  @Field()
  @Column('text', { name: 'submitted_by' })
  submittedBy: string;

  @Field()
  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}
