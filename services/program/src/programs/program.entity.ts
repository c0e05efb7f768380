import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MentoringForm, ProgramStage } from './program.enums';

/** A school's mentoring programme for one academic year. */
@ObjectType({ description: 'Программа наставничества школы на учебный год' })
@Directive('@key(fields: "id")')
@Entity('mentoring_program')
export class MentoringProgram {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field({ description: 'Academic year, e.g. 2025/2026' })
  @Column('text', { name: 'academic_year' })
  academicYear: string;

  @Field(() => MentoringForm)
  @Column('text')
  form: MentoringForm;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  goal: string | null;

  @Field(() => [String], { description: 'Tasks of the programme (задачи)' })
  @Column('text', { array: true, default: () => "'{}'" })
  tasks: string[];

  @Field(() => ID, { nullable: true, description: 'The curator of the programme (a Person)' })
  @Column('uuid', { name: 'curator_id', nullable: true })
  curatorId: string | null;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  @Field(() => ProgramStage)
  @Column('text')
  stage: ProgramStage;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One step of the programme through its stages: who moved it and when. */
@ObjectType()
@Entity('program_stage_change')
export class ProgramStageChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Field(() => ProgramStage, { nullable: true, description: 'Null for the stage the programme was created in' })
  @Column('text', { name: 'from_stage', nullable: true })
  fromStage: ProgramStage | null;

  @Field(() => ProgramStage)
  @Column('text', { name: 'to_stage' })
  toStage: ProgramStage;

  @Field({ description: 'The user account that made the change' })
  @Column('text', { name: 'changed_by_user' })
  changedByUser: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'changed_by_person', nullable: true })
  changedByPerson: string | null;

  @Field()
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
