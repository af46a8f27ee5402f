import Database from 'better-sqlite3';
import { classifySqliteFailure, isSqliteFailure, SqliteStatementError } from './sqlite-connection';

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
