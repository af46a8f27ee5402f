import { setTimeout as delay } from 'timers/promises';
import { AllStreamRecordedEvent, AllStreamResolvedEvent, ReadPosition } from '@eventstore/db-client';
import { AllSubscription, RecordedEvent } from '../event-store.port';
import { ClientAllSubscription } from './eventstoredb-client';
import { isPermanent } from './eventstoredb-errors';
import { toClientPosition } from './eventstoredb-positions';

export interface ResubscribeOptions {
  /** The wait after a drop; it doubles with each further attempt that receives nothing. Default 100 ms. */
  initialDelayMs?: number;
  /** Default 5000 ms. */
  maxDelayMs?: number;
  /** How to wait; tests replace it. Should settle early when `signal` aborts (the subscription was closed). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told about each drop before waiting, e.g. to log it. */
  onDropped?: (error: unknown, retryInMs: number) => void;
}

/** What the subscription needs from the store. */
export interface ClientSubscriptionSource {
  /** Where to subscribe so that nothing after `position` is missed (see `anchorAtOrBefore`). */
  startingPoint(position: number): Promise<ReadPosition>;
  /** A client subscription from `from` (exclusive), reporting the filter's checkpoints. */
  open(from: ReadPosition, onCheckpoint: (commit: bigint) => void): ClientAllSubscription;
  /** The event to deliver, or undefined when the subscriber does not want it (system events, filter). */
  toDeliverable(event: AllStreamRecordedEvent): RecordedEvent | undefined;
}

type Step = { resolved: AllStreamResolvedEvent } | { dropped: unknown } | typeof CLOSED;

const CLOSED = Symbol('closed');
const DEFAULT_INITIAL_DELAY_MS = 100;
const DEFAULT_MAX_DELAY_MS = 5000;

/**
 * A catch-up subscription to $all that survives drops: when the client's subscription fails or
 * ends, it subscribes again after a backoff from the furthest position the server reported (an
 * event, or a checkpoint of the server-side filter), so that nothing is delivered twice or missed.
 */
export class EventStoreDbAllSubscription implements AllSubscription {
  private readonly closing = new AbortController();
  private readonly closed: Promise<typeof CLOSED>;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private current: ClientAllSubscription | undefined;
  private iterated = false;

  constructor(
    private readonly source: ClientSubscriptionSource,
    private readonly fromPosition: number,
    private readonly options: ResubscribeOptions,
    private readonly onClose: (subscription: EventStoreDbAllSubscription) => void,
  ) {
    this.initialDelayMs = options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.closed = new Promise((resolve) => this.closing.signal.addEventListener('abort', () => resolve(CLOSED), { once: true }));
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('A subscription can be iterated only once; subscribe again instead');
    this.iterated = true;
    return this.events();
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.closing.abort();
    this.onClose(this);
    await unsubscribeQuietly(this.current);
  }

  private get isClosed(): boolean {
    return this.closing.signal.aborted;
  }

  private async *events(): AsyncGenerator<RecordedEvent, void, undefined> {
    const progress = new SubscriptionProgress(BigInt(this.fromPosition));
    let attemptsWithoutProgress = 0;
    try {
      while (!this.isClosed) {
        const reportsBefore = progress.reports;
        const dropped = yield* this.deliverUntilDropped(progress);
        if (this.isClosed) return;
        if (isPermanent(dropped)) throw dropped;
        if (progress.reports > reportsBefore) attemptsWithoutProgress = 0;
        const delayMs = Math.min(this.initialDelayMs * 2 ** attemptsWithoutProgress, this.maxDelayMs);
        attemptsWithoutProgress += 1;
        this.options.onDropped?.(dropped, delayMs);
        await Promise.race([this.sleep(delayMs, this.closing.signal).catch(() => undefined), this.closed]);
      }
    } finally {
      // Also reached when the consumer leaves the for-await loop early (break, throw).
      await this.close();
    }
  }

  /** Runs one client subscription until it drops (returns why) or this subscription is closed. */
  private async *deliverUntilDropped(progress: SubscriptionProgress): AsyncGenerator<RecordedEvent, unknown, undefined> {
    let from: ReadPosition;
    try {
      from = progress.resumePosition() ?? progress.rememberStart(await this.source.startingPoint(this.fromPosition));
    } catch (error) {
      return error;
    }
    if (this.isClosed) return undefined;
    const subscription = this.source.open(from, (commit) => progress.checkpointReached(commit));
    this.current = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      for (;;) {
        const step = await this.nextStep(iterator);
        if (step === CLOSED) return undefined;
        if ('dropped' in step) return step.dropped;
        const { event } = step.resolved;
        if (!event || !progress.isNew(event.position.commit)) continue;
        const deliverable = this.source.toDeliverable(event);
        if (deliverable) yield deliverable;
      }
    } finally {
      this.current = undefined;
      await unsubscribeQuietly(subscription);
      // Releases the client's stream; not awaited, it settles only once the cancelled call ends.
      iterator.return?.().catch(() => undefined);
    }
  }

  private async nextStep(iterator: AsyncIterator<AllStreamResolvedEvent>): Promise<Step> {
    const next = iterator.next();
    next.catch(() => undefined); // it may fail after close() won the race
    try {
      const result = await Promise.race([next, this.closed]);
      if (result === CLOSED) return CLOSED;
      return result.done ? { dropped: new Error('The EventStoreDB subscription ended without being closed') } : { resolved: result.value };
    } catch (error) {
      return { dropped: error };
    }
  }
}

/**
 * What the server has reported so far. The client's iterator yields every event it received
 * before it reports a drop, and a checkpoint comes after the events it covers, so once a drop is
 * seen everything up to `furthest` has been handled.
 */
class SubscriptionProgress {
  /** Events at or before this are not delivered (again). */
  private deliveredUpTo: bigint;
  private furthest: bigint | undefined;
  private start: ReadPosition | undefined;
  /** Events and checkpoints received: the server made progress when it grows. */
  reports = 0;

  constructor(fromPosition: bigint) {
    this.deliveredUpTo = fromPosition;
  }

  /** Where to subscribe again: after what the server reported, or where the first attempt started. */
  resumePosition(): ReadPosition | undefined {
    return this.furthest === undefined ? this.start : toClientPosition(this.furthest);
  }

  rememberStart(start: ReadPosition): ReadPosition {
    this.start = start;
    return start;
  }

  isNew(commit: bigint): boolean {
    this.advance(commit);
    if (commit <= this.deliveredUpTo) return false;
    this.deliveredUpTo = commit;
    return true;
  }

  /** Checkpoints let a resubscription skip the events the filter left out since the last delivered one. */
  checkpointReached(commit: bigint): void {
    // The server reports the commit position; its prepare position can be 0, so it is not used.
    this.advance(commit);
  }

  private advance(commit: bigint): void {
    this.reports += 1;
    // Never backwards: a live filtered subscription may repeat an old checkpoint.
    if (this.furthest === undefined || commit > this.furthest) this.furthest = commit;
  }
}

async function unsubscribeQuietly(subscription: ClientAllSubscription | undefined): Promise<void> {
  // Fails only when the connection failed too, which is reported by the iteration.
  await subscription?.unsubscribe().catch(() => undefined);
}
