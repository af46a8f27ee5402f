/** A customer's email as the mail gateway posts it to `POST /inbound/email`: a text part and one attachment. */
export interface MimeEmail {
  /** The From header's value, e.g. `Rosalba <rosalba@example.com>`. */
  from: string;
  subject: string;
  /** Without the angle brackets. */
  messageId: string;
  /** The text part's lines (a signature included). */
  text: string[];
  attachment: { name: string; contentType: string; content: string };
}

/** The raw message (multipart/mixed, CRLF line ends). */
export function mimeEmail({ from, subject, messageId, text, attachment }: MimeEmail): string {
  return [
    `From: ${from}`,
    'To: pqr@pqr.example.co',
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...text,
    '--b1',
    `Content-Type: ${attachment.contentType}; name="${attachment.name}"`,
    `Content-Disposition: attachment; filename="${attachment.name}"`,
    '',
    attachment.content,
    '--b1--',
    '',
  ].join('\r\n');
}
