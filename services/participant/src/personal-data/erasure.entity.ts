import type { ClearedRecord, ErasureService } from '@nastavnik/platform';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum ErasureStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ErasureStatus, {
  name: 'ErasureStatus',
  valuesConfig: { PENDING: { description: 'The service has not confirmed yet' }, COMPLETED: { description: 'The service confirmed what it cleared' } },
});

@ObjectType('ErasureClearedRecord', { description: 'Rows of one table whose columns were cleared' })
export class ClearedRecordView implements ClearedRecord {
  @Field()
  table: string;

  @Field(() => [String])
  columns: string[];

  @Field(() => Int)
  rows: number;
}

@ObjectType({ description: "One service's part of an erasure act" })
@Entity('erasure_confirmation')
export class ErasureConfirmation {
  @PrimaryColumn('uuid', { name: 'act_id' })
  actId: string;

  @Field(() => String, { description: 'participant, program or monitoring' })
  @PrimaryColumn('text')
  service: ErasureService;

  @Field(() => ErasureStatus)
  @Column('text')
  status: ErasureStatus;

  @Field(() => [ClearedRecordView])
  @Column('jsonb', { default: () => "'[]'" })
  cleared: ClearedRecord[];

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;
}

/** «Акт об уничтожении персональных данных»: who asked, when, why, and what each service cleared. */
@Entity('erasure_act')
export class ErasureAct {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Column('text')
  reason: string;

  @Column('text', { name: 'requested_by' })
  requestedBy: string;

  @Column('timestamptz', { name: 'requested_at', default: () => 'now()' })
  requestedAt: Date;
}
