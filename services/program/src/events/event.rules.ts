import { ProgramEventType } from './event.enums';

/** Events after which mentors receive a certificate (удостоверение / сертификат). */
export const CERTIFYING_EVENTS: readonly ProgramEventType[] = [ProgramEventType.MENTOR_TRAINING, ProgramEventType.SEMINAR, ProgramEventType.MASTER_CLASS];

export interface CertificateFacts {
  type: ProgramEventType;
  heldOn: string;
  isParticipant: boolean;
  inMentorBase: boolean;
}

export type CertificateRefusalCode = 'VALIDATION_FAILED' | 'EVENT_NOT_HELD' | 'NOT_EVENT_PARTICIPANT' | 'MENTOR_NOT_ACTIVE';

/** A certificate goes to a mentor (or mentor candidate) who took part in a training-type event that has taken place. */
export function certificateRefusal(facts: CertificateFacts, today: string): { code: CertificateRefusalCode; message: string } | null {
  if (!CERTIFYING_EVENTS.includes(facts.type)) return { code: 'VALIDATION_FAILED', message: `No certificates are issued for an event of type ${facts.type}` };
  if (facts.heldOn > today) return { code: 'EVENT_NOT_HELD', message: 'Certificates are issued after the event has taken place' };
  if (!facts.isParticipant) return { code: 'NOT_EVENT_PARTICIPANT', message: 'The person did not take part in the event' };
  if (!facts.inMentorBase) return { code: 'MENTOR_NOT_ACTIVE', message: 'Certificates of mentor training go to people in the mentor base' };
  return null;
}
