import { Global, Module } from '@nestjs/common';
import { PqrMetrics } from './pqr-metrics';

/** One metrics registry per application; the event store is instrumented when this module is present. */
@Global()
@Module({ providers: [{ provide: PqrMetrics, useFactory: () => new PqrMetrics() }], exports: [PqrMetrics] })
export class MetricsModule {}
