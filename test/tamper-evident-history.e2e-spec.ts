import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer } from './support/actors';
import { CaseDriver, HistoryEvent } from './support/case-driver';
import { startTestApp, TestApp } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

/**
 * Issue 7, part 6: every event carries a hash chained to the previous event of its stream, and
 * `GET /cases/:id/history?verify=true` tells an intact history from one whose stored bytes were altered.
 */
describe('Tamper-evident history', () => {
  let dataDir: string;
  let t: TestApp | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pqr-tamper-'));
  });

  afterEach(async () => {
    await t?.close();
    t = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const history = async (caseId: string, query: Record<string, string> = { verify: 'true' }) => {
    const response = await t!.http().get(`/cases/${caseId}/history`).query(query).set('Authorization', bearer('auditor'));
    expect(response.status).toBe(200);
    return response.body as { events: HistoryEvent[]; integrity?: Record<string, unknown> };
  };

  it('names the first broken revision once one byte of an event is altered in the SQLite file, while an untouched case stays intact', async () => {
    t = await startTestApp({ dataDir });
    const driver = new CaseDriver(t);
    const marker = `MARCA${randomBytes(8).toString('hex')}`;
    const tampered = await driver.caseAt('in_progress');
    await createAssignablePeople(t, [`bo-${marker}`]);
    // A field stored in clear (free texts are encrypted under the petitioner's key, ADR 25): who the case is reassigned to.
    const reassigned = await driver.command(tampered.caseId, 'assignment', 'supervisor', { backofficeId: `bo-${marker}` });
    expect(reassigned.status).toBe(200);
    expect((await driver.command(tampered.caseId, 'assignment', 'supervisor', { backofficeId: 'bo-beto' })).status).toBe(200);
    const untouched = await driver.caseAt('in_progress');

    const before = await history(tampered.caseId);
    expect(before.integrity).toEqual({ intact: true, events: before.events.length });
    expect(before.events.every((event) => /^[0-9a-f]{64}$/.test(String(event.metadata.hash)))).toBe(true);
    const altered = before.events.find((event) => event.type === 'CaseAssigned' && event.data.backofficeId === `bo-${marker}`)!;
    expect(altered.revision).toBeGreaterThan(0);
    expect(altered.revision).toBeLessThan(before.events.length - 1);
    expect((await history(untouched.caseId)).integrity).toEqual({ intact: true, events: 4 });

    await t.close();
    t = undefined;
    const eventsFile = join(dataDir, 'events.sqlite');
    checkpointWal(eventsFile);
    const flipped = flipLastByteOf(eventsFile, marker);
    expect(flipped).toBeGreaterThanOrEqual(1);

    t = await startTestApp({ dataDir });
    const after = await history(tampered.caseId);
    expect(after.events[altered.revision].data.backofficeId).toBe(`bo-${marker.slice(0, -1)}${otherHexDigit(marker.slice(-1))}`);
    expect(after.integrity).toEqual({
      intact: false,
      firstBrokenRevision: altered.revision,
      firstBrokenPosition: altered.position,
      reason: 'hash-mismatch',
    });
    expect((await history(untouched.caseId)).integrity).toEqual({ intact: true, events: 4 });
    expect((await history(tampered.caseId, {})).integrity).toBeUndefined();
  });

  it('reports the truncation, naming each missing event, once the last event of a stream is deleted from the SQLite file (its streams row rolled back too)', async () => {
    t = await startTestApp({ dataDir });
    const driver = new CaseDriver(t);
    const cut = await driver.caseAt('in_progress');
    const untouched = await driver.caseAt('in_progress');
    // The read models have seen both cases (their timelines are the anchor outside the event store).
    const head = await t.headPosition();
    for (const caseId of [cut.caseId, untouched.caseId]) {
      await t.http().get(`/cases/${caseId}/timeline`).query({ minPosition: head }).set('Authorization', bearer('supervisor')).expect(200);
    }
    const before = await history(cut.caseId);
    expect(before.integrity).toEqual({ intact: true, events: 4 });
    const last = before.events[before.events.length - 1];
    expect(last).toMatchObject({ revision: 3, type: 'TypificationConfirmed' });

    await t.close();
    t = undefined;
    deleteLastEventOf(join(dataDir, 'events.sqlite'), `case-${cut.caseId}`);

    t = await startTestApp({ dataDir });
    const after = await history(cut.caseId);
    expect(after.events.map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(after.integrity).toEqual({
      intact: false,
      firstBrokenRevision: 3,
      firstBrokenPosition: last.position,
      reason: 'truncated',
      missing: [{ revision: 3, position: last.position, type: 'TypificationConfirmed', occurredAt: last.metadata.occurredAt, actorId: 'bo-beto' }],
    });
    expect((await history(untouched.caseId)).integrity).toEqual({ intact: true, events: 4 });
  });
});

/**
 * Deletes the last event of a stream and moves the stream's head back to the event before it (revision
 * and hash), as someone who knows the schema would: what is left is a consistent, intact chain.
 */
function deleteLastEventOf(filename: string, streamId: string): void {
  const db = new Database(filename);
  try {
    db.transaction(() => {
      const [last, previous] = db.prepare('SELECT revision, metadata FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 2').all(streamId) as { revision: number; metadata: string }[];
      db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(streamId, last.revision);
      db.prepare('UPDATE streams SET revision = ?, hash = ? WHERE stream_id = ?').run(previous.revision, JSON.parse(previous.metadata).hash, streamId);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Moves every committed page from the WAL into the main file, so the event's bytes are found there. */
function checkpointWal(filename: string): void {
  const db = new Database(filename);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * Changes the last character of `marker` (a hex digit) to another hex digit wherever it occurs in
 * the file: SQLite pages carry no checksum, and the row's bytes stay valid JSON. Stale copies of
 * the row left in free space by page splits are changed too, so the live one surely is.
 */
function flipLastByteOf(filename: string, marker: string): number {
  const bytes = readFileSync(filename);
  const needle = Buffer.from(marker, 'utf8');
  const replacement = otherHexDigit(marker.slice(-1)).charCodeAt(0);
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    bytes[at + needle.length - 1] = replacement;
    count += 1;
  }
  writeFileSync(filename, bytes);
  return count;
}

function otherHexDigit(digit: string): string {
  return digit === '0' ? '1' : '0';
}
