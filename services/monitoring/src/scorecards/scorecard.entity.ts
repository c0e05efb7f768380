import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum ScorecardStatus {
  DRAFT = 'DRAFT',
  FINAL = 'FINAL',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ScorecardStatus, {
  name: 'ScorecardStatus',
  valuesConfig: {
    DRAFT: { description: 'Being scored; may change' },
    FINAL: { description: 'All nine indicators scored; never changes' },
    SUPERSEDED: { description: 'A newer final version replaced it; kept as it was' },
  },
});

export enum ScorecardLevel {
  OPTIMAL = 'OPTIMAL',
  ACCEPTABLE = 'ACCEPTABLE',
  UNACCEPTABLE = 'UNACCEPTABLE',
}
registerEnumType(ScorecardLevel, {
  name: 'ScorecardLevel',
  valuesConfig: {
    OPTIMAL: { description: '15–18 баллов – оптимальный уровень' },
    ACCEPTABLE: { description: '9–14 баллов – допустимый уровень' },
    UNACCEPTABLE: { description: '0–8 баллов – недопустимый уровень' },
  },
});

/** «Показатели эффективности реализации Программы наставничества» for a programme or one pair. */
@ObjectType({ description: 'Оценка эффективности программы наставничества' })
@Entity('scorecard')
export class Scorecard {
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

  @Field(() => ID, { nullable: true, description: 'Set when the scorecard evaluates one pair' })
  @Column('uuid', { name: 'pair_id', nullable: true })
  pairId: string | null;

  @Field(() => Int)
  @Column('integer')
  version: number;

  @Field(() => ScorecardStatus)
  @Column('text')
  status: ScorecardStatus;

  @Field({ description: 'Who evaluated, as written on the scorecard' })
  @Column('text', { name: 'evaluator_name' })
  evaluatorName: string;

  @Field()
  @Column('date', { name: 'evaluated_on' })
  evaluatedOn: string;

  @Field({ description: 'User who recorded the scorecard' })
  @Column('text', { name: 'evaluated_by' })
  evaluatedBy: string;

  @Field(() => Int, { description: 'Sum of the scores given, 0–18; computed' })
  @Column('integer')
  total: number;

  @Field(() => ScorecardLevel, { nullable: true, description: 'Computed once all nine indicators are scored' })
  @Column('text', { nullable: true })
  level: ScorecardLevel | null;

  @Field(() => ID, { nullable: true, description: 'The final version this one replaces' })
  @Column('uuid', { name: 'supersedes_id', nullable: true })
  supersedesId: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'finalised_at', nullable: true })
  finalisedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('scorecard_score')
export class ScorecardScore {
  @PrimaryColumn('uuid', { name: 'scorecard_id' })
  scorecardId: string;

  @PrimaryColumn('smallint')
  indicator: number;

  @Column('smallint', { nullable: true })
  score: number | null;

  @Column('text', { nullable: true })
  comment: string | null;
}

@ObjectType({ description: 'One of the nine indicators with its score' })
export class IndicatorResult {
  @Field(() => Int)
  number: number;

  @Field({ description: 'Критерий' })
  group: string;

  @Field({ description: 'Показатель' })
  text: string;

  @Field(() => Int, { nullable: true, description: '2 — в полной мере, 1 — частично, 0 — не проявляется; null — не оценён' })
  score: number | null;

  @Field(() => String, { nullable: true })
  comment: string | null;
}
