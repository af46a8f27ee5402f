import { EventStore, NewEvent } from './event-store.port';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { contractEvent, uniqueStreamId } from './testing/contract-events';

/** Rewrites the stored data (JSON text) of one event behind the store's back, as someone editing its files would. */
export type AlterStoredData = (streamId: string, revision: number, alter: (storedData: string) => string) => Promise<void>;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The hash chain part of the event store contract (ADR 9). `alterStoredData` is adapter-specific;
 * without it (a real EventStoreDB server cannot be altered) the tamper test is skipped, and says so.
 */
export function hashChainContract(getStore: () => EventStore, alterStoredData: AlterStoredData | undefined): void {
  describe('hash chain', () => {
    const append = (streamId: string, events: NewEvent[], expectedRevision: 'no_stream' | 'any' | number) =>
      getStore().appendToStream(streamId, events, { expectedRevision });

    it('gives every event the SHA-256 of its stored form and of the previous hash of its stream, across appends', async () => {
      const streamId = uniqueStreamId('chain');
      await append(streamId, [contractEvent('Filed'), contractEvent('Assigned')], 'no_stream');
      await append(uniqueStreamId('chain-elsewhere'), [contractEvent('Filed')], 'no_stream');
      await append(streamId, [contractEvent('Answered')], 1);
      await append(streamId, [contractEvent('Closed')], 'any');

      const events = await getStore().readStream(streamId);
      let previousHash = GENESIS_HASH;
      for (const event of events) {
        const { hash, ...metadataWithoutHash } = event.metadata;
        expect(hash).toMatch(SHA256_HEX);
        const content = { streamId, revision: event.revision, type: event.type, data: JSON.stringify(event.data), metadataWithoutHash: JSON.stringify(metadataWithoutHash) };
        expect(hash).toBe(chainHash(content, previousHash));
        previousHash = hash as string;
      }
      expect(events).toHaveLength(4);
      expect(await getStore().verifyStream(streamId)).toEqual({ intact: true, events: 4 });
    });

    it("replaces a hash given in the caller's metadata with the store's", async () => {
      const streamId = uniqueStreamId('chain-forged');
      const forged = 'f'.repeat(64);
      await append(streamId, [contractEvent('Filed', undefined, { hash: forged })], 'no_stream');

      const [event] = await getStore().readStream(streamId);
      expect(event.metadata.hash).toMatch(SHA256_HEX);
      expect(event.metadata.hash).not.toBe(forged);
      expect(await getStore().verifyStream(streamId)).toEqual({ intact: true, events: 1 });
    });

    it('reports a missing stream as intact with no events', async () => {
      expect(await getStore().verifyStream(uniqueStreamId('chain-missing'))).toEqual({ intact: true, events: 0 });
    });

    it("keeps one stream's chain intact when parallel 'any' appends race to it", async () => {
      const streamId = uniqueStreamId('chain-race');
      const results = await Promise.all(Array.from({ length: 5 }, (_, index) => append(streamId, [contractEvent(`Noted${index}`)], 'any')));

      expect(results.map((result) => result.nextExpectedRevision).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(await getStore().verifyStream(streamId)).toEqual({ intact: true, events: 5 });
    });

    (alterStoredData ? it : it.skip)('names the first event whose stored data lost its integrity when one byte of it is altered', async () => {
      const streamId = uniqueStreamId('chain-tampered');
      const untouchedId = uniqueStreamId('chain-untouched');
      await append(streamId, ['Filed', 'Assigned', 'Answered', 'Reopened', 'Closed'].map((type) => contractEvent(type)), 'no_stream');
      await append(untouchedId, [contractEvent('Filed'), contractEvent('Assigned')], 'no_stream');
      const stored = await getStore().readStream(streamId);

      await alterStoredData!(streamId, 2, (data) => flipOneCharacter(data, 'happened', 'happeneD'));

      expect(await getStore().verifyStream(streamId)).toEqual({
        intact: false,
        firstBrokenRevision: 2,
        firstBrokenPosition: stored[2].position,
        reason: 'hash-mismatch',
      });
      expect((await getStore().readStream(streamId))[2].data).toEqual({ note: 'Answered happeneD' });
      expect(await getStore().verifyStream(untouchedId)).toEqual({ intact: true, events: 2 });
    });
  });
}

/** Replaces `from` by `to` (same length, one character apart) once, and checks it was there. */
function flipOneCharacter(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the stored data ${text}`);
  return text.replace(from, to);
}


