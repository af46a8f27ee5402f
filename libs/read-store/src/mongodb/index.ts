export { MongoReadStore } from './mongodb-read-store.adapter';
export type { MongoReadStoreOptions } from './mongodb-read-store.adapter';
export { UniqueIndexViolationError } from './mongodb-unique-check';
