import { RoadmapItemStatus } from './roadmap.enums';

const OPEN = new Set<string>([RoadmapItemStatus.PLANNED, RoadmapItemStatus.IN_PROGRESS]);

/** The status people see: an open item whose period ended before `asOf` is overdue. */
export function effectiveStatus(stored: RoadmapItemStatus, endsOn: string, asOf: string): RoadmapItemStatus {
  return OPEN.has(stored) && endsOn < asOf ? RoadmapItemStatus.OVERDUE : stored;
}

export interface Evidence {
  documentTitle: string | null;
}

/**
 * Why an item cannot take a status, or null. OVERDUE comes from the calendar, never from a person;
 * an item whose result is a document is done only with that document named.
 */
export function statusChangeRefusal(to: RoadmapItemStatus, resultForm: string, evidence: Evidence): { code: 'VALIDATION_FAILED' | 'EVIDENCE_REQUIRED'; message: string } | null {
  if (to === RoadmapItemStatus.OVERDUE) return { code: 'VALIDATION_FAILED', message: 'OVERDUE follows from the period; it cannot be set' };
  if (to === RoadmapItemStatus.DONE && resultForm.trim() !== '' && !evidence.documentTitle?.trim()) {
    return { code: 'EVIDENCE_REQUIRED', message: `The item is done when its result is documented: name the document (${resultForm.trim()})` };
  }
  return null;
}
