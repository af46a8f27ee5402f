import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';

export interface DeliveredMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** What the customer needs from an email about a case: the number from its subject, the code from its fields (when it carries one). */
export interface CaseCredentials {
  filingNumber: string;
  verificationCode: string;
}

const recipients = (parsed: ParsedMail) => [parsed.to].flat().flatMap((address) => address?.value.map((entry) => (entry.address ?? '').toLowerCase()) ?? []);

/** Every .eml the embedded transport wrote under DATA_DIR/mail, oldest first (by file time: the Date header has whole seconds). */
export async function deliveredMail(dataDir: string): Promise<DeliveredMail[]> {
  const directory = join(dataDir, 'mail');
  if (!existsSync(directory)) return [];
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => join(directory, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(readFileSync(file));
      return { to: recipients(parsed), subject: parsed.subject ?? '', text: parsed.text ?? '', html: String(parsed.html || '') };
    }),
  );
}

/**
 * The newest email to `address` whose subject matches, waiting for the outbox to deliver it
 * (it sends asynchronously, on its own tick).
 */
export async function newestMailTo(dataDir: string, address: string, subject: RegExp, timeoutMs = 20_000): Promise<DeliveredMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matching = (await deliveredMail(dataDir)).filter((mail) => mail.to.includes(address.toLowerCase()) && subject.test(mail.subject));
    if (matching.length > 0) return matching[matching.length - 1];
    if (Date.now() > deadline) throw new Error(`No email to ${address} with a subject matching ${subject} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The filing number (the subject's `[2026-000042]`) and the verification code (its labelled field) of an acknowledgement. */
export function credentialsIn(mail: DeliveredMail): CaseCredentials {
  const filingNumber = /^\[(\d{4}-\d{6})\]/.exec(mail.subject)?.[1];
  const verificationCode = /Código de verificación:\s*([A-Za-z0-9]{4,12})\b/.exec(mail.text)?.[1];
  if (!filingNumber || !verificationCode) throw new Error(`No filing number and verification code in "${mail.subject}":\n${mail.text}`);
  return { filingNumber, verificationCode };
}
