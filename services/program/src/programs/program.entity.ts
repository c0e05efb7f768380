import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MentoringForm } from './program.enums';

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

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
