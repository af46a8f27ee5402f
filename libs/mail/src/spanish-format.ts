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

/** The kinds' Spanish names live in the domain, beside the kinds (the deadline explanation says them too). */
export { CASE_KIND_NAMES } from '@app/domain';

function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return date;
}
