import { DateTime } from 'luxon';
import { civilDateOf, dayNumberOf, daysInMonth } from './day-number';
import type { DayNumber } from './day-number';
import { isoDateOf } from './iso-date';
import type { IsoInstant } from './iso-date';
import type { TimeOfDay } from './calendar-config';
import type { SteadyOffsetZone } from './steady-offset-zone';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** The common instant shape; anything else (other ISO forms, invalid fields) is left to luxon. */
const PLAIN_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Conversions between instants (epoch milliseconds) and wall-clock times of one zone. Where the
 * zone's offset is steady (Bogotá: from 1994 on) they are plain arithmetic with that offset;
 * elsewhere luxon answers. Both give the same results: luxon's own arithmetic reduces to this
 * where the offset does not change within a day.
 */
export class WallClock {
  constructor(private readonly zone: SteadyOffsetZone) {}

  /** Epoch ms of an ISO-8601 instant with an offset or Z; NaN if luxon would not accept it either. */
  parse(instant: string): number {
    const fast = epochMsOfPlainInstant(instant);
    if (fast !== undefined) return fast;
    const parsed = DateTime.fromISO(instant, { zone: this.zone });
    return parsed.isValid ? parsed.toMillis() : NaN;
  }

  localDayOf(epochMs: number): DayNumber {
    const offset = this.zone.steadyOffsetAround(epochMs);
    if (offset !== null) return Math.floor((epochMs + offset * MS_PER_MINUTE) / MS_PER_DAY);
    const local = DateTime.fromMillis(epochMs, { zone: this.zone });
    return dayNumberOf(local.year, local.month, local.day);
  }

  /** The instant of `time` on `day`, local. */
  at(day: DayNumber, time: TimeOfDay): number {
    const local = day * MS_PER_DAY + (time.hour * 60 + time.minute) * MS_PER_MINUTE;
    const fast = this.steadyInstantOfLocal(local);
    if (fast !== undefined) return fast;
    return this.startOfDay(day).set({ hour: time.hour, minute: time.minute }).toMillis();
  }

  /** The last millisecond of `day`, local. */
  endOfDay(day: DayNumber): number {
    const fast = this.steadyInstantOfLocal((day + 1) * MS_PER_DAY - 1);
    if (fast !== undefined) return fast;
    return this.startOfDay(day).endOf('day').toMillis();
  }

  /** ISO-8601 with milliseconds and the zone's offset, as luxon's toISO writes it. */
  format(epochMs: number): IsoInstant {
    const offset = this.zone.steadyOffsetAround(epochMs);
    if (offset === null) return DateTime.fromMillis(epochMs, { zone: this.zone }).toISO({ suppressMilliseconds: false }) as IsoInstant;
    const local = epochMs + offset * MS_PER_MINUTE;
    const day = Math.floor(local / MS_PER_DAY);
    const { year, month, day: dayOfMonth } = civilDateOf(day);
    let rest = local - day * MS_PER_DAY;
    const millisecond = rest % 1000;
    rest = (rest - millisecond) / 1000;
    const second = rest % 60;
    rest = (rest - second) / 60;
    const minute = rest % 60;
    const hour = (rest - minute) / 60;
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}${offsetText(offset)}`;
  }

  private steadyInstantOfLocal(localMs: number): number | undefined {
    const offset = this.zone.steadyOffsetAround(localMs);
    if (offset === null) return undefined;
    const epochMs = localMs - offset * MS_PER_MINUTE;
    return this.zone.steadyOffsetAround(epochMs) === offset ? epochMs : undefined;
  }

  private startOfDay(day: DayNumber): DateTime {
    return DateTime.fromISO(isoDateOf(day), { zone: this.zone });
  }
}

/** The instant of 'YYYY-MM-DDTHH:mm[:ss[.fff]](Z|±HH:mm)' with valid fields; undefined otherwise. */
function epochMsOfPlainInstant(instant: string): number | undefined {
  const match = PLAIN_INSTANT.exec(instant);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // luxon's own rounding of fractional seconds (util.parseMillis), so that both agree on every digit.
  const millisecond = fraction === undefined ? 0 : Math.floor(parseFloat(`0.${fraction}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zulu ? 0 : (Number(offsetHours) * 60 + Number(offsetMinutes)) * (sign === '-' ? -1 : 1);
  if (Number(offsetMinutes) > 59) return undefined;
  const localMs = dayNumberOf(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return localMs - offset * MS_PER_MINUTE;
}

function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.trunc(magnitude / 60), 2)}:${pad(magnitude % 60, 2)}`;
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
