import { AllSubscription, RecordedEvent } from '../../event-store.port';

/** Collects the first `count` events, then leaves the loop (which closes the subscription). */
export async function take(subscription: AllSubscription, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  for await (const event of subscription) {
    received.push(event);
    if (received.length === count) break;
  }
  return received;
}
