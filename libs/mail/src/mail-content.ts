/** A message ready for the mail transport: a subject, and the same content as plain text and HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What the company configures once: how it signs, where the customer tracks the case, its service line. */
export interface MailSettings {
  companyName: string;
  /** Base URL of the customer-facing site: the tracking page and the survey hang off it. */
  publicBaseUrl: string;
  /** The phone line the customer calls once the email window has closed. */
  serviceLine: string;
}

/** Who the message is for and which case it is about: every template needs these. */
export interface MailRecipient {
  filingNumber: string;
  fullName: string;
}

/**
 * What a template writes: the subject's own words (the layout adds `[<filing number>]`) and the
 * body as blocks, so that the text and HTML parts are rendered from the same content.
 */
export interface MailDraft {
  title: string;
  blocks: MailBlock[];
  /** Instead of greeting the petitioner by name and calling the case theirs (a message to another entity). */
  greeting?: string;
  closing?: string;
}

export type MailBlock =
  /** A paragraph; line breaks in it are kept. */
  | { kind: 'paragraph'; text: string }
  /** Labelled values, one per line. */
  | { kind: 'fields'; fields: Array<[label: string, value: string]> }
  /** Text written by staff (a response, a request): quoted as it is. */
  | { kind: 'quote'; text: string }
  | { kind: 'link'; label: string; url: string };
