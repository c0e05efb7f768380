import { ProgramEventType as E } from './event.enums';
import { certificateRefusal, type CertificateFacts } from './event.rules';

const held: CertificateFacts = { type: E.MENTOR_TRAINING, heldOn: '2025-08-28', isParticipant: true, inMentorBase: true };

describe('certificates', () => {
  it.each<[string, CertificateFacts, string | null]>([
    ['a trained mentor', held, null],
    ['a seminar', { ...held, type: E.SEMINAR }, null],
    ['an open lesson', { ...held, type: E.OPEN_LESSON }, 'VALIDATION_FAILED'],
    ['a ceremony', { ...held, type: E.FINAL_CEREMONY }, 'VALIDATION_FAILED'],
    ['an event still to come', { ...held, heldOn: '2025-09-02' }, 'EVENT_NOT_HELD'],
    ['somebody who did not attend', { ...held, isParticipant: false }, 'NOT_EVENT_PARTICIPANT'],
    ['somebody outside the mentor base', { ...held, inMentorBase: false }, 'MENTOR_NOT_ACTIVE'],
  ])('%s: %s', (_name, facts, code) => {
    expect(certificateRefusal(facts, '2025-09-01')?.code ?? null).toBe(code);
  });
});
