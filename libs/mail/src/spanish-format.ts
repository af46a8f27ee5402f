import type { CaseKind } from '@app/domain';

const LONG_DATE = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', day: 'numeric', month: 'long', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "15 de marzo de 2026", in Bogotá. */
export function spanishDate(iso: string): string {
  return LONG_DATE.format(toDate(iso));
}

/** "15 de marzo de 2026, 5:00 p. m.", in Bogotá. */
export function spanishDateTime(iso: string): string {
  return DATE_TIME.format(toDate(iso));
}

/** What the customer calls each kind of case (DOMAIN.md's glossary), with the object pronoun that agrees with it. */
export const CASE_KIND_NAMES: Record<CaseKind, { name: string; pronoun: 'lo' | 'la' }> = {
  petition: { name: 'petición', pronoun: 'la' },
  complaint: { name: 'queja', pronoun: 'la' },
  claim: { name: 'reclamo', pronoun: 'lo' },
  suggestion: { name: 'sugerencia', pronoun: 'la' },
  report: { name: 'denuncia', pronoun: 'la' },
  inquiry: { name: 'consulta', pronoun: 'la' },
  formal_petition: { name: 'derecho de petición', pronoun: 'lo' },
  document_request: { name: 'solicitud de documentos', pronoun: 'la' },
};

function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return date;
}
