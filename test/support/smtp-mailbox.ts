import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on 127.0.0.1 (port 0), and the customer's mailbox behind it. Like the large
 * mailbox providers, the mailbox keeps one message per Message-ID; `transmissions` counts what the
 * server accepted. `stop()` takes the server down (connections refused); `start()` brings it back on
 * the same port.
 */
export class SmtpMailbox {
  readonly transmissions: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** One message per Message-ID, in the order they first arrived. */
  get inbox(): ReceivedMail[] {
    const seen = new Map<string, ReceivedMail>();
    for (const mail of this.transmissions) if (!seen.has(mail.messageId)) seen.set(mail.messageId, mail);
    return [...seen.values()];
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = [parsed.to].flat().flatMap((address) => address?.value.map((entry) => entry.address ?? '') ?? []);
            this.transmissions.push({ messageId: parsed.messageId ?? '', to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: String(parsed.html || '') });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
