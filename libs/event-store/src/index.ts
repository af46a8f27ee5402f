export * from './event-store.port';
export * from './sqlite-event-store.adapter';
export * from './sequence-allocator.port';
export * from './sqlite-sequence-allocator.adapter';
export type { SqliteConnectionOptions } from './sqlite-database';
export * from './eventstoredb';
export * from './personal-data/envelope-cipher';
export * from './personal-data/personal-data-policy';
export * from './personal-data/personal-data-protecting-event-store';
