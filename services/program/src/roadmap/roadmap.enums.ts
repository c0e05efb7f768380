import { registerEnumType } from 'type-graphql';
import { ROADMAP_RESPONSIBLE_ROLE_LABELS, ROADMAP_SECTION_LABELS } from './roadmap.template';

/** The four sections of the seed's roadmap; the labels live with the template. */
export enum RoadmapSection {
  NORMATIVE_LEGAL = 'NORMATIVE_LEGAL',
  ORGANISATIONAL_METHODICAL = 'ORGANISATIONAL_METHODICAL',
  MONITORING = 'MONITORING',
  INFORMATIONAL = 'INFORMATIONAL',
}
registerEnumType(RoadmapSection, {
  name: 'RoadmapSection',
  valuesConfig: Object.fromEntries(Object.entries(ROADMAP_SECTION_LABELS).map(([key, label]) => [key, { description: label }])),
});

export enum RoadmapResponsibleRole {
  DIRECTOR = 'DIRECTOR',
  DEPUTY_DIRECTOR = 'DEPUTY_DIRECTOR',
  CURATOR = 'CURATOR',
  PSYCHOLOGIST = 'PSYCHOLOGIST',
  MENTOR = 'MENTOR',
  PEDAGOGICAL_COUNCIL = 'PEDAGOGICAL_COUNCIL',
}
registerEnumType(RoadmapResponsibleRole, {
  name: 'RoadmapResponsibleRole',
  valuesConfig: Object.fromEntries(Object.entries(ROADMAP_RESPONSIBLE_ROLE_LABELS).map(([key, label]) => [key, { description: label }])),
});

/** OVERDUE is never stored: an open item becomes overdue by itself when its period has ended. */
export enum RoadmapItemStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
  OVERDUE = 'OVERDUE',
}
registerEnumType(RoadmapItemStatus, {
  name: 'RoadmapItemStatus',
  valuesConfig: {
    PLANNED: { description: 'Запланировано' },
    IN_PROGRESS: { description: 'Выполняется' },
    DONE: { description: 'Выполнено' },
    CANCELLED: { description: 'Отменено' },
    OVERDUE: { description: 'Просрочено (срок истёк, не выполнено)' },
  },
});
