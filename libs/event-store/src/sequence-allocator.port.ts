/**
 * Hands out numbers from named counters, e.g. `filing-2026` for filing numbers `2026-000123`.
 * Per name, values start at 1 and are unique and strictly increasing, across processes too.
 * They may have gaps (a value handed out to a command that later fails is not given back).
 */
export interface SequenceAllocator {
  next(name: string): Promise<number>;
  close(): Promise<void>;
}

export const SEQUENCE_ALLOCATOR = Symbol('SEQUENCE_ALLOCATOR');
