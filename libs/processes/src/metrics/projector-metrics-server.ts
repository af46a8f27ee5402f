import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { PqrMetrics, portOf, startMetricsServer } from '@app/metrics';
import { AppConfig } from '@app/runtime';

/** The projector's own metrics (its projections' states, the SLA facts and deliveries it records) on METRICS_PORT, when set. */
@Injectable()
export class ProjectorMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: PqrMetrics,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { METRICS_PORT: port, METRICS_TOKEN: token } = this.config;
    if (port === undefined || !token) return;
    this.server = await startMetricsServer(this.metrics, { port, token });
    new Logger('Projector').log(`Metrics on port ${portOf(this.server)} (GET /metrics)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
