import type { RequestContext } from '@nastavnik/platform';
import type { MenteeProfile } from './mentee-profile.entity';

/** Categories tell burnout, the most sensitive status: every read goes to the audit log (one entry per request). */
export function noteCategoriesRead(context: RequestContext, profile: MenteeProfile): void {
  context.auditedReads.note({ entityType: 'MenteeProfile', schoolId: profile.schoolId, entityIds: [profile.id], personIds: [profile.personId], fields: ['categories'] });
}
