import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What holds DATA_DIR: the API's embedded stores, and the projections (one projector per DATA_DIR). */
export type DataDirRole = 'api' | 'projector';

interface Holder {
  role: DataDirRole;
  pid: number;
  host: string;
  since: string;
  /** Who the holder is, in words: "the API (PROJECTOR=in-process)", "npm run start:projector". */
  process: string;
}

/**
 * An exclusive lock per role in DATA_DIR (`<role>.lock`): a SQLite file held in an exclusive
 * transaction, so the operating system frees it when its process dies, however it dies (no stale
 * lock to clean), and also across containers that share the volume. `<role>.lock.json` says who
 * holds it (pid, host, since) for the message another process gets.
 */
export class DataDirLock {
  private constructor(private readonly db: Database.Database) {
    held.add(this);
  }

  static acquire(dataDir: string, role: DataDirRole, process: string, refusal: (holder: Holder | undefined) => string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, `${role}.lock`);
    const db = new Database(path, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if (!/SQLITE_BUSY|SQLITE_LOCKED/.test((error as { code?: string }).code ?? '')) throw error;
      throw new Error(refusal(readHolder(path)));
    }
    const holder: Holder = { role, pid: globalThis.process.pid, host: hostname(), since: new Date().toISOString(), process };
    writeFileSync(`${path}.json`, `${JSON.stringify(holder)}\n`);
    return new DataDirLock(db);
  }

  release(): void {
    held.delete(this);
    if (this.db.open) this.db.close();
  }
}

/** The locks this process holds, until released: the garbage collector closes an unreachable connection, which would free its lock. */
const held = new Set<DataDirLock>();

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(`${path}.json`, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** "pid 123 on host h, since …": who holds a lock, as far as its note says. */
export function describeHolder(holder: Holder | undefined): string {
  return holder ? `${holder.process}, pid ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another process';
}

/**
 * The locks a process takes on DATA_DIR before it opens anything there. The API takes `api` when the
 * events are in DATA_DIR (embedded event store: one API per DATA_DIR) and `projector` when it runs
 * the projections itself; `npm run start:projector` takes `projector`. So a second API, or a
 * projector next to an API that projects, stops at start-up with a message saying what to do.
 */
export function lockDataDir(config: { DATA_DIR: string; PROJECTOR: string; EVENTSTORE_URL?: string }, entry: 'api' | 'projector'): { release(): void } {
  const locks: DataDirLock[] = [];
  const dir = config.DATA_DIR;
  const split = 'run the API with PROJECTOR=external and one `npm run start:projector` (README, Projections)';
  try {
    if (entry === 'api' && !config.EVENTSTORE_URL) {
      locks.push(
        DataDirLock.acquire(dir, 'api', `the API (PROJECTOR=${config.PROJECTOR})`, (holder) =>
          `DATA_DIR ${dir} is already used by another API (${describeHolder(holder)}): one API per DATA_DIR on the embedded stores; stop it, or give this one its own DATA_DIR`,
        ),
      );
    }
    if (entry === 'projector' || config.PROJECTOR === 'in-process') {
      const me = entry === 'api' ? 'the API (PROJECTOR=in-process)' : 'npm run start:projector';
      locks.push(
        DataDirLock.acquire(dir, 'projector', me, (holder) =>
          `The projections of DATA_DIR ${dir} are already run by ${describeHolder(holder)}: one projector per DATA_DIR; to run the projector in its own process, ${split}`,
        ),
      );
    }
  } catch (error) {
    for (const lock of locks) lock.release();
    throw error;
  }
  return { release: () => locks.forEach((lock) => lock.release()) };
}
