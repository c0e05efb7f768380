import { registerEnumType } from 'type-graphql';

export enum ReportScopeKind {
  MUNICIPALITY = 'MUNICIPALITY',
  SCHOOL = 'SCHOOL',
  PROGRAM = 'PROGRAM',
}
registerEnumType(ReportScopeKind, { name: 'ReportScopeKind', description: 'What a report covers: the whole municipality, one school or one programme' });

export enum ReportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

export enum DeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
