import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { DataDirLock, lockDataDir } from './data-dir-lock';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('DataDirLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pqr-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tryAcquire = () => {
    try {
      DataDirLock.acquire(dir, 'projector', 'the second', () => 'refused').release();
      return 'acquired';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('given a lock held, then a second is refused with the holder named; once released, it is free', () => {
    const lock = lockDataDir({ DATA_DIR: dir, PROJECTOR: 'in-process' }, 'projector');
    expect(JSON.parse(readFileSync(join(dir, 'projector.lock.json'), 'utf8'))).toMatchObject({ role: 'projector', pid: process.pid, process: 'npm run start:projector' });
    expect(tryAcquire()).toBe('refused');
    lock.release();
    expect(tryAcquire()).toBe('acquired');
  });

  it('given a lock nobody references, when the garbage collector runs, then it still holds (the process keeps it until released)', async () => {
    lockDataDir({ DATA_DIR: dir, PROJECTOR: 'in-process' }, 'projector');
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(tryAcquire()).toBe('refused');
  });
});
