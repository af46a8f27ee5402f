export * from './partition-projections';
export * from './rebuild-in-workers';
export * from './rebuild-worker-protocol';
export * from './serve-rebuild-worker';
