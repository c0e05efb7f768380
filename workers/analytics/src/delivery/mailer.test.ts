import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ReportMailer } from './mailer';

/** A real SMTP server inside the test: the mailer holds a whole SMTP conversation with it. */
function startSmtpServer(received: ParsedMail[], refuse: (to: string) => boolean): Promise<SMTPServer & { port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      callback(refuse(address.address) ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.server.address() as AddressInfo).port }))));
}

describe('ReportMailer', () => {
  let directory: string;
  let workbook: string;
  const received: ParsedMail[] = [];
  let server: SMTPServer & { port: number };
  let mailer: ReportMailer;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'nastavnik-mail-'));
    workbook = join(directory, 'report.xlsx');
    await writeFile(workbook, Buffer.from('PK fake workbook bytes \u0001\u0002'));
    server = await startSmtpServer(received, (to) => to.startsWith('nobody@'));
    mailer = new ReportMailer({ url: `smtp://127.0.0.1:${server.port}`, from: 'Наставник <reports@test.local>' });
  });

  afterAll(async () => {
    mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(directory, { recursive: true, force: true });
  });

  it('delivers the workbook as an attachment', async () => {
    const result = await mailer.send({
      to: 'office@test.local',
      subject: 'Отчёт по наставничеству 2025/2026',
      text: 'Во вложении — аналитика по программам наставничества.',
      attachment: { path: workbook, filename: 'Наставничество-2025-2026.xlsx' },
    });
    expect(result.response).toMatch(/^250/);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.subject).toBe('Отчёт по наставничеству 2025/2026');
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]!.filename).toBe('Наставничество-2025-2026.xlsx');
    expect(mail!.attachments[0]!.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mail!.attachments[0]!.content.equals(Buffer.from('PK fake workbook bytes \u0001\u0002'))).toBe(true);
  });

  it('fails when the server refuses the recipient, so the delivery job is retried', async () => {
    await expect(mailer.send({ to: 'nobody@test.local', subject: 'x', text: 'x', attachment: { path: workbook } })).rejects.toThrow(/550|refused|Mailbox/);
  });
});
