import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InterviewResult, MentorKind, MentorStatus } from './mentor.enums';

/** A person's entry in the mentor base (база наставников). Closing it keeps it; nothing is deleted. */
@ObjectType({ description: 'Запись в базе наставников' })
@Entity('mentor_profile')
export class MentorProfile {
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

  @Field(() => MentorKind)
  @Column('text')
  kind: MentorKind;

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  subjects: string[];

  @Field(() => [String])
  @Column('text', { array: true, default: () => "'{}'" })
  competences: string[];

  @Field(() => Int, { description: 'How many mentees the mentor can take at once' })
  @Column('int')
  capacity: number;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'interview_on', nullable: true })
  interviewOn: string | null;

  @Field(() => InterviewResult)
  @Column('text', { name: 'interview_result' })
  interviewResult: InterviewResult;

  @Field(() => String, { nullable: true, description: 'Mentor training completed (ISO date)' })
  @Column('date', { name: 'training_completed_on', nullable: true })
  trainingCompletedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the training certificate (удостоверение)' })
  @Column('text', { name: 'certificate_number', nullable: true })
  certificateNumber: string | null;

  @Field(() => MentorStatus)
  @Column('text')
  status: MentorStatus;

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

@ObjectType({ description: 'A status a mentor base entry went through' })
@Entity('mentor_status_change')
export class MentorStatusChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'profile_id' })
  profileId: string;

  @Field(() => MentorStatus)
  @Column('text')
  status: MentorStatus;

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
