export * from './projector';
export * from './to-projection-event';
export * from './sla/sla-process-manager';
export * from './mail/mail-retry';
export * from './mail/mail-outbox-process-manager';
export * from './parallel';
export * from './young-generation';
