import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProgramEventType } from './event.enums';

@ObjectType({ description: 'Мероприятие программы наставничества' })
@Entity('program_event')
export class ProgramEvent {
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

  @Field(() => ProgramEventType)
  @Column('text')
  type: ProgramEventType;

  @Field()
  @Column('text')
  title: string;

  @Field()
  @Column('date', { name: 'held_on' })
  heldOn: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('event_participant')
export class EventParticipant {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;
}

/** A mentor's certificate (удостоверение) of a training-type event. */
@ObjectType({ description: 'Удостоверение / сертификат наставника' })
@Entity('certificate')
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field()
  @Column('text')
  number: string;

  @Field()
  @Column('date', { name: 'issued_on' })
  issuedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
