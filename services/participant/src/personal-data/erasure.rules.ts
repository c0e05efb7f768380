import { ERASURE_FOLLOWERS, type ErasureService } from '@nastavnik/platform';
import { ErasureStatus } from './erasure.entity';

/** People archived before this moment are past the retention period. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
}

/** An act is complete once every service confirmed its part. */
export function actStatus(confirmations: readonly { service: ErasureService; status: ErasureStatus }[]): ErasureStatus {
  const services: readonly ErasureService[] = ['participant', ...ERASURE_FOLLOWERS];
  const done = new Set(confirmations.filter((c) => c.status === ErasureStatus.COMPLETED).map((c) => c.service));
  return services.every((service) => done.has(service)) ? ErasureStatus.COMPLETED : ErasureStatus.PENDING;
}
