import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ParameterDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(ParameterDirection, { name: 'ParameterDirection', description: 'Whether growth of the parameter is an improvement' });

/** A stage-2 parameter with its scale; shipped ones have no municipality, the office may add its own. */
@ObjectType({ description: 'Параметр, фиксируемый до и после программы' })
@Entity('parameter')
export class Parameter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable key, e.g. motivation; measurements refer to it' })
  @Column('text')
  key: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => Float)
  @Column('double precision', { name: 'scale_min' })
  scaleMin: number;

  @Field(() => Float)
  @Column('double precision', { name: 'scale_max' })
  scaleMax: number;

  @Field(() => ParameterDirection)
  @Column('text')
  direction: ParameterDirection;

  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId: string | null;

  @Field(() => Boolean, { description: 'Shipped with the system (true) or added by the municipality' })
  get shipped(): boolean {
    return this.municipalityId === null;
  }

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
