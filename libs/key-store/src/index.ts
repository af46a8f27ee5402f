export * from './key-store.port';
export * from './sqlite-key-store.adapter';
export * from './mongodb/mongodb-key-store.adapter';
