import { SLA_ACTOR_ID } from '@app/domain';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamIntegrity,
  WrongExpectedRevisionError,
} from '@app/event-store';
import type { PqrMetrics } from './pqr-metrics';

const EMAIL_DELIVERY_FAILED = 'EmailDeliveryFailed';

/** The event store, timing each append and counting what it appends; everything else goes straight through. */
export class InstrumentedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: PqrMetrics,
  ) {}

  async appendToStream(streamId: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const stop = this.metrics.appendDuration.startTimer();
    try {
      const result = await this.inner.appendToStream(streamId, events, options);
      stop({ outcome: 'ok' });
      this.count(events);
      return result;
    } catch (error) {
      stop({ outcome: error instanceof WrongExpectedRevisionError ? 'conflict' : 'error' });
      throw error;
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  verifyStream(streamId: string): Promise<StreamIntegrity> {
    return this.inner.verifyStream(streamId);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private count(events: NewEvent[]): void {
    for (const { type, metadata } of events) {
      this.metrics.eventsAppended.inc({ type });
      if (metadata.actorId === SLA_ACTOR_ID) this.metrics.slaTimersFired.inc({ fact: type });
      if (type === EMAIL_DELIVERY_FAILED) this.metrics.mailDeliveryFailures.inc();
    }
  }
}
