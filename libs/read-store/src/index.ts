export * from './read-store.port';
export * from './read-store-unavailable.error';
export * from './sqlite-read-store.adapter';
export * from './mongodb';
