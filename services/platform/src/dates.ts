import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { types } from 'pg';

/** Calendar dates travel as ISO strings (YYYY-MM-DD) everywhere: in GraphQL, in code and from `pg`. */
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value) => value);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function parseIsoDate(value: string): Date {
  if (!isIsoDate(value)) throw new RangeError(`"${value}" is not a calendar date of the form YYYY-MM-DD`);
  return new Date(`${value}T00:00:00Z`);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function today(): string {
  return toIsoDate(new Date());
}

/** class-validator decorator for an ISO calendar date. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: () => '$property must be a calendar date of the form YYYY-MM-DD',
      },
    },
    options,
  );
}

/** An optional input field that may be left out but, when given, may not be null. */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}
