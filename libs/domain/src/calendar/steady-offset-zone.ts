import { FixedOffsetZone, IANAZone, Zone } from 'luxon';

const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;
const MS_PER_DAY = 86_400_000;
const ZONES = new Map<string, SteadyOffsetZone>();

/** The zone for an IANA name (valid, checked by the calendar's config), built once per process. */
export function steadyOffsetZone(ianaName: string): SteadyOffsetZone {
  let zone = ZONES.get(ianaName);
  if (!zone) ZONES.set(ianaName, (zone = new SteadyOffsetZone(IANAZone.create(ianaName))));
  return zone;
}

/**
 * An IANA zone that answers from a fixed offset over the span where its rules keep one offset
 * (America/Bogota: UTC−5 since 1993, no daylight saving), and from the IANA rules outside it.
 * Same answers as the IANA zone, without an Intl lookup per instant: that lookup was most of the
 * cost of the business-time arithmetic (every instant parsed or formatted in the zone asks for it).
 */
export class SteadyOffsetZone extends Zone {
  private readonly fixed: FixedOffsetZone | null;
  private readonly steadyFromMs: number;
  private readonly steadyUntilMs: number;

  constructor(private readonly iana: IANAZone) {
    super();
    const span = steadySpan(iana);
    this.fixed = span && FixedOffsetZone.instance(span.offset);
    this.steadyFromMs = span?.fromMs ?? Infinity;
    this.steadyUntilMs = span?.untilMs ?? -Infinity;
  }

  override get type(): string {
    return 'iana';
  }

  override get name(): string {
    return this.iana.name;
  }

  get ianaName(): string {
    return this.iana.name;
  }

  /** The steady offset in minutes if `ts` is at least a day inside the steady span; null otherwise. */
  steadyOffsetAround(ts: number): number | null {
    return ts >= this.steadyFromMs + MS_PER_DAY && ts < this.steadyUntilMs - MS_PER_DAY ? this.fixed!.offset(ts) : null;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.iana.isValid;
  }

  override offsetName(ts: number, options: { format?: 'short' | 'long'; locale?: string }): string {
    return this.iana.offsetName(ts, options) ?? '';
  }

  override formatOffset(ts: number, format: 'narrow' | 'short' | 'techie'): string {
    return this.isSteady(ts) ? this.fixed!.formatOffset(ts, format) : this.iana.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    return this.isSteady(ts) ? this.fixed!.offset(ts) : this.iana.offset(ts);
  }

  override equals(other: Zone): boolean {
    return other === this || (other instanceof SteadyOffsetZone && other.name === this.name) || this.iana.equals(other);
  }

  private isSteady(ts: number): boolean {
    return ts >= this.steadyFromMs && ts < this.steadyUntilMs;
  }
}

/**
 * The latest span of whole years, up to LAST_YEAR, over which the zone's offset does not change
 * (sampled twice a month: daylight saving and rule changes last longer than that). Null if none.
 */
function steadySpan(zone: IANAZone): { offset: number; fromMs: number; untilMs: number } | null {
  const untilMs = Date.UTC(LAST_YEAR, 0, 1);
  const offset = zone.offset(untilMs);
  let fromYear = LAST_YEAR;
  for (let year = LAST_YEAR - 1; year >= FIRST_YEAR; year--) {
    if (!sameOffsetAllYear(zone, year, offset)) break;
    fromYear = year;
  }
  return fromYear < LAST_YEAR ? { offset, fromMs: Date.UTC(fromYear, 0, 1), untilMs } : null;
}

function sameOffsetAllYear(zone: IANAZone, year: number, offset: number): boolean {
  for (let month = 0; month < 12; month++) {
    for (const day of [1, 16]) if (zone.offset(Date.UTC(year, month, day)) !== offset) return false;
  }
  return true;
}
