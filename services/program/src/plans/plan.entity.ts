import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlanTaskStatus } from './plan.enums';

/** «Карта индивидуального образовательного маршрута педагога»: one per mentee in a pair. */
@ObjectType({ description: 'Карта индивидуального образовательного маршрута педагога' })
@Entity('development_plan')
export class DevelopmentPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'pair_id' })
  pairId: string;

  @Column('uuid', { name: 'mentee_id' })
  menteeId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => [String])
  @Column('text', { array: true })
  goals: string[];

  @Field(() => ID, { nullable: true, description: 'The mentor who approved the plan (a Person)' })
  @Column('uuid', { name: 'mentor_approved_by', nullable: true })
  mentorApprovedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'mentor_approved_at', nullable: true })
  mentorApprovedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The director’s user account' })
  @Column('text', { name: 'director_approved_by', nullable: true })
  directorApprovedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'director_approved_at', nullable: true })
  directorApprovedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'Задача индивидуального маршрута' })
@Entity('plan_task')
export class PlanTask {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Field()
  @Column('text')
  title: string;

  @Field()
  @Column('date')
  deadline: string;

  @Field(() => PlanTaskStatus)
  @Column('text')
  status: PlanTaskStatus;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'done_on', nullable: true })
  doneOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
