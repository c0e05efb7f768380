import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The psychologist's compatibility test of a candidate mentor–mentee pair; matching reads it. */
@ObjectType({ description: 'Результат теста на совместимость наставника и наставляемого' })
@Entity('compatibility_result')
export class CompatibilityResult {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'mentor_id' })
  mentorId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'mentee_id' })
  menteeId: string;

  @Field(() => Float, { description: '0–100, higher is more compatible' })
  @Column('double precision')
  score: number;

  @Field()
  @Column('date', { name: 'tested_on' })
  testedOn: string;

  @Field(() => String, { nullable: true, description: 'The test or method used' })
  @Column('text', { nullable: true })
  method: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  conclusion: string | null;

  @Field({ description: 'User who recorded the result' })
  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A check of how satisfied the people of a running pair are with working together. */
@ObjectType({ description: 'Мониторинг удовлетворённости работающей пары' })
@Entity('satisfaction_check')
export class SatisfactionCheck {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'program_id' })
  programId: string;

  @Field(() => ID)
  @Column('uuid', { name: 'pair_id' })
  pairId: string;

  @Field(() => ID, { nullable: true, description: 'The member of the pair asked; null for the pair as a whole' })
  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @Field(() => Int, { description: '1–10, as in the stage-1 questionnaires' })
  @Column('integer')
  satisfaction: number;

  @Field()
  @Column('date', { name: 'checked_on' })
  checkedOn: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field({ description: 'User who recorded the check' })
  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
