import { EventStoreUnavailableError } from '@app/event-store';
import { KeyStoreUnavailableError } from '@app/key-store';
import { ReadStoreUnavailableError } from '@app/read-store';
import { isStorageUnavailable } from './storage-failure';

const withCode = (code: unknown, extra: Record<string, unknown> = {}) => Object.assign(new Error('failed'), { code, ...extra });

describe('isStorageUnavailable', () => {
  it.each([
    ['an event store that is down', new EventStoreUnavailableError('down')],
    ['a key store that is full', new KeyStoreUnavailableError('database or disk is full')],
    ['a read store that is busy', new ReadStoreUnavailableError('database is locked')],
    ['ENOSPC from the file system (an attachment, an .eml)', withCode('ENOSPC')],
    ['a disk quota reached', withCode('EDQUOT')],
    ['SQLITE_FULL not yet classified', withCode('SQLITE_FULL')],
    ["MongoDB's OutOfDiskSpace", withCode(14031, { codeName: 'OutOfDiskSpace' })],
    ['a full disk wrapped as the cause of another error', new Error('could not save', { cause: withCode('ENOSPC') })],
  ])('given %s, then it is the storage that failed', (_name, error) => {
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it.each([
    ['a plain error', new Error('bug')],
    ['a missing file', withCode('ENOENT')],
    ['a constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a MongoDB duplicate key', withCode(11000)],
    ['nothing', undefined],
  ])('given %s, then it is not', (_name, error) => {
    expect(isStorageUnavailable(error)).toBe(false);
  });
});
