import { AccessDeniedError, START, UnavailableError } from '@eventstore/db-client';
import { RecordedEvent } from '../event-store.port';
import { newEvent } from '../testing/contract-events';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { toClientPosition } from './eventstoredb-positions';
import { take } from './testing/events';
import { InMemoryEventStoreDbClient, rawGrpcError, unavailableError } from './testing/in-memory-eventstoredb-client';

describe('EventStoreDbEventStore.subscribeToAll against a client double', () => {
  let client: InMemoryEventStoreDbClient;
  let store: EventStoreDbEventStore;
  let openStores: EventStoreDbEventStore[];
  let delaysRequested: number[];
  let dropsReported: unknown[];

  const open = (options: { checkpointWindow?: number; resendStartEvent?: boolean; sleep?: (ms: number) => Promise<void> } = {}) => {
    client = new InMemoryEventStoreDbClient({
      checkpointWindow: options.checkpointWindow ?? 1000,
      subscriptionsResendStartEvent: options.resendStartEvent,
    });
    store = new EventStoreDbEventStore(
      { client },
      {
        resubscribe: {
          sleep: options.sleep ?? (async (ms) => void delaysRequested.push(ms)),
          onDropped: (error) => dropsReported.push(error),
        },
      },
    );
    openStores.push(store);
  };

  beforeEach(() => {
    openStores = [];
    delaysRequested = [];
    dropsReported = [];
    open();
  });

  afterEach(async () => {
    await Promise.all(openStores.map((opened) => opened.close()));
  });

  const appendTo = async (streamId: string, types: string[]): Promise<RecordedEvent[]> => {
    await store.appendToStream(streamId, types.map((type) => newEvent(type)), { expectedRevision: 'any' });
    return (await store.readStream(streamId)).slice(-types.length);
  };

  const subscribedFrom = () => client.subscribeCalls.map((call) => call.options.fromPosition);

  it('resubscribes after each drop from the last event delivered, delivering every event once and in order', async () => {
    const appended = await appendTo('case-1', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    client.dropNextSubscription({ afterResponses: 3, error: unavailableError() });
    client.dropNextSubscription({ afterResponses: 4, error: rawGrpcError(14, 'UNAVAILABLE: Connection dropped') });

    const received = await take(store.subscribeToAll({ fromPosition: 0 }), 10);

    expect(received).toEqual(appended);
    expect(subscribedFrom()).toEqual([START, toClientPosition(appended[2].position), toClientPosition(appended[6].position)]);
    expect(delaysRequested).toEqual([100, 100]);
    // The client turns the raw gRPC status 14 into an UnavailableError too.
    expect(dropsReported.map((error) => (error as UnavailableError).type)).toEqual(['unavailable', 'unavailable']);
  });

  it('doubles the wait while resubscribing gets nothing, up to 5 s, then catches up', async () => {
    const appended = await appendTo('case-1', ['Filed', 'Assigned']);
    for (let drop = 0; drop < 8; drop += 1) client.dropNextSubscription({ afterResponses: 0, error: unavailableError() });

    const received = await take(store.subscribeToAll(), 2);

    expect(received).toEqual(appended);
    expect(delaysRequested).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(subscribedFrom()).toEqual(Array.from({ length: 9 }, () => START));
  });

  it("resumes after the filter's last checkpoint, past the events it left out", async () => {
    open({ checkpointWindow: 4 });
    const [wanted] = await appendTo('wanted-1', ['Filed']);
    const others: RecordedEvent[] = [];
    for (let other = 1; other <= 6; other += 1) others.push(...(await appendTo(`other-${other}`, ['Filed'])));
    // Scanned: 2 server events, wanted-1, other-1 (checkpoint), other-2..other-5 (checkpoint): the drop follows.
    client.dropNextSubscription({ afterResponses: 3, error: unavailableError() });

    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['wanted-'] } });
    const events = subscription[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual(wanted);
    const next = events.next();
    const [later] = await appendTo('wanted-2', ['Filed']);

    expect((await next).value).toEqual(later);
    expect(subscribedFrom()).toEqual([START, toClientPosition(others[4].position)]);
    await subscription.close();
  });

  it('never delivers an event twice, even if the server sent again the one it resumed after', async () => {
    open({ resendStartEvent: true });
    const appended = await appendTo('case-1', ['A', 'B', 'C', 'D']);
    // Sends A again, then B, then drops.
    client.dropNextSubscription({ afterResponses: 2, error: unavailableError() });

    const received = await take(store.subscribeToAll({ fromPosition: appended[0].position }), 3);

    expect(received).toEqual(appended.slice(1));
    expect(subscribedFrom()).toEqual([toClientPosition(appended[0].position), toClientPosition(appended[1].position)]);
  });

  it('starts from a position the server accepts when given one that is not the start of an event', async () => {
    const [first, second, third] = await appendTo('case-1', ['Filed', 'Assigned', 'Answered']);

    const received = await take(store.subscribeToAll({ fromPosition: second.position - 1 }), 2);

    expect(received).toEqual([second, third]);
    expect(subscribedFrom()).toEqual([toClientPosition(first.position)]);
  });

  it('close() ends a for-await loop waiting for live events, and unsubscribes', async () => {
    const subscription = store.subscribeToAll();
    const received: RecordedEvent[] = [];
    let signalFirstEvent!: () => void;
    const firstEvent = new Promise<void>((resolve) => (signalFirstEvent = resolve));
    const loop = (async () => {
      for await (const event of subscription) {
        received.push(event);
        signalFirstEvent();
      }
      return received;
    })();
    const [appended] = await appendTo('case-1', ['Filed']);
    await firstEvent;
    expect(client.openSubscriptions).toBe(1);

    await subscription.close();

    await expect(loop).resolves.toEqual([appended]);
    expect(client.openSubscriptions).toBe(0);
  });

  it('close() during the wait after a drop ends the loop without subscribing again', async () => {
    let waiting!: () => void;
    const waitStarted = new Promise<void>((resolve) => (waiting = resolve));
    open({ sleep: () => (waiting(), new Promise<void>(() => undefined)) });
    client.dropNextSubscription({ afterResponses: 0, error: unavailableError() });
    const subscription = store.subscribeToAll();
    const loop = take(subscription, 1);

    await waitStarted;
    await subscription.close();

    await expect(loop).resolves.toEqual([]);
    expect(client.subscribeCalls).toHaveLength(1);
  });

  it('ends the iteration with the error when retrying cannot help (access denied)', async () => {
    const denied = new AccessDeniedError(undefined, 'Access denied');
    client.dropNextSubscription({ afterResponses: 0, error: denied });

    await expect(take(store.subscribeToAll(), 1)).rejects.toBe(denied);
    expect(client.subscribeCalls).toHaveLength(1);
    expect(delaysRequested).toEqual([]);
  });

  it('store.close() ends every subscription', async () => {
    const loops = [store.subscribeToAll(), store.subscribeToAll()].map((subscription) => take(subscription, 1));
    await waitUntil(() => client.openSubscriptions === 2);

    await store.close();

    await expect(Promise.all(loops)).resolves.toEqual([[], []]);
    expect(client.disposeCalls).toBe(1);
  });
});

/** Polls on the event loop (no timer): for states reached asynchronously inside the double. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('Condition not reached');
}
