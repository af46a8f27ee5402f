import { AllSubscription, RecordedEvent } from './event-store.port';
import { AppendWait } from './append-notifier';

export interface LiveEventSource {
  /**
   * Scans at most `limit` events after `afterPosition` and returns those that match the
   * subscription, plus the position of the last event scanned (`afterPosition` when none was).
   */
  readAfter(afterPosition: number, limit: number): { events: RecordedEvent[]; scannedUpTo: number };
  /** Must be called synchronously after a `readAfter` that found nothing, so no append is missed. */
  waitForAppend(): AppendWait;
}

/** Catches up in batches from `fromPosition` (exclusive), then waits for appends; ends on close(). */
export class LiveAllSubscription implements AllSubscription {
  private closed = false;
  private iterated = false;
  private pendingWait: AppendWait | undefined;

  constructor(
    private readonly source: LiveEventSource,
    private readonly fromPosition: number,
    private readonly batchSize: number,
    private readonly onClose: (subscription: LiveAllSubscription) => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('A subscription can be iterated only once; subscribe again instead');
    this.iterated = true;
    return this.events();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pendingWait?.cancel();
    this.onClose(this);
  }

  private async *events(): AsyncGenerator<RecordedEvent, void, undefined> {
    let position = this.fromPosition;
    try {
      while (!this.closed) {
        const batch = this.source.readAfter(position, this.batchSize);
        if (batch.scannedUpTo === position) {
          await this.waitForAppend();
          continue;
        }
        position = batch.scannedUpTo;
        for (const event of batch.events) {
          if (this.closed) return;
          yield event;
        }
      }
    } finally {
      // Also reached when the consumer leaves the for-await loop early (break, throw).
      await this.close();
    }
  }

  private async waitForAppend(): Promise<void> {
    this.pendingWait = this.source.waitForAppend();
    await this.pendingWait.promise;
    this.pendingWait = undefined;
  }
}
