import { EventStoreUnavailableError } from '@app/event-store';
import { KeyStoreUnavailableError } from '@app/key-store';
import { ReadStoreUnavailableError } from '@app/read-store';

/** Seconds a client is told to wait (`Retry-After`) when a store cannot serve it. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** MongoDB's "OutOfDiskSpace" server error code. */
const MONGO_OUT_OF_DISK_SPACE = 14031;

/**
 * Whether the failure is the storage's, not the request's: a store that said it is unavailable
 * (busy, down, I/O error, SQLITE_FULL), or a full disk met anywhere (ENOSPC from the file system,
 * SQLITE_FULL, MongoDB's OutOfDiskSpace), however deeply wrapped in `cause`.
 */
export function isStorageUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof EventStoreUnavailableError || current instanceof KeyStoreUnavailableError || current instanceof ReadStoreUnavailableError) return true;
    if (isDiskFull(current)) return true;
  }
  return false;
}

function isDiskFull(error: unknown): boolean {
  const { code, codeName } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; codeName?: unknown };
  return code === 'ENOSPC' || code === 'EDQUOT' || (typeof code === 'string' && code.startsWith('SQLITE_FULL')) || code === MONGO_OUT_OF_DISK_SPACE || codeName === 'OutOfDiskSpace';
}
