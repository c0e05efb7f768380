import { join } from 'node:path';
import { AnalyticsJob, deliveryJobId, type DeliverReportJobData } from '@nastavnik/platform';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { ReportMailer } from './mailer';

export const DELIVERY_ATTEMPTS = 6;

/**
 * Queues the e-mails of a finished report. Job ids are deterministic, so a report job that runs
 * again after its worker died queues no second copy.
 */
export async function enqueueDeliveries(
  queue: Queue,
  report: { reportId: string; fileName: string; attachmentName: string; subject: string; recipients: readonly string[]; requestId?: string },
  backoffMs: number,
): Promise<void> {
  await queue.addBulk(
    report.recipients.map((recipient, index) => ({
      name: AnalyticsJob.DELIVER_REPORT,
      data: {
        reportId: report.reportId,
        recipient,
        fileName: report.fileName,
        attachmentName: report.attachmentName,
        subject: report.subject,
        ...(report.requestId ? { requestId: report.requestId } : {}),
      } satisfies DeliverReportJobData,
      opts: {
        jobId: deliveryJobId(report.reportId, index),
        attempts: DELIVERY_ATTEMPTS,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: { age: 365 * 24 * 3600 },
        removeOnFail: { age: 365 * 24 * 3600 },
      },
    })),
  );
}

/** Sends one delivery; every attempt is written to the job's log, which the report's status shows. */
export function createDeliveryProcessor(mailer: ReportMailer | null, reportsDir: string) {
  return async function deliverReport(job: Job<DeliverReportJobData>): Promise<{ messageId: string }> {
    const attempt = job.attemptsMade + 1;
    if (!mailer) {
      await job.log(`attempt ${attempt}: no SMTP server is configured (SMTP_URL)`);
      throw new UnrecoverableError('E-mail delivery is not configured: set SMTP_URL');
    }
    try {
      const sent = await mailer.send({
        to: job.data.recipient,
        subject: job.data.subject,
        text: 'Здравствуйте!\n\nВо вложении — аналитический отчёт по программам наставничества.\n\nСистема «Наставник»',
        attachment: { path: join(reportsDir, job.data.fileName), filename: job.data.attachmentName },
      });
      await job.log(`attempt ${attempt}: accepted by the SMTP server (${sent.response.split('\n')[0]})`);
      return { messageId: sent.messageId };
    } catch (error) {
      await job.log(`attempt ${attempt}: failed: ${(error as Error).message.split('\n')[0]}`);
      throw error;
    }
  };
}
