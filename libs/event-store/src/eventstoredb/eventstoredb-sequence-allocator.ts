import { randomUUID } from 'crypto';
import { setTimeout as delay } from 'timers/promises';
import { NO_STREAM } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../event-store.port';
import { SequenceAllocator } from '../sequence-allocator.port';
import { positiveIntegerOption } from '../store-input';
import { connectClient, EventStoreDbClient, EventStoreDbConnection } from './eventstoredb-client';
import { asUnavailableWhenUnreachable, isWrongExpectedVersion } from './eventstoredb-errors';
import { toUnchainedEventData } from './eventstoredb-events';
import { toPortRevision } from './eventstoredb-revisions';
import { readLastEventOfStream } from './eventstoredb-stream-reads';

export interface EventStoreDbSequenceAllocatorOptions {
  /** Prepended to the sequence name to name its stream. Default `sequence-`. */
  streamPrefix?: string;
  /** Appends tried per value before giving up under contention. Default 10. */
  maxAttempts?: number;
  /** The longest random wait before the first retry; it doubles with each retry. Default 20 ms. */
  retryDelayMs?: number;
  /** Tests replace these. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const SEQUENCE_NUMBER_ALLOCATED = 'SequenceNumberAllocated';

/**
 * One stream per sequence (`sequence-filing-2026`); the value handed out is the revision of the
 * event that claimed it, plus one. Each claim is an append that expects the stream's current
 * revision (read, or known from this process's last claim), so two processes never get the same
 * value: the loser retries, after a random wait, with the revision the conflict reported.
 *
 * The claims are ordinary events: they appear in `readAll` (projections ignore
 * a type they do not handle). The allocator owns the client: `close()` disposes it.
 */
export class EventStoreDbSequenceAllocator implements SequenceAllocator {
  private readonly client: EventStoreDbClient;
  private readonly streamPrefix: string;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly allocations = new Map<string, Promise<number>>();
  /** The revision of each sequence's stream after this process's last claim: usually still current, which saves a read. */
  private readonly knownRevisions = new Map<string, number>();
  private closing: Promise<void> | undefined;

  constructor(connection: EventStoreDbConnection, options: EventStoreDbSequenceAllocatorOptions = {}) {
    this.streamPrefix = options.streamPrefix ?? 'sequence-';
    if (this.streamPrefix.startsWith('$')) throw new TypeError("streamPrefix must not start with '$' (reserved for system streams)");
    this.maxAttempts = positiveIntegerOption(options.maxAttempts, 'maxAttempts', 10);
    this.retryDelayMs = positiveIntegerOption(options.retryDelayMs, 'retryDelayMs', 20);
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.random = options.random ?? Math.random;
    this.client = connectClient(connection);
  }

  async next(name: string): Promise<number> {
    if (this.closing) throw new EventStoreUnavailableError('The sequence allocator is closed');
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`Sequence name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    // One allocation per name at a time in this process: only other processes can make it retry.
    const previous = this.allocations.get(name) ?? Promise.resolve();
    const allocation = previous.catch(() => undefined).then(() => this.allocate(name));
    this.allocations.set(name, allocation);
    try {
      return await allocation;
    } finally {
      if (this.allocations.get(name) === allocation) this.allocations.delete(name);
    }
  }

  /** Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.client.dispose();
    return this.closing;
  }

  private async allocate(name: string): Promise<number> {
    const streamId = `${this.streamPrefix}${name}`;
    try {
      let currentRevision = this.knownRevisions.get(name) ?? (await this.readCurrentRevision(streamId));
      for (let attempt = 1; ; attempt += 1) {
        const claim = await this.tryClaim(streamId, name, currentRevision);
        if ('allocated' in claim) {
          this.knownRevisions.set(name, claim.allocated - 1);
          return claim.allocated;
        }
        if (attempt === this.maxAttempts) {
          throw new EventStoreUnavailableError(`Could not allocate the next value of ${name}: ${attempt} attempts lost to concurrent allocations`);
        }
        currentRevision = claim.actualRevision;
        await this.sleep(Math.floor(this.random() * this.retryDelayMs * 2 ** (attempt - 1)));
      }
    } catch (error) {
      this.knownRevisions.delete(name);
      throw asUnavailableWhenUnreachable(error, `Allocating the next value of ${name}`);
    }
  }

  private async readCurrentRevision(streamId: string): Promise<number> {
    return toPortRevision((await readLastEventOfStream(this.client, streamId))?.event?.revision);
  }

  /** Appends the claim for the value after `currentRevision` (-1: the stream does not exist yet). */
  private async tryClaim(streamId: string, name: string, currentRevision: number): Promise<{ allocated: number } | { actualRevision: number }> {
    const value = currentRevision + 2;
    try {
      const result = await this.client.appendToStream(streamId, [claimEvent(name, value)], {
        expectedRevision: currentRevision < 0 ? NO_STREAM : BigInt(currentRevision),
      });
      if (result.success) return { allocated: Number(result.nextExpectedRevision) + 1 };
      // Only from a client built with throwOnAppendFailure: false; read the revision again.
      return { actualRevision: await this.readCurrentRevision(streamId) };
    } catch (error) {
      if (isWrongExpectedVersion(error)) return { actualRevision: toPortRevision(error.actualVersion) };
      throw error;
    }
  }
}

function claimEvent(name: string, value: number) {
  const eventId = randomUUID();
  return toUnchainedEventData(
    {
      type: SEQUENCE_NUMBER_ALLOCATED,
      data: { sequence: name, value },
      metadata: {
        eventId,
        schemaVersion: 1,
        correlationId: eventId,
        causationId: eventId,
        actorId: 'system:sequence-allocator',
        occurredAt: new Date().toISOString(),
      },
    },
    `${SEQUENCE_NUMBER_ALLOCATED} for ${name}`,
  );
}
