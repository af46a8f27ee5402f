import { DateTime, IANAZone, Zone } from 'luxon';
import { steadyOffsetZone } from './steady-offset-zone';

/** Every 61 hours from 1985 to 2105: crosses Bogotá's 1992–93 daylight saving and every Madrid transition. */
function instants(): number[] {
  const all: number[] = [];
  for (let ts = Date.UTC(1985, 0, 1); ts < Date.UTC(2105, 0, 1); ts += 61 * 3_600_000) all.push(ts);
  return all;
}

describe('SteadyOffsetZone', () => {
  it.each(['America/Bogota', 'Europe/Madrid', 'America/Santiago'])('given %s, then offsets and ISO texts equal the IANA zone at every instant', (name) => {
    const steady = steadyOffsetZone(name);
    const iana = IANAZone.create(name);
    const differences = instants().filter((ts) => steady.offset(ts) !== iana.offset(ts) || steady.formatOffset(ts, 'short') !== iana.formatOffset(ts, 'short'));
    expect(differences.map((ts) => new Date(ts).toISOString()).slice(0, 3)).toEqual([]);
    const texts = (zone: Zone) => DateTime.fromISO('2026-03-02T10:00:00Z', { zone }).toISO();
    expect(texts(steady)).toBe(texts(iana));
  });

  it('given Bogotá, then the steady offset is answered a day inside the steady span and nowhere else', () => {
    const bogota = steadyOffsetZone('America/Bogota');
    expect(bogota.steadyOffsetAround(Date.UTC(2026, 3, 1))).toBe(-300);
    expect(bogota.steadyOffsetAround(Date.UTC(1992, 5, 1))).toBeNull();
    expect(bogota.steadyOffsetAround(Date.UTC(2099, 11, 31, 12))).toBeNull();
  });
});
