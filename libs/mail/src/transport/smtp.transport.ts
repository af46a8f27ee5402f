import * as nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';
import { nodemailerMessage } from './nodemailer-message';

export interface SmtpTransportOptions {
  /** Bounds each attempt: an unreachable server fails the attempt instead of hanging the outbox. */
  timeoutMs?: number;
}

/** Delivers to the SMTP server at SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: nodemailer.Transporter;

  constructor(url: string, options: SmtpTransportOptions = {}) {
    const timeout = options.timeoutMs ?? 30_000;
    // nodemailer (10.x) merges the URL's settings with the options the URL does not set.
    this.transporter = nodemailer.createTransport({
      url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as nodemailer.TransportOptions);
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(nodemailerMessage(mail));
  }

  close(): void {
    this.transporter.close();
  }
}
