import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController } from './metrics.controller';
import { ProjectionGauges } from '@app/processes';

/** GET /metrics, the HTTP and command metrics of every request, and the gauges read from the stores. */
@Module({
  imports: [MetricsModule],
  controllers: [MetricsController],
  providers: [MetricsAccessGuard, HttpMetricsMiddleware, ProjectionGauges],
})
export class ApiMetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
