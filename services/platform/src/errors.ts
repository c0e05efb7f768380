import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Stable error codes that clients may branch on. They are part of the API: never rename one.
 * Every refusal in the system is a DomainError with one of these codes.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  CONFLICT: 'CONFLICT',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  YOUNG_SPECIALIST_MISMATCH: 'YOUNG_SPECIALIST_MISMATCH',
  BASE_ENTRY_EXISTS: 'BASE_ENTRY_EXISTS',
  BASE_ENTRY_CLOSED: 'BASE_ENTRY_CLOSED',
  INVALID_STATUS_CHANGE: 'INVALID_STATUS_CHANGE',
  PERSON_ARCHIVED: 'PERSON_ARCHIVED',
  SELF_MENTORING: 'SELF_MENTORING',
  OTHER_SCHOOL: 'OTHER_SCHOOL',
  MENTOR_NOT_ACTIVE: 'MENTOR_NOT_ACTIVE',
  MENTEE_NOT_IN_BASE: 'MENTEE_NOT_IN_BASE',
  MEASUREMENT_EXISTS: 'MEASUREMENT_EXISTS',
  VALUE_OUT_OF_SCALE: 'VALUE_OUT_OF_SCALE',
  UNKNOWN_PARAMETER: 'UNKNOWN_PARAMETER',
  INVALID_STAGE_TRANSITION: 'INVALID_STAGE_TRANSITION',
  STAGE_REQUIREMENT_UNMET: 'STAGE_REQUIREMENT_UNMET',
  WRONG_PROGRAM_STAGE: 'WRONG_PROGRAM_STAGE',
  MENTOR_CAPACITY_EXCEEDED: 'MENTOR_CAPACITY_EXCEEDED',
  OVERLAPPING_PAIR: 'OVERLAPPING_PAIR',
  FINAL_MEETING_MISSING: 'FINAL_MEETING_MISSING',
  MEETING_OUT_OF_ORDER: 'MEETING_OUT_OF_ORDER',
  NOT_PAIR_MEMBER: 'NOT_PAIR_MEMBER',
  EVIDENCE_REQUIRED: 'EVIDENCE_REQUIRED',
  ROADMAP_NOT_EMPTY: 'ROADMAP_NOT_EMPTY',
  PLAN_INCOMPLETE: 'PLAN_INCOMPLETE',
  PAIR_NOT_ACTIVE: 'PAIR_NOT_ACTIVE',
  NOT_EVENT_PARTICIPANT: 'NOT_EVENT_PARTICIPANT',
  EVENT_NOT_HELD: 'EVENT_NOT_HELD',
  NOMINEE_NOT_IN_PROGRAM: 'NOMINEE_NOT_IN_PROGRAM',
  // personal data (152-ФЗ): processing that needs a consent the person has not given or has withdrawn
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  // monitoring
  QUESTIONNAIRE_INVALID: 'QUESTIONNAIRE_INVALID',
  QUESTIONNAIRE_READ_ONLY: 'QUESTIONNAIRE_READ_ONLY',
  VERSION_NOT_PUBLISHED: 'VERSION_NOT_PUBLISHED',
  NO_RESPONDENTS: 'NO_RESPONDENTS',
  CAMPAIGN_NOT_OPEN: 'CAMPAIGN_NOT_OPEN',
  CAMPAIGN_CLOSED: 'CAMPAIGN_CLOSED',
  NOT_A_RESPONDENT: 'NOT_A_RESPONDENT',
  ANSWER_INVALID: 'ANSWER_INVALID',
  REQUIRED_ANSWER_MISSING: 'REQUIRED_ANSWER_MISSING',
  PARAMETER_EXISTS: 'PARAMETER_EXISTS',
  SCORECARD_EXISTS: 'SCORECARD_EXISTS',
  SCORECARD_INCOMPLETE: 'SCORECARD_INCOMPLETE',
  SCORECARD_FINALISED: 'SCORECARD_FINALISED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  // the edge: limits on the shape of a query (validation rules, ./limits) and on a caller's rate
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that describe the request, not the server: their messages are safe to show. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Refusals by a validation rule of ./limits: Apollo Server reports them as GRAPHQL_VALIDATION_FAILED, they keep their own code. */
const LIMIT_CODES = new Set<string>([ErrorCode.QUERY_TOO_DEEP, ErrorCode.TOO_MANY_ALIASES, ErrorCode.QUERY_TOO_COSTLY]);

/** Numbers about the request itself that a refusal deliberately tells the caller (no data, no internals). */
const PUBLIC_NUMBERS: Record<string, readonly string[]> = {
  [ErrorCode.QUERY_TOO_DEEP]: ['limit', 'actual'],
  [ErrorCode.TOO_MANY_ALIASES]: ['limit', 'actual'],
  [ErrorCode.QUERY_TOO_COSTLY]: ['limit', 'actual'],
  [ErrorCode.RATE_LIMITED]: ['retryAfterSeconds'],
};

function publicNumbers(code: string, extensions: Record<string, unknown> | undefined): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const key of PUBLIC_NUMBERS[code] ?? []) {
    const value = extensions?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) numbers[key] = value;
  }
  return numbers;
}

export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, as a path from the argument: `input.email`, `id`. */
    readonly field?: string,
  ) {
    super(message, {
      extensions: {
        code,
        ...(field ? { field } : {}),
        ...(code === ErrorCode.UNAUTHENTICATED ? { http: { status: 401 } } : {}),
      },
    });
  }
}

export function notFound(what: string, field = 'id'): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`, field);
}

export function forbidden(message = 'You may not access this resource'): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message);
}

interface ValidationErrorLike {
  property: string;
  target?: object;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/**
 * Arguments follow one naming convention across the API: `input: …Input`, `filter: …Filter`,
 * `page: PageInput`. class-validator reports the input object, so its class names the argument.
 */
function argumentNameOf(target: object | undefined): string {
  const typeName = target?.constructor.name ?? '';
  if (typeName === 'PageInput') return 'page';
  if (typeName.endsWith('Filter')) return 'filter';
  return 'input';
}

/** class-validator's tree of errors → the first failing path and its message. */
function firstViolation(errors: ValidationErrorLike[], prefix: string): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return { field, message };
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

/**
 * The one place where errors become what clients see. Domain errors and GraphQL's own request errors
 * pass with their code; type-graphql's argument validation becomes VALIDATION_FAILED with the field;
 * anything else is masked, so no SQL, stack trace or internal name leaves a service.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const originalCode = original instanceof GraphQLError ? (original.extensions?.code as string | undefined) : undefined;
  const code = originalCode && LIMIT_CODES.has(originalCode) ? originalCode : (formatted.extensions?.code as string | undefined);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  const validationErrors = (original as GraphQLError | undefined)?.extensions?.validationErrors as ValidationErrorLike[] | undefined;
  if (validationErrors) {
    const violation = firstViolation(validationErrors, argumentNameOf(validationErrors[0]?.target));
    return {
      ...base,
      message: violation ? `Invalid value of ${violation.field}: ${violation.message}` : 'Invalid input',
      extensions: { code: ErrorCode.VALIDATION_FAILED, ...(violation ? { field: violation.field } : {}) },
    };
  }
  const pgCode = (original as { code?: unknown } | undefined)?.code;
  if (pgCode === PG_UNIQUE_VIOLATION || pgCode === PG_FOREIGN_KEY_VIOLATION) {
    return { ...base, message: 'The change conflicts with existing data', extensions: { code: ErrorCode.CONFLICT } };
  }
  if (code && CLIENT_CODES.has(code)) {
    const { code: _code, field, http: _http } = formatted.extensions ?? {};
    return { ...base, extensions: { code, ...(field ? { field } : {}), ...publicNumbers(code, formatted.extensions) } };
  }
  // Apollo Server refuses some malformed requests (e.g. an APQ text that does not match its hash) with a 4xx and no code.
  const status = ((original as GraphQLError | undefined)?.extensions?.http as { status?: unknown } | undefined)?.status;
  if ((!code || code === ErrorCode.INTERNAL) && typeof status === 'number' && status >= 400 && status < 500) {
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL } };
}
