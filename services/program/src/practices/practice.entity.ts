import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An entry of the methodical library (методическая копилка) and where it came from. */
@ObjectType({ description: 'Практика из методической копилки' })
@Entity('best_practice')
export class BestPractice {
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

  @Field()
  @Column('text')
  title: string;

  @Field()
  @Column('text')
  description: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  url: string | null;

  @Field(() => [String])
  @Column('text', { array: true })
  tags: string[];

  @Field(() => ID, { nullable: true, description: 'The pair the practice came from' })
  @Column('uuid', { name: 'pair_id', nullable: true })
  pairId: string | null;

  @Column('uuid', { name: 'mentor_id', nullable: true })
  mentorId: string | null;

  @Column('text', { name: 'created_by_user' })
  createdByUser: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
