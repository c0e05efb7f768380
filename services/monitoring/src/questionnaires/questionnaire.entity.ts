import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionTemplate } from './questionnaire.templates';
import { MenteeCategory, MonitoringStage, QuestionnaireVersionStatus, QuestionType, RespondentRole } from './questionnaire.enums';

@ObjectType({ description: 'Шкала оценочного вопроса' })
export class RatingScale {
  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;

  @Field()
  minLabel: string;

  @Field()
  maxLabel: string;
}

@ObjectType({ description: 'Вопрос анкеты' })
export class Question {
  @Field({ description: 'Stable key within the questionnaire; answers refer to it' })
  key: string;

  @Field()
  text: string;

  @Field(() => QuestionType)
  type: QuestionType;

  @Field()
  required: boolean;

  @Field(() => [String], { nullable: true, description: 'Options of a choice question' })
  options?: string[];

  @Field(() => RatingScale, { nullable: true })
  scale?: RatingScale;

  @Field(() => String, { nullable: true, description: 'The stage-2 parameter this rating feeds' })
  parameterKey?: string;
}

/** A questionnaire: who answers it and at which stage; its content lives in versions. */
@ObjectType({ description: 'Анкета мониторинга' })
@Entity('questionnaire')
export class Questionnaire {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  key: string;

  /** Null for the templates shipped with the system. */
  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId: string | null;

  @Field(() => ID, { nullable: true, description: 'The school that keeps it; null for the municipality’s and the shipped ones' })
  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId: string | null;

  @Field(() => RespondentRole)
  @Column('text', { name: 'respondent_role' })
  respondentRole: RespondentRole;

  @Field(() => MonitoringStage)
  @Column('text')
  stage: MonitoringStage;

  @Field(() => MenteeCategory, { nullable: true, description: 'Stage-2 mentee instruments: the category they are for' })
  @Column('text', { name: 'mentee_category', nullable: true })
  menteeCategory: MenteeCategory | null;

  @Field(() => Boolean, { description: 'Shipped with the system; read-only' })
  get shipped(): boolean {
    return this.municipalityId === null;
  }

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One version of a questionnaire's content. A published version is immutable (also in the database). */
@ObjectType({ description: 'Версия анкеты' })
@Entity('questionnaire_version')
export class QuestionnaireVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'questionnaire_id' })
  questionnaireId: string;

  @Field(() => Int)
  @Column('integer')
  version: number;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  intro: string | null;

  @Field(() => [Question])
  @Column('jsonb')
  questions: QuestionTemplate[];

  @Field(() => QuestionnaireVersionStatus)
  @Column('text')
  status: QuestionnaireVersionStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
