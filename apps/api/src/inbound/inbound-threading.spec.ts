import { isAutomatic, textOfHtml, threadingKeysOf, withoutQuotedHistory } from './inbound-threading';

const CASE_ID = '5a1a0000-0000-4000-8000-0000000000e1';

describe('inbound threading', () => {
  it('finds the case in our Message-IDs (In-Reply-To, References) and the filing numbers in the subject', () => {
    const keys = threadingKeysOf({
      subject: 'RE: RV: [2026-000042] Respuesta (antes 2025-000007)',
      inReplyTo: `<pqr.${CASE_ID}.0b7f6c1e-9d4a-4c55-8f0e-3a1b2c3d4e5f@pqr.example.co>`,
      references: ['<other@mail.example.com>', `<pqr.${CASE_ID.toUpperCase()}.x@pqr.example.co>`],
    });
    expect(keys).toEqual({ caseIds: [CASE_ID], filingNumbers: ['2026-000042', '2025-000007'] });
  });

  it('does not take a longer number or a date for a filing number', () => {
    expect(threadingKeysOf({ subject: 'Factura 12026-0000421 del 2026-03-02' }).filingNumbers).toEqual([]);
  });

  it('keeps the customer\'s own words above the quoted history (Spanish and English clients, > quotes, forwarded headers)', () => {
    expect(withoutQuotedHistory('Adjunto la factura.\n\nEl mié, 4 mar 2026 a las 8:00, PQR <pqr@x.co> escribió:\n> Estimado')).toBe('Adjunto la factura.');
    expect(withoutQuotedHistory('Thanks\r\nOn Wed, Mar 4, 2026 at 8:00 AM PQR wrote:\r\n> hi')).toBe('Thanks');
    expect(withoutQuotedHistory('Ok\n-----Mensaje original-----\nDe: PQR')).toBe('Ok');
    expect(withoutQuotedHistory('> only a quote')).toBe('> only a quote');
  });

  it('tells an auto-reply from a person (RFC 3834)', () => {
    expect(isAutomatic(new Map([['auto-submitted', 'auto-replied']]))).toBe(true);
    expect(isAutomatic(new Map([['precedence', 'bulk']]))).toBe(true);
    expect(isAutomatic(new Map([['auto-submitted', 'no']]))).toBe(false);
    expect(isAutomatic(new Map())).toBe(false);
  });

  it('reads the text of an HTML-only email', () => {
    expect(textOfHtml('<p>Hola&nbsp;<b>equipo</b></p><style>p{}</style><div>A &amp; B &lt;ok&gt;</div>')).toBe('Hola equipo\nA & B <ok>');
  });
});
