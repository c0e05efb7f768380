import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MenteeCategory, MenteeStatus } from './mentee.enums';

/** A person's entry in the mentee base (база наставляемых). Closing it keeps it; nothing is deleted. */
@ObjectType({ description: 'Запись в базе наставляемых' })
@Entity('mentee_profile')
export class MenteeProfile {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  /** The curator's findings only; the young-specialist category is derived from experience on read. */
  @Column('text', { name: 'categories', array: true, default: () => "'{}'" })
  storedCategories: MenteeCategory[];

  @Field(() => [String], { description: 'Requests of the mentee (запросы)' })
  @Column('text', { array: true, default: () => "'{}'" })
  requests: string[];

  @Field(() => [String], { description: 'Professional deficits found by diagnostics' })
  @Column('text', { array: true, default: () => "'{}'" })
  deficits: string[];

  @Field(() => MenteeStatus)
  @Column('text')
  status: MenteeStatus;

  @Field()
  @Column('date', { name: 'opened_on' })
  openedOn: string;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'closed_on', nullable: true })
  closedOn: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'A status a mentee base entry went through' })
@Entity('mentee_status_change')
export class MenteeStatusChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'profile_id' })
  profileId: string;

  @Field(() => MenteeStatus)
  @Column('text')
  status: MenteeStatus;

  @Field()
  @Column('date', { name: 'changed_on' })
  changedOn: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  @Field({ description: 'User who recorded the change' })
  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Field()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
