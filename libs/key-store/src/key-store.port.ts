/**
 * The key store port (crypto-shredding, issue 7): one data key per petitioner, kept apart from the
 * events it protects. Destroying a petitioner's keys makes their personal data in the event store
 * unreadable for good, without touching the events. Every adapter (embedded SQLite, MongoDB) passes
 * the same contract suite (`key-store.contract.ts`).
 */
export interface DataKey {
  /** Names the key in the encrypted envelopes; unique, never reused. */
  keyId: string;
  petitionerId: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

export interface KeyStore {
  /** The petitioner's key, created on first use; concurrent first uses get the same key. */
  keyFor(petitionerId: string): Promise<DataKey>;
  /** The keys that still exist among `keyIds` (a destroyed or unknown key is absent from the map). */
  findKeys(keyIds: readonly string[]): Promise<Map<string, DataKey>>;
  /**
   * Destroys every key of the petitioner, so that nothing they encrypted can be read again, and
   * returns how many were destroyed (0: none left). The bytes of a destroyed key do not survive in
   * the store's files (SQLite: secure_delete and a truncated WAL).
   */
  destroyKeysOf(petitionerId: string): Promise<number>;
  /** Liveness for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class KeyStoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'KeyStoreUnavailableError';
  }
}

export const KEY_STORE = Symbol('KEY_STORE');

/** AES-256 keys. */
export const DATA_KEY_BYTES = 32;
