import { randomUUID } from 'crypto';
import { AllSubscription, NewEvent, RecordedEvent } from '../../event-store.port';

export function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      schemaVersion: 1,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: 'system:spec',
      occurredAt: '2026-03-02T09:30:00.000-05:00',
    },
  };
}

/** Collects the first `count` events, then leaves the loop (which closes the subscription). */
export async function take(subscription: AllSubscription, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  for await (const event of subscription) {
    received.push(event);
    if (received.length === count) break;
  }
  return received;
}
