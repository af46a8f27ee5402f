import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';
import { nodemailerMessage } from './nodemailer-message';

/**
 * The embedded default (no SMTP_URL): each message becomes `<directory>/<Message-ID>.eml`, the whole
 * MIME message as an SMTP server would receive it. Named by the Message-ID and written by rename, a
 * repeat after a crash replaces the file: one message per (case, event).
 */
export class EmlFileMailTransport implements MailTransport {
  private readonly transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly directory: string) {}

  async deliver(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail(nodemailerMessage(mail));
    mkdirSync(this.directory, { recursive: true });
    const file = join(this.directory, emlFileName(mail.messageId));
    writeFileSync(`${file}.tmp`, info.message as Buffer);
    renameSync(`${file}.tmp`, file);
  }

  close(): void {
    this.transporter.close();
  }
}

/** A file name from a Message-ID: angle brackets dropped, anything but letters, digits, `.`, `-`, `@` replaced. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9.@-]/g, '_')}.eml`;
}
