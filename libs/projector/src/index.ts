export * from './projector';
export * from './projection-batch';
export * from './to-projection-event';
