import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { bearer } from './support/actors';
import { ApiProcess, startApiProcess, stopAllApiProcesses } from './support/api-process';
import { mapWithConcurrency, range } from './support/pool';
import { validFiling } from './support/test-app';

interface Acknowledged {
  caseId: string;
  filingNumber: string;
}

const BURST = 300;
const CONCURRENCY = 32;
const KILL_AFTER = 100;

describe('Durability: the API process killed in the middle of a burst of filings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-durability-'));

  afterAll(async () => {
    await stopAllApiProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const file = (api: ApiProcess) => request(api.url).post('/cases').set('Authorization', bearer('agent')).send(validFiling()).timeout(30_000);

  it('keeps every filing it acknowledged with 201, and filing numbers stay unique after the restart', async () => {
    // Given an API process filing cases at full speed
    const first = await startApiProcess({ dataDir });
    const acknowledged: Acknowledged[] = [];
    const unexpected: string[] = [];
    let killed = false;

    // When it is SIGKILLed once 100 filings have been acknowledged
    await mapWithConcurrency(range(BURST), CONCURRENCY, async (i) => {
      if (killed) return;
      // (Errors from Node's http module are not `instanceof Error` inside Jest's sandbox.)
      const { response, error } = await file(first).then(
        (ok) => ({ response: ok, error: undefined }),
        (failed: { message?: string }) => ({ response: undefined, error: failed }),
      );
      if (!response) {
        // A connection lost after the kill is expected: that filing was never acknowledged.
        if (!killed) unexpected.push(`#${i}: ${error?.message}`);
        return;
      }
      if (response.status !== 201) {
        unexpected.push(`#${i}: ${response.status} ${JSON.stringify(response.body)}`);
        return;
      }
      acknowledged.push({ caseId: response.body.caseId, filingNumber: response.body.filingNumber });
      if (acknowledged.length >= KILL_AFTER && !killed) {
        killed = true;
        await first.stop('SIGKILL');
      }
    });
    expect({ killed, unexpected }).toEqual({ killed: true, unexpected: [] });
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(BURST);
    const acknowledgedNumbers = new Set(acknowledged.map((filing) => filing.filingNumber));
    expect(acknowledgedNumbers.size).toBe(acknowledged.length);

    // Then, restarted on the same data, it has every acknowledged filing with its number and typification
    const second = await startApiProcess({ dataDir });
    const lost = (
      await mapWithConcurrency(acknowledged, 16, async ({ caseId, filingNumber }) => {
        const response = await request(second.url).get(`/cases/${caseId}/history`).set('Authorization', bearer('auditor'));
        const events: Array<{ type: string; data: Record<string, unknown> }> = response.status === 200 ? response.body.events : [];
        const found = {
          status: response.status,
          types: events.slice(0, 2).map((event) => event.type),
          caseId: events[0]?.data.caseId,
          filingNumber: events[0]?.data.filingNumber,
        };
        const expected = { status: 200, types: ['CaseFiled', 'CaseTypified'], caseId, filingNumber };
        return JSON.stringify(found) === JSON.stringify(expected) ? undefined : { expected, found };
      })
    ).filter(Boolean);
    expect(lost).toEqual([]);

    // And new filings get numbers no acknowledged filing has
    const after = await mapWithConcurrency(range(10), 10, () => file(second));
    expect(after.map((response) => response.status)).toEqual(range(10).map(() => 201));
    const newNumbers = after.map((response) => response.body.filingNumber as string);
    expect(new Set(newNumbers).size).toBe(10);
    expect(newNumbers.filter((number) => acknowledgedNumbers.has(number))).toEqual([]);

    // And no two filings in the store, acknowledged or not, share a number
    await second.stop('SIGTERM');
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') });
    try {
      const stored = (await store.readAll()).filter((event) => event.type === 'CaseFiled').map((event) => String(event.data.filingNumber));
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length + 10);
      expect(new Set(stored).size).toBe(stored.length);
      expect(stored).toEqual(expect.arrayContaining([...acknowledgedNumbers, ...newNumbers]));
    } finally {
      await store.close();
    }
  }, 120_000);
});
