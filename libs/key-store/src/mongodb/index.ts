export * from './mongodb-key-store.adapter';
