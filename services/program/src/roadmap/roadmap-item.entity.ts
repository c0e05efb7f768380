import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RoadmapItemStatus, RoadmapResponsibleRole, RoadmapSection } from './roadmap.enums';

/** One event of a programme's roadmap (дорожная карта), with the document that proves it done. */
@ObjectType({ description: 'Мероприятие дорожной карты' })
@Entity('roadmap_item')
export class RoadmapItem {
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

  @Field(() => RoadmapSection)
  @Column('text')
  section: RoadmapSection;

  @Field(() => String, { nullable: true, description: 'Row number as in the seed, e.g. 2.10' })
  @Column('text', { nullable: true })
  number: string | null;

  @Field({ description: 'Мероприятие' })
  @Column('text')
  event: string;

  @Field({ description: 'Форма представления результата' })
  @Column('text', { name: 'result_form' })
  resultForm: string;

  @Field(() => String, { nullable: true, description: 'The deadline as worded, e.g. «Август – сентябрь»' })
  @Column('text', { name: 'period_label', nullable: true })
  periodLabel: string | null;

  @Field()
  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Field()
  @Column('date', { name: 'ends_on' })
  endsOn: string;

  @Field(() => RoadmapResponsibleRole, { nullable: true })
  @Column('text', { name: 'responsible_role', nullable: true })
  responsibleRole: RoadmapResponsibleRole | null;

  @Field(() => ID, { nullable: true, description: 'The responsible person, when one is named' })
  @Column('uuid', { name: 'responsible_person_id', nullable: true })
  responsiblePersonId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'responsible_label', nullable: true })
  responsibleLabel: string | null;

  /** As stored; the GraphQL status adds OVERDUE. */
  @Column('text')
  status: RoadmapItemStatus;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'completed_on', nullable: true })
  completedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence: title of the document' })
  @Column('text', { name: 'document_title', nullable: true })
  documentTitle: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'document_number', nullable: true })
  documentNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column('date', { name: 'document_date', nullable: true })
  documentDate: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'document_url', nullable: true })
  documentUrl: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
