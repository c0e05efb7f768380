import { assertConsent, consentAllows, ConsentScope, missingConsents, Processing } from './consent';
import { DomainError, ErrorCode } from './errors';

const { PERSONAL_DATA, MONITORING, PSYCHOLOGICAL_DIAGNOSTICS } = ConsentScope;

describe('which consent a processing needs', () => {
  it.each([
    [Processing.BASE_ENTRY, [], [PERSONAL_DATA]],
    [Processing.BASE_ENTRY, [MONITORING, PSYCHOLOGICAL_DIAGNOSTICS], [PERSONAL_DATA]],
    [Processing.BASE_ENTRY, [PERSONAL_DATA], []],
    [Processing.BURNOUT_STATUS, [PERSONAL_DATA], [PSYCHOLOGICAL_DIAGNOSTICS]],
    [Processing.BURNOUT_STATUS, [], [PERSONAL_DATA, PSYCHOLOGICAL_DIAGNOSTICS]],
    [Processing.BURNOUT_STATUS, [PSYCHOLOGICAL_DIAGNOSTICS, PERSONAL_DATA], []],
    [Processing.PAIR, [MONITORING], [PERSONAL_DATA]],
    [Processing.DEVELOPMENT_PLAN, [PERSONAL_DATA], []],
    [Processing.QUESTIONNAIRE, [PERSONAL_DATA, PSYCHOLOGICAL_DIAGNOSTICS], [MONITORING]],
    [Processing.MEASUREMENT, [MONITORING], []],
    [Processing.COMPATIBILITY_TEST, [PERSONAL_DATA, MONITORING], [PSYCHOLOGICAL_DIAGNOSTICS]],
    [Processing.SATISFACTION_CHECK, [PSYCHOLOGICAL_DIAGNOSTICS], []],
  ])('%s with %j misses %j', (processing, active, missing) => {
    expect(missingConsents(processing, active)).toEqual(missing);
    expect(consentAllows(processing, active)).toBe(missing.length === 0);
  });

  it('refuses with CONSENT_REQUIRED, naming the missing consent, at the given field', () => {
    expect(() => assertConsent(Processing.QUESTIONNAIRE, [PERSONAL_DATA], 'input.respondentId')).toThrow(DomainError);
    try {
      assertConsent(Processing.QUESTIONNAIRE, [PERSONAL_DATA], 'input.respondentId');
    } catch (error) {
      expect((error as DomainError).code).toBe(ErrorCode.CONSENT_REQUIRED);
      expect((error as DomainError).field).toBe('input.respondentId');
      expect((error as DomainError).message).toContain('MONITORING');
      expect((error as DomainError).message).not.toContain('PERSONAL_DATA');
    }
    expect(() => assertConsent(Processing.QUESTIONNAIRE, [MONITORING], 'input.respondentId')).not.toThrow();
  });
});
