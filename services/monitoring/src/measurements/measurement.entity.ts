import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MeasurementSource, MeasurementStage } from './measurement.enums';

/** One value of one parameter of one participant, before or after the programme. */
@ObjectType({ description: 'Замер параметра участника до или после программы' })
@Entity('measurement')
export class Measurement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Field()
  @Column('text', { name: 'parameter_key' })
  parameterKey: string;

  @Field(() => MeasurementStage)
  @Column('text')
  stage: MeasurementStage;

  @Field(() => Float)
  @Column('double precision')
  value: number;

  @Field()
  @Column('date', { name: 'measured_on' })
  measuredOn: string;

  @Field(() => MeasurementSource)
  @Column('text')
  source: MeasurementSource;

  @Field(() => ID, { nullable: true, description: 'The stage-2 response the value was computed from' })
  @Column('uuid', { name: 'response_id', nullable: true })
  responseId: string | null;

  @Field({ description: 'User who recorded the value' })
  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
