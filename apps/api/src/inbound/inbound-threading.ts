/** How an inbound email finds its case: our Message-ID in In-Reply-To / References, or the filing number in the subject. */
export interface ThreadingKeys {
  caseIds: string[];
  filingNumbers: string[];
}

/** Our Message-IDs are `<pqr.<caseId>.<eventId>@domain>` (messageIdFor, libs/mail). */
const OUR_MESSAGE_ID = /<pqr\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[^<>@\s]+@[^<>\s]+>/gi;
/** A filing number is the year and six digits (`2026-000042`), in the subject as `[2026-000042]` or bare. */
const FILING_NUMBER = /(?<![\d-])(\d{4}-\d{6})(?![\d-])/g;

export function threadingKeysOf(mail: { subject?: string; inReplyTo?: string; references?: string | string[] }): ThreadingKeys {
  const references = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()].join(' ');
  const caseIds = unique([...references.matchAll(OUR_MESSAGE_ID)].map((match) => match[1].toLowerCase()));
  const filingNumbers = unique([...(mail.subject ?? '').matchAll(FILING_NUMBER)].map((match) => match[1]));
  return { caseIds, filingNumbers };
}

const QUOTE_HEADERS = [
  /^On .+ wrote:\s*$/i,
  /^El .+ escribi[óo]:\s*$/i,
  /^-{2,}\s*(Original Message|Mensaje original)\s*-{2,}\s*$/i,
  /^(From|De):\s.+$/i,
  /^_{5,}\s*$/,
];

/** The customer's own words: the text above the quoted history (a "… escribió:" line, `>` lines, a forwarded header). */
export function withoutQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const end = lines.findIndex((line) => line.startsWith('>') || QUOTE_HEADERS.some((header) => header.test(line.trim())));
  const own = (end === -1 ? lines : lines.slice(0, end)).join('\n').trim();
  return own || text.trim();
}

/** RFC 3834: an auto-reply or a bounce is never answered (no mail loops between two robots). */
export function isAutomatic(headers: Map<string, unknown>): boolean {
  const autoSubmitted = String(headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(headers.get('precedence') ?? '').toLowerCase();
  return autoSubmitted !== 'no' || ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) || headers.has('x-autoreply') || headers.has('x-autorespond');
}

/** Plain text of an HTML-only email: tags dropped, block ends as line breaks, entities decoded. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
