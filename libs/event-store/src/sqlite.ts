/** `@app/event-store/sqlite`: the embedded adapters (better-sqlite3). */
export * from './sqlite-event-store.adapter';
export * from './sqlite-sequence-allocator.adapter';
export type { SqliteConnectionOptions } from './sqlite-database';
