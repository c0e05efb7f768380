import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ClosingReason, InteractionSubForm, PairStatus } from './pair.enums';

/** A pair or group: one mentor and one or more mentees working inside a programme. */
@ObjectType({ description: 'Наставническая пара или группа' })
@Directive('@key(fields: "id")')
@Entity('pair')
export class Pair {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Column('uuid', { name: 'mentor_id' })
  mentorId: string;

  @Field(() => InteractionSubForm)
  @Column('text', { name: 'sub_form' })
  subForm: InteractionSubForm;

  @Field(() => PairStatus)
  @Column('text')
  status: PairStatus;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'started_on', nullable: true })
  startedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'ended_on', nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the order (приказ) that fixed the pair' })
  @Column('text', { name: 'order_number', nullable: true })
  orderNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'order_date', nullable: true })
  orderDate: string | null;

  @Field(() => String, { nullable: true, description: 'Since when the pair is paused' })
  @Column('date', { name: 'paused_on', nullable: true })
  pausedOn: string | null;

  @Field(() => ClosingReason, { nullable: true })
  @Column('text', { name: 'closing_reason', nullable: true })
  closingReason: ClosingReason | null;

  @Field(() => String, { nullable: true, description: 'Free text about why the pair closed' })
  @Column('text', { name: 'closing_note', nullable: true })
  closingNote: string | null;

  @Column('text', { name: 'closed_by_user', nullable: true })
  closedByUser: string | null;

  @Field()
  @Column('timestamptz', { name: 'status_changed_at', default: () => 'now()' })
  statusChangedAt: Date;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A mentee's time in a pair: an interval, so "who mentored whom on date D" has an exact answer. */
@Entity('pair_mentee')
export class PairMentee {
  @PrimaryColumn('uuid', { name: 'pair_id' })
  pairId: string;

  @PrimaryColumn('uuid', { name: 'mentee_id' })
  menteeId: string;

  @Column('date', { name: 'from_date', nullable: true })
  fromDate: string | null;

  @Column('date', { name: 'to_date', nullable: true })
  toDate: string | null;
}
