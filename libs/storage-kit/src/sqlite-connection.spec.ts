import Database from 'better-sqlite3';
import { classifySqliteFailure, isSqliteFailure, SqliteStatementError, switchToWal } from './sqlite-connection';

class UnavailableForTest extends Error {}

function constraintFailureFrom(SqliteDatabase: typeof Database): unknown {
  const db = new SqliteDatabase(':memory:');
  try {
    db.exec('CREATE TABLE t (a TEXT UNIQUE)');
    db.exec("INSERT INTO t VALUES ('x')");
    db.exec("INSERT INTO t VALUES ('x')");
    return undefined;
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
}

function unavailable(message: string): Error {
  return new UnavailableForTest(message);
}

describe('classifySqliteFailure', () => {
  it('turns a refused statement into a SqliteStatementError keeping the code and the message', () => {
    const classified = classifySqliteFailure(constraintFailureFrom(Database), 'Commit failed', unavailable);
    expect(classified).toBeInstanceOf(SqliteStatementError);
    expect(classified).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: expect.stringMatching(/^Commit failed: UNIQUE constraint failed/) });
  });

  it('recognises the failure thrown through a second copy of better-sqlite3, as Jest loads one per test file', () => {
    let secondCopy: typeof Database | undefined;
    jest.isolateModules(() => {
      secondCopy = jest.requireActual<typeof Database>('better-sqlite3');
    });
    expect(secondCopy).not.toBe(Database);
    const failure = constraintFailureFrom(secondCopy!);
    expect(isSqliteFailure(failure)).toBe(true);
    expect(classifySqliteFailure(failure, 'Commit failed', unavailable)).toBeInstanceOf(SqliteStatementError);
  });

  it('wraps a storage failure (busy, I/O, disk full) with the given constructor', () => {
    const busy = { name: 'SqliteError', code: 'SQLITE_BUSY', message: 'database is locked' };
    const classified = classifySqliteFailure(busy, 'Append failed', unavailable);
    expect(classified).toBeInstanceOf(UnavailableForTest);
    expect((classified as Error).message).toBe('Append failed: database is locked');
  });

  it('returns anything that is not a SQLite failure unchanged', () => {
    const other = new TypeError('not sqlite');
    expect(classifySqliteFailure(other, 'x', unavailable)).toBe(other);
    expect(classifySqliteFailure('text', 'x', unavailable)).toBe('text');
  });
});

/**
 * A connection whose switch to WAL meets the answers given, one per `journal_mode` pragma, as
 * SQLite gives them to processes opening one new file at once: "database is locked" without waiting
 * on the busy timeout (deadlock avoidance), or the old mode when it could not switch.
 */
function connectionAnswering(answers: (string | 'BUSY')[]) {
  const asked: string[] = [];
  let mode = 'delete';
  const db = {
    pragma: (source: string) => {
      asked.push(source);
      if (source === 'journal_mode') return mode;
      const answer = answers.shift() ?? 'wal';
      if (answer === 'BUSY') throw Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
      mode = answer;
      return answer;
    },
  };
  return { db: db as unknown as Database.Database, asked };
}

describe('switchToWal', () => {
  it('given a new file locked by other processes opening it, then it tries again until it switches', () => {
    const { db, asked } = connectionAnswering(['BUSY', 'BUSY', 'wal']);
    switchToWal(db, 5000);
    expect(asked.filter((source) => source === 'journal_mode = WAL')).toHaveLength(3);
  });

  it('given the switch refused (SQLite answers with the old mode), then it tries again', () => {
    const { db, asked } = connectionAnswering(['delete', 'wal']);
    switchToWal(db, 5000);
    expect(asked.filter((source) => source === 'journal_mode = WAL')).toHaveLength(2);
  });

  it('given a file already in WAL (another process switched it), then it takes no lock to switch', () => {
    const { db, asked } = connectionAnswering([]);
    db.pragma('journal_mode = WAL');
    asked.length = 0;
    switchToWal(db, 5000);
    expect(asked).toEqual(['journal_mode']);
  });

  it('given the file locked past the busy timeout, then it fails as busy', () => {
    const { db } = connectionAnswering(Array(1000).fill('BUSY'));
    expect(() => switchToWal(db, 30)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
  });

  it('given another failure, then it fails at once', () => {
    const asked: string[] = [];
    const failing = {
      pragma: (source: string) => {
        asked.push(source);
        throw Object.assign(new Error('disk I/O error'), { name: 'SqliteError', code: 'SQLITE_IOERR' });
      },
    } as unknown as Database.Database;
    expect(() => switchToWal(failing, 5000)).toThrow('disk I/O error');
    expect(asked).toHaveLength(1);
  });
});
