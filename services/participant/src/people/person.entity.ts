import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { QualificationCategory } from './person.enums';

/** A staff member of a school. Belongs to one school at a time; moves are kept in SchoolMembership. */
@ObjectType({ description: 'Педагог или сотрудник школы' })
@Directive('@key(fields: "id")')
@Entity('person')
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID, { description: 'The school the person works at now' })
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field()
  @Column('text', { name: 'full_name' })
  fullName: string;

  @Field()
  @Column('text')
  position: string;

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  subjects: string[];

  @Field({ description: 'The day pedagogical experience started (ISO date)' })
  @Column('date', { name: 'pedagogical_experience_since' })
  pedagogicalExperienceSince: string;

  @Field(() => String, { nullable: true, description: 'Hired at the current school (ISO date)' })
  @Column('date', { name: 'hired_on', nullable: true })
  hiredOn: string | null;

  @Field(() => QualificationCategory)
  @Column('text', { name: 'qualification_category' })
  qualificationCategory: QualificationCategory;

  @Field(() => Int, { nullable: true })
  @Column('int', { name: 'birth_year', nullable: true })
  birthYear: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "The school's staff number (табельный номер), unique in the school" })
  @Column('text', { name: 'staff_number', nullable: true })
  staffNumber: string | null;

  @Field(() => Date, { nullable: true, description: 'Set when the person no longer works in the programme; nothing is deleted' })
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set when the person was anonymised (erasure request or retention); see erasureAct' })
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  @Field(() => Int, { description: 'Pass it back on update: a change made meanwhile by someone else is refused, not overwritten' })
  @Column('int', { default: 1 })
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One stretch of a person's work at one school; the open one has no end date. */
@ObjectType({ description: 'Period of work at a school' })
@Entity('school_membership')
export class SchoolMembership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field()
  @Column('text')
  position: string;

  @Field()
  @Column('date', { name: 'from_date' })
  fromDate: string;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'to_date', nullable: true })
  toDate: string | null;
}
