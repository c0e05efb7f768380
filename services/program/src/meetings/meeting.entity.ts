import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingType } from './meeting.enums';

/** One meeting of a pair, as logged by the curator or the mentor. */
@ObjectType({ description: 'Встреча наставнической пары / группы' })
@Directive('@key(fields: "id")')
@Entity('meeting')
export class Meeting {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'pair_id' })
  pairId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => MeetingType)
  @Column('text')
  type: MeetingType;

  @Field()
  @Column('date', { name: 'held_on' })
  heldOn: string;

  @Field(() => Int)
  @Column('integer', { name: 'duration_minutes' })
  durationMinutes: number;

  @Field()
  @Column('text')
  topic: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  notes: string | null;

  @Column('uuid', { name: 'attendee_ids', array: true })
  attendeeIds: string[];

  @Column('text', { name: 'recorded_by_user' })
  recordedByUser: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
