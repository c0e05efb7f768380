import 'reflect-metadata';
import { IsInt, IsOptional, IsString, Length, Min, ValidateNested, validateSync } from 'class-validator';
import { GraphQLError, locatedError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, formatError, forbidden, notFound } from './errors';
import { PageInput } from './pagination';

/**
 * What Apollo Server hands to `formatError`: the error located at a resolver's path, and its
 * formatted form with the code it found (INTERNAL_SERVER_ERROR when none) and, at worst, a stack trace.
 */
function throwInResolver(raw: unknown): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = locatedError(raw, undefined, ['createPerson']);
  const extensions = { ...error.extensions };
  const formatted: GraphQLFormattedError = {
    message: error.message,
    path: error.path,
    extensions: {
      ...extensions,
      code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
      stacktrace: (error.originalError?.stack ?? error.stack ?? '').split('\n'),
    },
  };
  return { formatted, error };
}

function format(raw: unknown): GraphQLFormattedError {
  const { formatted, error } = throwInResolver(raw);
  return formatError(formatted, error);
}

describe('formatError masks what clients must not see', () => {
  it('turns an arbitrary Error into INTERNAL_SERVER_ERROR with a generic message, without SQL or stack', () => {
    const raw = new Error('column "secret_column" does not exist in SELECT * FROM person WHERE school_id = $1');
    const result = format(raw);
    expect(result.message).toBe('Internal server error');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(result.path).toEqual(['createPerson']);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/SELECT|secret_column|person/);
    expect(text).not.toContain('errors.test');
    expect(text).not.toContain('stacktrace');
  });

  it.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'schoolId')")],
    ['a thrown string', 'connection to 10.0.0.5:5432 refused'],
    ['an error with an unknown code', Object.assign(new Error('ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })],
    ['a GraphQLError with a made-up code', new GraphQLError('internal detail', { extensions: { code: 'SOME_LIBRARY_CODE', sql: 'SELECT 1' } })],
  ])('masks %s', (_case, raw) => {
    const result = format(raw);
    expect(result.message).toBe('Internal server error');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(result)).not.toMatch(/10\.0\.0\.5|schoolId|SELECT|internal detail/);
  });

  it('masks a TypeORM failure that is not a constraint violation', () => {
    const driverError = Object.assign(new Error('relation "person" does not exist'), { code: '42P01', query: 'SELECT * FROM person' });
    const result = format(new QueryFailedError('SELECT * FROM person', [], driverError));
    expect(result).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toContain('person');
  });
});

describe('formatError keeps domain errors', () => {
  it('keeps the code, message and field of a DomainError', () => {
    const result = format(new DomainError(ErrorCode.YOUNG_SPECIALIST_MISMATCH, 'More than 3 years of experience', 'input.categories'));
    expect(result.message).toBe('More than 3 years of experience');
    expect(result.extensions).toEqual({ code: 'YOUNG_SPECIALIST_MISMATCH', field: 'input.categories' });
    expect(result.path).toEqual(['createPerson']);
  });

  it.each([
    ['not found', notFound('Person', 'input.personId'), { code: 'NOT_FOUND', field: 'input.personId' }],
    ['forbidden, without a field', forbidden(), { code: 'FORBIDDEN' }],
    ['version conflict', new DomainError(ErrorCode.VERSION_CONFLICT, 'Changed meanwhile', 'input.expectedVersion'), { code: 'VERSION_CONFLICT', field: 'input.expectedVersion' }],
    // The HTTP status is for the transport; it never appears in the body.
    ['unauthenticated', new DomainError(ErrorCode.UNAUTHENTICATED, 'No token'), { code: 'UNAUTHENTICATED' }],
  ])('keeps %s', (_case, raw, extensions) => {
    const result = format(raw);
    expect(result.message).toBe((raw as Error).message);
    expect(result.extensions).toEqual(extensions);
  });

  it("keeps GraphQL's own request errors", () => {
    const formatted = { message: 'Cannot query field "secret" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(formatted, new GraphQLError(formatted.message))).toEqual({
      message: formatted.message,
      locations: undefined,
      path: undefined,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});

describe('formatError turns constraint violations into CONFLICT', () => {
  const detail = 'Key (municipality_id, lower(email))=(6f1c…, anna@school.ru) already exists.';

  it.each([
    ['a pg unique violation', Object.assign(new Error('duplicate key value violates unique constraint "person_email_unique"'), { code: '23505', detail })],
    [
      'a pg unique violation wrapped by TypeORM',
      new QueryFailedError('INSERT INTO person …', ['anna@school.ru'], Object.assign(new Error('duplicate key value violates unique constraint "person_email_unique"'), { code: '23505', detail })),
    ],
    ['a pg foreign key violation', Object.assign(new Error('insert or update on table "person" violates foreign key constraint'), { code: '23503', detail })],
  ])('maps %s to CONFLICT without the constraint or the values', (_case, raw) => {
    const result = format(raw);
    expect(result.message).toBe('The change conflicts with existing data');
    expect(result.extensions).toEqual({ code: 'CONFLICT' });
    expect(JSON.stringify(result)).not.toMatch(/person_email_unique|anna@school\.ru|INSERT/);
  });
});

describe('formatError turns argument validation into VALIDATION_FAILED with the field', () => {
  class AddressInput {
    @IsString()
    @Length(3, 100)
    street: string;

    @IsInt()
    @Min(1)
    house: number;
  }

  class CreateTestSchoolInput {
    @Length(3, 300)
    name: string;

    @ValidateNested()
    address: AddressInput;
  }

  class TestPersonFilter {
    @IsOptional()
    @Length(1, 5)
    search?: string;
  }

  function validationErrorOf(value: object): ArgumentValidationError {
    const errors = validateSync(value);
    expect(errors.length).toBeGreaterThan(0);
    return new ArgumentValidationError(errors);
  }

  it('names the dotted path of a nested property of the input', () => {
    const input = Object.assign(new CreateTestSchoolInput(), {
      name: 'Школа № 1',
      address: Object.assign(new AddressInput(), { street: 'ул', house: 12 }),
    });
    const result = format(validationErrorOf(input));
    expect(result.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.address.street' });
    expect(result.message).toMatch(/^Invalid value of input\.address\.street: /);
    expect(result.path).toEqual(['createPerson']);
  });

  it('names a deeper failure after a valid one', () => {
    const input = Object.assign(new CreateTestSchoolInput(), {
      name: 'Школа № 1',
      address: Object.assign(new AddressInput(), { street: 'Садовая', house: 0 }),
    });
    expect(format(validationErrorOf(input)).extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.address.house' });
  });

  it('names a top-level property of the input', () => {
    const input = Object.assign(new CreateTestSchoolInput(), { name: 'Ш', address: Object.assign(new AddressInput(), { street: 'Садовая', house: 3 }) });
    expect(format(validationErrorOf(input)).extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'input.name' });
  });

  it('names the filter argument for a …Filter class', () => {
    const filter = Object.assign(new TestPersonFilter(), { search: 'слишком длинный поиск' });
    expect(format(validationErrorOf(filter)).extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'filter.search' });
  });

  it('names the page argument for PageInput', () => {
    const page = Object.assign(new PageInput(), { first: 500 });
    expect(format(validationErrorOf(page)).extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'page.first' });
  });

  it('does not pass on the rejected value or the BAD_USER_INPUT code', () => {
    const input = Object.assign(new CreateTestSchoolInput(), { name: 'Ш', address: Object.assign(new AddressInput(), { street: 'Садовая', house: 3 }) });
    const result = format(validationErrorOf(input));
    expect(JSON.stringify(result)).not.toMatch(/BAD_USER_INPUT|validationErrors|Садовая/);
  });
});

describe('sanity of the stand-in for Apollo', () => {
  it('the untouched formatted error would have leaked the stack', () => {
    const { formatted } = throwInResolver(new Error('SELECT * FROM person'));
    expect(JSON.stringify(formatted)).toContain('SELECT');
    expect(JSON.stringify(formatted)).toContain('stacktrace');
  });
});
