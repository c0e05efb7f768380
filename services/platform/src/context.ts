import DataLoader from 'dataloader';
import type { Caller } from './auth';
import { AuditedReads } from './audit-reads';
import type { Logger } from './logger';

/**
 * The one request context. Resolvers read the caller from it and batch their lookups through
 * `loader`: loaders live for one request, so a cached row never crosses callers.
 */
export class RequestContext {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly caller: Caller,
    readonly requestId: string,
    readonly log: Logger,
    /** The raw bearer token, forwarded when this service asks another one on the caller's behalf. */
    readonly token: string,
    /** The end client's address as the gateway saw it (`x-client-address`), for the audit log. */
    readonly clientAddress: string | null = null,
  ) {}

  /** Reads of sensitive fields in this request, written to the audit log before the response leaves. */
  readonly auditedReads = new AuditedReads();

  /** A per-request DataLoader; `name` must identify the batch function. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results like the keys, as DataLoader requires; missing keys become null. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups batch results per key, for one-to-many loaders. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
