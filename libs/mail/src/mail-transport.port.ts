/** A rendered customer message, addressed: what the outbox hands to a transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@domain>`, stable per (case, event): the receiving side drops a repeat. */
  messageId: string;
}

/** Where messages go: an SMTP server, or .eml files in the embedded default. Resolves once the message is accepted. */
export interface MailTransport {
  deliver(mail: OutgoingMail): Promise<void>;
  close(): void;
}
