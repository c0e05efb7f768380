import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What each municipal office decides for all its schools; defaults apply until it is set. */
@ObjectType({ description: 'Настройки муниципалитета для программ наставничества' })
@Entity('municipality_settings')
export class MunicipalitySettings {
  @PrimaryColumn('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field({ description: 'Mentors of other schools of the municipality may mentor (муниципальный пул наставников)' })
  @Column('boolean', { name: 'allow_municipal_mentor_pool', default: false })
  allowMunicipalMentorPool: boolean;

  @Field(() => Int, { description: 'A working pair without a meeting for more days than this is shown as quiet' })
  @Column('integer', { name: 'meeting_gap_days', default: 14 })
  meetingGapDays: number;

  @Field(() => Float, { description: 'Points for a shared subject' })
  @Column('double precision', { name: 'weight_same_subject', default: 30 })
  weightSameSubject: number;

  @Field(() => Float, { description: 'Points for a mentor whose kind fits the mentee’s categories' })
  @Column('double precision', { name: 'weight_sub_form_fit', default: 25 })
  weightSubFormFit: number;

  @Field(() => Float, { description: 'Points for free capacity, scaled by the share of capacity still free' })
  @Column('double precision', { name: 'weight_free_capacity', default: 10 })
  weightFreeCapacity: number;

  @Field(() => Float, { description: 'Points for the psychologist’s compatibility result, scaled by its 0–100 score' })
  @Column('double precision', { name: 'weight_compatibility', default: 25 })
  weightCompatibility: number;

  @Field(() => Float, { description: 'Points for a mentor of the mentee’s own school' })
  @Column('double precision', { name: 'weight_same_school', default: 10 })
  weightSameSchool: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const DEFAULT_SETTINGS: Omit<MunicipalitySettings, 'municipalityId' | 'updatedAt'> = {
  allowMunicipalMentorPool: false,
  meetingGapDays: 14,
  weightSameSubject: 30,
  weightSubFormFit: 25,
  weightFreeCapacity: 10,
  weightCompatibility: 25,
  weightSameSchool: 10,
};
