export { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
export { EventStoreDbSequenceAllocator, SEQUENCE_NUMBER_ALLOCATED } from './eventstoredb-sequence-allocator';
export type { EventStoreDbSequenceAllocatorOptions } from './eventstoredb-sequence-allocator';
export type { EventStoreDbClient, EventStoreDbConnection } from './eventstoredb-client';
