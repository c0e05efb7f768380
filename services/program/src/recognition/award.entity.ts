import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AwardKind, AwardStatus } from './award.enums';

/** A nomination, and once granted an award, with the evidence that justifies it. */
@ObjectType({ description: 'Номинация / награда программы наставничества' })
@Entity('award')
export class Award {
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

  @Field(() => AwardKind)
  @Column('text')
  kind: AwardKind;

  @Field(() => AwardStatus)
  @Column('text')
  status: AwardStatus;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('uuid', { name: 'pair_id', nullable: true })
  pairId: string | null;

  @Field({ description: 'Why: results, practices, feedback' })
  @Column('text')
  evidence: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'evidence_url', nullable: true })
  evidenceUrl: string | null;

  @Column('text', { name: 'nominated_by_user' })
  nominatedByUser: string;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'awarded_on', nullable: true })
  awardedOn: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
