export * from './pqr-metrics';
export * from './instrumented-event-store';
export * from './store-snapshot';
export * from './store-gauges';
export * from './metrics.module';
export * from './same-secret';
export * from './metrics-server';
