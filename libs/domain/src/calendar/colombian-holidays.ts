import { DateTime } from 'luxon';
import { easterSunday } from './easter';
import { civilDateTime, isIsoDate, toIsoDate } from './iso-date';
import type { IsoDate } from './iso-date';

/*
 * The holidays are computed from the rules of Ley 51 de 1983 instead of taken from the
 * date-holidays package. Its 'CO' data (3.37) lists Easter Sunday as a public holiday, names
 * Ascension "La Asunción", returns 2025-06-30 twice and applies the rules before 1984; fixing
 * that would leave us trusting its data for the next law anyway. The rules below are the law,
 * line by line, and the specs check them against date-holidays as an independent oracle.
 */

export interface Holiday {
  date: IsoDate;
  name: string;
}

/** Operator corrections for holidays Congress adds or the courts strike down. */
export interface HolidayOverrides {
  /** Extra holidays; each one only affects the year of its own date. */
  add?: Holiday[];
  /** Dates that are not holidays even if a rule (or `add`) says so. */
  remove?: IsoDate[];
}

/** Ley 51 de 1983 governs holidays from 1984 on; earlier years followed other rules. */
export const FIRST_SUPPORTED_YEAR = 1984;
export const LAST_SUPPORTED_YEAR = 9999;

/** Joins the names of two holidays on one date, e.g. 2025-06-30. */
const NAME_SEPARATOR = ' / ';

interface HolidayRule {
  name: string;
  firstYear?: number;
  dateIn(year: number, easter: DateTime): DateTime;
}

const on = (month: number, day: number) => (year: number) => DateTime.utc(year, month, day);

const nextMondayFrom = (month: number, day: number) => (year: number) => onOrAfterMonday(on(month, day)(year));

/* Ley 51 moves Ascension, Corpus Christi and Sacred Heart to Monday; these offsets already land there. */
const easterPlus = (days: number) => (_year: number, easter: DateTime) => easter.plus({ days });

const RULES: readonly HolidayRule[] = [
  { name: 'Año Nuevo', dateIn: on(1, 1) },
  { name: 'Reyes Magos', dateIn: nextMondayFrom(1, 6) },
  { name: 'San José', dateIn: nextMondayFrom(3, 19) },
  { name: 'Jueves Santo', dateIn: easterPlus(-3) },
  { name: 'Viernes Santo', dateIn: easterPlus(-2) },
  { name: 'Día del Trabajo', dateIn: on(5, 1) },
  { name: 'Ascensión del Señor', dateIn: easterPlus(43) },
  { name: 'Corpus Christi', dateIn: easterPlus(64) },
  { name: 'Sagrado Corazón de Jesús', dateIn: easterPlus(71) },
  { name: 'San Pedro y San Pablo', dateIn: nextMondayFrom(6, 29) },
  // Ley 2578 de 2026.
  { name: 'Virgen de Chiquinquirá', firstYear: 2026, dateIn: nextMondayFrom(7, 9) },
  { name: 'Día de la Independencia', dateIn: on(7, 20) },
  { name: 'Batalla de Boyacá', dateIn: on(8, 7) },
  { name: 'Asunción de la Virgen', dateIn: nextMondayFrom(8, 15) },
  { name: 'Día de la Raza', dateIn: nextMondayFrom(10, 12) },
  { name: 'Todos los Santos', dateIn: nextMondayFrom(11, 1) },
  { name: 'Independencia de Cartagena', dateIn: nextMondayFrom(11, 11) },
  { name: 'Inmaculada Concepción', dateIn: on(12, 8) },
  { name: 'Navidad', dateIn: on(12, 25) },
];

/** Colombian public holidays of `year`, one entry per date, sorted by date. */
export function colombianHolidays(year: number, overrides: HolidayOverrides = {}): Holiday[] {
  assertSupportedYear(year);
  const problems = holidayOverridesProblems(overrides);
  if (problems.length > 0) throw new RangeError(`Invalid holiday overrides: ${problems.join('; ')}`);

  const namesByDate = new Map<IsoDate, string[]>();
  const addHoliday = ({ date, name }: Holiday) => {
    const names = namesByDate.get(date) ?? [];
    if (!names.includes(name)) names.push(name);
    namesByDate.set(date, names);
  };

  const easter = civilDateTime(easterSunday(year));
  RULES.filter((rule) => year >= (rule.firstYear ?? FIRST_SUPPORTED_YEAR)).forEach((rule) =>
    addHoliday({ date: toIsoDate(rule.dateIn(year, easter)), name: rule.name }),
  );
  (overrides.add ?? []).filter((holiday) => holiday.date.startsWith(`${year}-`)).forEach(addHoliday);
  (overrides.remove ?? []).forEach((date) => namesByDate.delete(date));

  return [...namesByDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, names]) => ({ date, name: names.join(NAME_SEPARATOR) }));
}

/** Everything wrong with `overrides`, as readable messages; empty when valid. */
export function holidayOverridesProblems(overrides: unknown): string[] {
  if (overrides === undefined) return [];
  if (typeof overrides !== 'object' || overrides === null) return ['holidayOverrides must be an object'];
  const { add, remove } = overrides as Record<string, unknown>;
  const problems: string[] = [];

  if (add !== undefined && !Array.isArray(add)) problems.push('holidayOverrides.add must be an array');
  (Array.isArray(add) ? add : []).forEach((holiday: unknown, index) => {
    const { date, name } = (holiday ?? {}) as Record<string, unknown>;
    if (!isIsoDate(date)) problems.push(`holidayOverrides.add[${index}].date must be 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
    if (typeof name !== 'string' || name.trim() === '') problems.push(`holidayOverrides.add[${index}].name must be a non-empty string`);
  });

  if (remove !== undefined && !Array.isArray(remove)) problems.push('holidayOverrides.remove must be an array');
  (Array.isArray(remove) ? remove : []).forEach((date: unknown, index) => {
    if (!isIsoDate(date)) problems.push(`holidayOverrides.remove[${index}] must be 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
  });

  return problems;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `year must be an integer from ${FIRST_SUPPORTED_YEAR} (Ley 51 de 1983) to ${LAST_SUPPORTED_YEAR}, got ${year}`,
    );
  }
}

function onOrAfterMonday(date: DateTime): DateTime {
  const MONDAY = 1;
  return date.plus({ days: (7 + MONDAY - date.weekday) % 7 });
}
