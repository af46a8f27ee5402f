import { createHash } from 'crypto';
import { isJsonObject } from './event-json';
import { ChainBreakReason, StreamIntegrity } from './event-store.port';

/**
 * The hash chain of a stream (ADR 9), shared by every adapter: each event's `metadata.hash` is
 *
 *   sha256( streamId | revision | type | data JSON | metadata JSON without `hash` | previous hash )
 *
 * in lowercase hex, each field prefixed with its length in UTF-8 bytes (`<n>:<field>`) so that no two
 * different events hash the same bytes. The JSON texts are the event's STORED form (what the store
 * writes: `JSON.stringify` of the appended objects), so a decorator that encrypts payloads before
 * they reach the store is covered as ciphertext, and destroying its key never breaks the chain.
 * The first event of a stream chains to GENESIS_HASH. Positions and recordedAt are not covered:
 * they are assigned by the store (EventStoreDB after the append).
 */
export const GENESIS_HASH = '';

/** An event's content as it is stored, before its hash is added. */
export interface ChainedContent {
  streamId: string;
  revision: number;
  type: string;
  /** The data's JSON text, as stored. */
  data: string;
  /** The metadata's JSON text without the `hash` property. */
  metadataWithoutHash: string;
}

/** An event as read back from the store, in its stored form. */
export interface StoredEvent {
  streamId: string;
  revision: number;
  position: number;
  type: string;
  /** The data's JSON text, as stored. */
  data: string;
  /** The metadata's JSON text, with its `hash`. */
  metadata: string;
}

export function chainHash(content: ChainedContent, previousHash: string): string {
  const fields = [content.streamId, String(content.revision), content.type, content.data, content.metadataWithoutHash, previousHash];
  // One update of the whole input: each call into the hash costs more than building the string.
  const input = fields.map((field) => `${Buffer.byteLength(field)}:${field}`).join('');
  return createHash('sha256').update(input).digest('hex');
}

/** The caller's metadata without a `hash` property: the store owns that property and replaces any given. */
export function metadataWithoutHash(metadata: Record<string, unknown>): Record<string, unknown> {
  if (!Object.prototype.hasOwnProperty.call(metadata, 'hash')) return metadata;
  const { hash: _replaced, ...rest } = metadata;
  return rest;
}

/**
 * The stored metadata text: `metadataJson` (the JSON of an object without `hash`) with the hash as
 * its last property — exactly `JSON.stringify({ ...metadata, hash })`, without serializing twice.
 */
export function withHashInMetadataJson(metadataJson: string, hash: string): string {
  const separator = metadataJson === '{}' ? '' : ',';
  return `${metadataJson.slice(0, -1)}${separator}"hash":${JSON.stringify(hash)}}`;
}

/**
 * Walks a stream's stored events in revision order and returns the first place where the chain
 * breaks, or that all are intact. Pure apart from reading `events`, which may be paged lazily.
 */
export async function verifyHashChain(events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>): Promise<StreamIntegrity> {
  let previousHash = GENESIS_HASH;
  let expectedRevision = 0;
  for await (const event of events) {
    const broken = (reason: ChainBreakReason): StreamIntegrity => ({
      intact: false,
      firstBrokenRevision: event.revision,
      firstBrokenPosition: event.position,
      reason,
    });
    if (event.revision !== expectedRevision) return broken('revision-gap');
    const metadata = parseObject(event.metadata);
    if (!metadata) return broken('unreadable-metadata');
    const { hash, ...rest } = metadata;
    if (typeof hash !== 'string') return broken('missing-hash');
    const expectedHash = chainHash({ ...event, metadataWithoutHash: JSON.stringify(rest) }, previousHash);
    if (hash !== expectedHash) return broken('hash-mismatch');
    previousHash = hash;
    expectedRevision += 1;
  }
  return { intact: true, events: expectedRevision };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
