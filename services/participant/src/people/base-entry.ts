import { DomainError, ErrorCode, today, type EntityManager } from '@nastavnik/platform';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { isTerminal, type StatusMachine } from './base-status.rules';

/** A base (mentor or mentee) with its entries' table, their history table and status machine. */
export interface BaseTables<S extends string> {
  entries: EntityTarget<ObjectLiteral>;
  history: EntityTarget<ObjectLiteral>;
  machine: StatusMachine<S>;
}

/**
 * Moves a locked base entry to a status the caller has already checked, and records the change in
 * the entry's history; a terminal status closes the entry on the same day.
 */
export async function recordStatusChange<S extends string>(
  manager: EntityManager,
  base: BaseTables<S>,
  entry: { id: string; openedOn: string },
  change: { status: S; changedOn?: string | null; note?: string | null },
  changedBy: string,
): Promise<void> {
  const changedOn = change.changedOn ?? today();
  if (changedOn < entry.openedOn) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `The change cannot precede the entry's opening on ${entry.openedOn}`, 'input.changedOn');
  }
  const closedOn = isTerminal(base.machine, change.status) ? changedOn : null;
  await manager.getRepository(base.entries).update(entry.id, { status: change.status, closedOn });
  await manager.getRepository(base.history).insert({ profileId: entry.id, status: change.status, changedOn, changedBy, note: change.note ?? null });
}
