import type { OutgoingMail } from '../mail-transport.port';

/** nodemailer's message options for a mail: both parts, and our Message-ID instead of a generated one. */
export function nodemailerMessage(mail: OutgoingMail) {
  const { from, to, subject, text, html, messageId } = mail;
  return { from, to, subject, text, html, messageId, headers: { 'Auto-Submitted': 'auto-generated' } };
}
