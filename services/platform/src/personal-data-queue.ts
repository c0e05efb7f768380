/**
 * The personal-data queues' contract (152-ФЗ erasure), shared by the participant service, which owns
 * people and erasure acts, and by program and monitoring, which clear what they hold about a person.
 * Each of program and monitoring consumes its own queue (a BullMQ job goes to one consumer only), and
 * confirms on the participant's queue, so the act records every service's completion.
 */
export const PERSONAL_DATA_QUEUE = 'personal-data';

export type ErasureService = 'participant' | 'program' | 'monitoring';

/** The services that clear their part after the participant service: one queue and one job each. */
export const ERASURE_FOLLOWERS = ['program', 'monitoring'] as const satisfies readonly ErasureService[];
export type ErasureFollower = (typeof ERASURE_FOLLOWERS)[number];

export const erasureQueueName = (service: ErasureFollower): string => `${PERSONAL_DATA_QUEUE}-${service}`;

export const PersonalDataJob = {
  /** On `erasureQueueName(service)`: clear the person's free texts (see ErasePersonJobData). */
  ERASE_PERSON: 'erase-person',
  /** On PERSONAL_DATA_QUEUE: a service finished its part of an act (see ErasureConfirmedJobData). */
  ERASURE_CONFIRMED: 'erasure-confirmed',
  /** On PERSONAL_DATA_QUEUE, daily from a job scheduler: anonymise people archived beyond the retention period. */
  RETENTION_SWEEP: 'retention-sweep',
} as const;

/** Only ids travel through Redis: never a name or a contact. */
export interface ErasePersonJobData {
  actId: string;
  personId: string;
  municipalityId: string;
  /** The person's school, for the audit entry of what was cleared. */
  schoolId: string;
}

/** What one service cleared: rows of a table and which of its columns. */
export interface ClearedRecord {
  table: string;
  columns: string[];
  rows: number;
}

export interface ErasureConfirmedJobData {
  actId: string;
  service: ErasureFollower;
  cleared: ClearedRecord[];
  completedAt: string;
}

/** Deterministic ids: an act dispatched again, or a job run again, never queues twice. */
export const erasureJobId = (actId: string, service: ErasureFollower): string => `erase-${actId}-${service}`;
export const confirmationJobId = (actId: string, service: ErasureFollower): string => `erased-${actId}-${service}`;
export const RETENTION_SCHEDULER_ID = 'retention-daily';

/** What replaces a person's name, and free texts that must keep a value. */
export const ERASED_PERSON_NAME = 'Удалённый участник';
export const ERASED_TEXT = '[удалено]';

/** Attempts of erasure jobs; each handler is idempotent, so running one again changes nothing. */
export const ERASURE_ATTEMPTS = 8;
