export * from './event-store.port';
export * from './sequence-allocator.port';
export * from './personal-data/envelope-cipher';
export * from './personal-data/personal-data-policy';
export * from './personal-data/personal-data-protecting-event-store';
