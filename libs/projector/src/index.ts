export * from './projector';
export * from './to-projection-event';
export * from './process-manager-base';
export * from './parallel';
export * from './young-generation';
