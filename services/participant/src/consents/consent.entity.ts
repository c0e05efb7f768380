import { ConsentScope } from '@nastavnik/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export { ConsentScope };
registerEnumType(ConsentScope, {
  name: 'ConsentScope',
  valuesConfig: {
    PERSONAL_DATA: { description: 'Обработка персональных данных в программе наставничества' },
    MONITORING: { description: 'Анкетирование и мониторинг результатов' },
    PSYCHOLOGICAL_DIAGNOSTICS: { description: 'Психологическая диагностика (особая категория данных)' },
  },
});

@ObjectType({ description: 'Согласие на обработку персональных данных' })
@Entity('consent')
export class Consent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'municipality_id' })
  municipalityId: string;

  @Column('uuid', { name: 'school_id' })
  schoolId: string;

  @Field(() => ConsentScope)
  @Column('text')
  scope: ConsentScope;

  @Field()
  @Column('date', { name: 'given_on' })
  givenOn: string;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn: string | null;

  @Field()
  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field({ description: 'Given and not withdrawn' })
  get active(): boolean {
    return this.withdrawnOn === null;
  }
}
