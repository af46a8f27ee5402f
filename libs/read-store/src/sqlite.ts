/** `@app/read-store/sqlite`: the embedded adapter (better-sqlite3). */
export * from './sqlite-read-store.adapter';
