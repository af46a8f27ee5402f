import { randomUUID } from 'node:crypto';
import { DATA_KEY_BYTES, KeyStore } from './key-store.port';

/**
 * The behaviour every KeyStore adapter must have, through the port only. Each test uses petitioner
 * ids of its own, so the store need not start empty. `teardown` defaults to `store.close()`.
 */
export function keyStoreContract(name: string, factory: () => Promise<{ store: KeyStore; teardown?: () => Promise<void> }>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let store: KeyStore;
    let teardown: () => Promise<void>;
    const petitioner = () => `petitioner-${randomUUID()}`;

    beforeAll(async () => {
      const created = await factory();
      store = created.store;
      teardown = created.teardown ?? (() => created.store.close());
    });

    afterAll(async () => {
      await teardown?.();
    });

    it('creates a 256-bit key on first use and gives the same key afterwards', async () => {
      const id = petitioner();
      const first = await store.keyFor(id);
      expect(first.petitionerId).toBe(id);
      expect(first.key).toHaveLength(DATA_KEY_BYTES);
      const again = await store.keyFor(id);
      expect(again.keyId).toBe(first.keyId);
      expect(again.key.equals(first.key)).toBe(true);
    });

    it('gives each petitioner a key of their own', async () => {
      const [a, b] = await Promise.all([store.keyFor(petitioner()), store.keyFor(petitioner())]);
      expect(a.keyId).not.toBe(b.keyId);
      expect(a.key.equals(b.key)).toBe(false);
    });

    it('gives concurrent first uses the same key', async () => {
      const id = petitioner();
      const keys = await Promise.all(Array.from({ length: 8 }, () => store.keyFor(id)));
      expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
      expect(new Set(keys.map((key) => key.key.toString('hex'))).size).toBe(1);
    });

    it('finds existing keys by id and leaves unknown ids out', async () => {
      const a = await store.keyFor(petitioner());
      const b = await store.keyFor(petitioner());
      const found = await store.findKeys([a.keyId, b.keyId, a.keyId, randomUUID()]);
      expect([...found.keys()].sort()).toEqual([a.keyId, b.keyId].sort());
      expect(found.get(a.keyId)!.key.equals(a.key)).toBe(true);
      expect(await store.findKeys([])).toEqual(new Map());
    });

    it("destroys a petitioner's key for good: not found any more, and a later first use makes a different key", async () => {
      const id = petitioner();
      const other = await store.keyFor(petitioner());
      const key = await store.keyFor(id);
      expect(await store.destroyKeysOf(id)).toBe(1);
      expect((await store.findKeys([key.keyId])).size).toBe(0);
      expect(await store.destroyKeysOf(id)).toBe(0);
      const renewed = await store.keyFor(id);
      expect(renewed.keyId).not.toBe(key.keyId);
      expect(renewed.key.equals(key.key)).toBe(false);
      expect((await store.findKeys([other.keyId])).size).toBe(1);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
