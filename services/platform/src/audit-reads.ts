/** One batched read of a sensitive field: a row of the audit log per request, entity type and school. */
export interface AuditedRead {
  entityType: string;
  schoolId: string;
  entityIds: string[];
  /** The data subjects whose values were read. */
  personIds: string[];
  fields: string[];
}

/**
 * Collects the sensitive reads of one request. Field resolvers only note what they returned; the
 * subgraph writes the collected reads in one statement before the response leaves (auditReadsPlugin).
 */
export class AuditedReads {
  private readonly reads = new Map<string, { entityType: string; schoolId: string; entityIds: Set<string>; personIds: Set<string>; fields: Set<string> }>();

  note(read: { entityType: string; schoolId: string; entityIds: readonly string[]; personIds: readonly (string | null | undefined)[]; fields: readonly string[] }): void {
    if (read.entityIds.length === 0) return;
    const key = `${read.entityType}\u0000${read.schoolId}`;
    let entry = this.reads.get(key);
    if (!entry) {
      entry = { entityType: read.entityType, schoolId: read.schoolId, entityIds: new Set(), personIds: new Set(), fields: new Set() };
      this.reads.set(key, entry);
    }
    for (const id of read.entityIds) entry.entityIds.add(id);
    for (const id of read.personIds) if (id) entry.personIds.add(id);
    for (const field of read.fields) entry.fields.add(field);
  }

  /** Empties the collector and answers what it held, ids and fields sorted for stable rows. */
  take(): AuditedRead[] {
    const reads = [...this.reads.values()].map((entry) => ({
      entityType: entry.entityType,
      schoolId: entry.schoolId,
      entityIds: [...entry.entityIds].sort(),
      personIds: [...entry.personIds].sort(),
      fields: [...entry.fields].sort(),
    }));
    this.reads.clear();
    return reads;
  }

  get size(): number {
    return this.reads.size;
  }
}
