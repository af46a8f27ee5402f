/** `@app/key-store/sqlite`: the embedded adapter (better-sqlite3). */
export * from './sqlite-key-store.adapter';
