import { DomainError, ErrorCode } from '@nastavnik/platform';

/**
 * Both bases keep every status a base entry went through. An entry in a terminal status is closed
 * for good: a returning teacher gets a new entry, and the old one stays as it was recorded.
 */
export type StatusMachine<S extends string> = Readonly<Record<S, readonly S[]>>;

export function assertStatusChange<S extends string>(machine: StatusMachine<S>, from: S, to: S, field = 'input.status'): void {
  if (!machine[from].includes(to)) {
    throw new DomainError(
      ErrorCode.INVALID_STATUS_CHANGE,
      `A base entry in status ${from} cannot move to ${to}` + (machine[from].length ? `; allowed: ${machine[from].join(', ')}` : '; the entry is closed'),
      field,
    );
  }
}

export function isTerminal<S extends string>(machine: StatusMachine<S>, status: S): boolean {
  return machine[status].length === 0;
}
