import { basename } from 'node:path';
import { readString, readUrl } from '@nastavnik/platform';
import nodemailer, { type Transporter } from 'nodemailer';

type Env = Record<string, string | undefined>;

export interface MailerConfig {
  /** smtp://user:password@host:587 or smtps://… for implicit TLS */
  url: string;
  from: string;
}

export function readMailerConfig(env: Env): MailerConfig | null {
  if (!env.SMTP_URL) return null;
  return { url: readUrl(env, 'SMTP_URL'), from: readString(env, 'SMTP_FROM', 'Наставник <reports@nastavnik.local>') };
}

export interface ReportMail {
  to: string;
  subject: string;
  text: string;
  /** The stored workbook and the name the recipient sees. */
  attachment: { path: string; filename?: string };
}

/** Sends report e-mails over a real SMTP conversation; one transporter (and its pool) per worker. */
export class ReportMailer {
  private readonly transport: Transporter;

  constructor(private readonly config: MailerConfig) {
    this.transport = nodemailer.createTransport(config.url);
  }

  /** Resolves with the server's message id once the server accepted the message; rejects otherwise. */
  async send(mail: ReportMail): Promise<{ messageId: string; response: string }> {
    const info = await this.transport.sendMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: [
        {
          filename: mail.attachment.filename ?? basename(mail.attachment.path),
          path: mail.attachment.path,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      ],
    });
    const rejected = (info.rejected ?? []) as unknown[];
    if (rejected.length > 0) throw new Error(`The SMTP server refused ${rejected.join(', ')}: ${info.response}`);
    return { messageId: info.messageId ?? '', response: String(info.response ?? '') };
  }

  close(): void {
    this.transport.close();
  }
}
