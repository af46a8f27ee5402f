export * from './read-store.port';
export * from './read-store-unavailable.error';
export * from './find-every';
