import { DomainError, ErrorCode } from './errors';

/** What a consent to personal-data processing (152-ФЗ) covers. */
export enum ConsentScope {
  PERSONAL_DATA = 'PERSONAL_DATA',
  MONITORING = 'MONITORING',
  PSYCHOLOGICAL_DIAGNOSTICS = 'PSYCHOLOGICAL_DIAGNOSTICS',
}

/** The kinds of processing of a person's data that the law allows only with their consent. */
export enum Processing {
  /** Entering and keeping the person in the mentor or mentee base. */
  BASE_ENTRY = 'BASE_ENTRY',
  /** A mentee base entry in the burnout category: a burnout status is psychological data. */
  BURNOUT_STATUS = 'BURNOUT_STATUS',
  /** Forming, starting and resuming a pair with the person in it. */
  PAIR = 'PAIR',
  /** The individual development plan of a mentee. */
  DEVELOPMENT_PLAN = 'DEVELOPMENT_PLAN',
  /** Being asked in a campaign and answering its questionnaire. */
  QUESTIONNAIRE = 'QUESTIONNAIRE',
  /** Before/after measurements of the programme's parameters. */
  MEASUREMENT = 'MEASUREMENT',
  /** Compatibility tests of mentor candidates. */
  COMPATIBILITY_TEST = 'COMPATIBILITY_TEST',
  /** The psychologist's satisfaction checks in a pair. */
  SATISFACTION_CHECK = 'SATISFACTION_CHECK',
}

/**
 * Which consent each processing needs. Keeping the staff record itself (the person, their school,
 * position and experience) is the employer's duty under labour law and needs none; taking part in
 * the mentoring programme is voluntary, so its data needs PERSONAL_DATA; questionnaires and
 * before/after measurements need MONITORING; anything psychological (compatibility, satisfaction,
 * burnout) is the special category and needs the explicit PSYCHOLOGICAL_DIAGNOSTICS consent.
 * Only an active consent counts: a withdrawn one refuses the very next write.
 */
export const CONSENT_REQUIRED_FOR: Record<Processing, readonly ConsentScope[]> = {
  [Processing.BASE_ENTRY]: [ConsentScope.PERSONAL_DATA],
  [Processing.BURNOUT_STATUS]: [ConsentScope.PERSONAL_DATA, ConsentScope.PSYCHOLOGICAL_DIAGNOSTICS],
  [Processing.PAIR]: [ConsentScope.PERSONAL_DATA],
  [Processing.DEVELOPMENT_PLAN]: [ConsentScope.PERSONAL_DATA],
  [Processing.QUESTIONNAIRE]: [ConsentScope.MONITORING],
  [Processing.MEASUREMENT]: [ConsentScope.MONITORING],
  [Processing.COMPATIBILITY_TEST]: [ConsentScope.PSYCHOLOGICAL_DIAGNOSTICS],
  [Processing.SATISFACTION_CHECK]: [ConsentScope.PSYCHOLOGICAL_DIAGNOSTICS],
};

const SCOPE_NAMES: Record<ConsentScope, string> = {
  [ConsentScope.PERSONAL_DATA]: 'PERSONAL_DATA (обработка персональных данных в программе наставничества)',
  [ConsentScope.MONITORING]: 'MONITORING (анкетирование и мониторинг результатов)',
  [ConsentScope.PSYCHOLOGICAL_DIAGNOSTICS]: 'PSYCHOLOGICAL_DIAGNOSTICS (психологическая диагностика)',
};

/** The consents a processing needs that are not among the person's active ones, in the table's order. */
export function missingConsents(processing: Processing, activeScopes: readonly string[]): ConsentScope[] {
  return CONSENT_REQUIRED_FOR[processing].filter((scope) => !activeScopes.includes(scope));
}

/** Whether the person's active consents allow the processing. */
export function consentAllows(processing: Processing, activeScopes: readonly string[]): boolean {
  return missingConsents(processing, activeScopes).length === 0;
}

/** Refuses the processing with CONSENT_REQUIRED, naming the missing consent, at the person's argument. */
export function assertConsent(processing: Processing, activeScopes: readonly string[], field: string, who = 'The person'): void {
  const missing = missingConsents(processing, activeScopes);
  if (missing.length === 0) return;
  throw new DomainError(
    ErrorCode.CONSENT_REQUIRED,
    `${who} has no active consent ${missing.map((scope) => SCOPE_NAMES[scope]).join(' and ')}; it is required for ${processing}`,
    field,
  );
}
