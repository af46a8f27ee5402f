import { StatementCache } from './statement-cache';

describe('StatementCache', () => {
  const recordingCache = (capacity: number) => {
    const prepared: string[] = [];
    const cache = new StatementCache((sql) => {
      prepared.push(sql);
      return { sql, serial: prepared.length };
    }, capacity);
    return { cache, prepared };
  };

  it('prepares each SQL text once and returns the same statement afterwards', () => {
    const { cache, prepared } = recordingCache(10);
    const first = cache.get('SELECT 1');
    expect(cache.get('SELECT 1')).toBe(first);
    cache.get('SELECT 2');
    expect(prepared).toEqual(['SELECT 1', 'SELECT 2']);
    expect(cache.size).toBe(2);
  });

  it('evicts the least recently used statement beyond its capacity', () => {
    const { cache, prepared } = recordingCache(2);
    cache.get('a');
    cache.get('b');
    cache.get('a');
    cache.get('c');
    expect(cache.size).toBe(2);
    cache.get('a');
    cache.get('b');
    expect(prepared).toEqual(['a', 'b', 'c', 'b']);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => recordingCache(0)).toThrow(RangeError);
    expect(() => recordingCache(1.5)).toThrow(RangeError);
  });
});
