import { assertCanManageSchool, assertCanSeeSchool, ownPersonId, Role, seesOwnRecordsOnly, type Caller } from '@nastavnik/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Pair } from './pair.entity';

/** The mentor of a pair writes its meetings and plan tasks; so do the school's curator, administration and the office. */
export function isPairMentor(caller: Caller, pair: Pair): boolean {
  return caller.role === Role.MENTOR && caller.personId !== null && caller.personId === pair.mentorId;
}

export function assertCanWorkOnPair(caller: Caller, pair: Pair): void {
  if (isPairMentor(caller, pair)) assertCanSeeSchool(caller, pair);
  else assertCanManageSchool(caller, pair);
}

/**
 * A mentor or mentee sees only the pairs they belong to, and only those pairs' plans and meetings.
 * `pairIdColumn` is the aliased column holding the pair id (`pair.id`, `plan.pair_id`).
 */
export function narrowToOwnPairs<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, caller: Caller, pairIdColumn: string): SelectQueryBuilder<T> {
  if (!seesOwnRecordsOnly(caller)) return query;
  return query.andWhere(
    `${pairIdColumn} IN (SELECT own.id FROM pair own WHERE own.mentor_id = :ownPerson
      UNION SELECT member.pair_id FROM pair_mentee member WHERE member.mentee_id = :ownPerson)`,
    { ownPerson: ownPersonId(caller) },
  );
}
