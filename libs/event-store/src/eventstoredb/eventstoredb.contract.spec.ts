import { randomUUID } from 'crypto';
import { eventStoreContract } from '../event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { EventStoreDbSequenceAllocator } from './eventstoredb-sequence-allocator';

/**
 * Against a real server, e.g. `EVENTSTORE_URL='esdb://localhost:2113?tls=false' npx jest eventstoredb.contract`
 * with `docker compose up eventstoredb`. The tests use fresh stream names, so the server need not be empty.
 */
const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', async () => ({ store: new EventStoreDbEventStore({ connectionString: url }) }));

  describe('EventStoreDbSequenceAllocator on EventStoreDB', () => {
    it('hands out each value once to two allocators (as two processes would) competing for a name', async () => {
      const allocators = [new EventStoreDbSequenceAllocator({ connectionString: url }), new EventStoreDbSequenceAllocator({ connectionString: url })];
      const name = `contract-${randomUUID()}`;
      try {
        const values = await Promise.all(Array.from({ length: 50 }, (_, index) => allocators[index % 2].next(name)));
        expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
      } finally {
        await Promise.all(allocators.map((allocator) => allocator.close()));
      }
    });
  });
} else {
  it('skipped: EVENTSTORE_URL not set', () => {
    console.log('skipped: EVENTSTORE_URL not set');
  });
}
