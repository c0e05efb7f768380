import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from './auth';

/**
 * Narrows a query to the caller's schools. Every table with school data carries municipality_id and
 * school_id, so one rule serves all three services: the office sees its municipality, everybody
 * else their school.
 */
export function scopeToCaller<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, caller: Caller, alias = query.alias): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.municipality_id = :scopeMunicipalityId`, { scopeMunicipalityId: caller.municipalityId });
  if (caller.schoolId !== null) query.andWhere(`${alias}.school_id = :scopeSchoolId`, { scopeSchoolId: caller.schoolId });
  return query;
}
