/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) implements it and passes
 * the same contract suite (`event-store.contract.ts`).
 *
 * Revisions are 0-based positions inside one stream; positions are 1-based, global, and strictly
 * increasing across the whole store ("$all"). `fromPosition` is always exclusive.
 */

/** `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; a number: the stream's current revision must equal it. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface EventMetadata {
  eventId: string;
  schemaVersion: number;
  correlationId: string;
  causationId: string;
  /** Who caused the event: the JWT `sub`, or `system:<process>` for process managers. */
  actorId: string;
  actorRoles?: string[];
  /** ISO-8601 with offset: when the fact happened in the domain (comes from the command). */
  occurredAt: string;
  /** The client-supplied command id (Idempotency-Key) and a hash of the request, when given. */
  commandId?: string;
  commandHash?: string;
  /**
   * Set by the store on append (a caller's value is replaced): the SHA-256 (hex) chaining this event
   * to the previous one of its stream; see `hash-chain.ts` and ADR 9.
   */
  hash?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  revision: number;
  position: number;
  /** ISO-8601 UTC: when the store persisted it. */
  recordedAt: string;
}

export interface AppendResult {
  /** The stream's revision after the append (the last event's revision). */
  nextExpectedRevision: number;
  /** The global position of the last appended event. */
  position: number;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  /** Inclusive. */
  toRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a position greater than this. Default 0 (from the start). */
  fromPosition?: number;
  maxCount?: number;
}

/** Why the hash chain of a stream breaks at an event (ADR 9). */
export type ChainBreakReason =
  /** The event carries no hash (written before chaining, or the hash was removed). */
  | 'missing-hash'
  /** The hash does not match the event as stored and the previous event's hash: the event, or an earlier one, was altered. */
  | 'hash-mismatch'
  /** The stored metadata is not a JSON object, so the hash cannot be read. */
  | 'unreadable-metadata'
  /** The event's revision does not follow the previous one's: an event was removed. */
  | 'revision-gap';

/** What `verifyStream` found: every event intact, or the first event where the chain breaks. */
export type StreamIntegrity =
  | { intact: true; /** Events checked (0 for a missing stream). */ events: number }
  | { intact: false; firstBrokenRevision: number; firstBrokenPosition: number; reason: ChainBreakReason };

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class EventStoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /** Events of one stream in revision order; a missing stream reads as []. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Checks the hash chain of one stream on the events as stored (so a decorator that transforms
   * payloads, e.g. encrypts them, must delegate this untouched). A missing stream is intact with 0 events.
   */
  verifyStream(streamId: string): Promise<StreamIntegrity>;
  /** The position of the last event in the store (0 when empty). */
  headPosition(): Promise<number>;
  /** Liveness for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
