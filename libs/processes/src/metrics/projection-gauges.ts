import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { PqrMetrics, ProjectionState, registerStoreGauges } from '@app/metrics';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig, Clock, everyProjectionOf } from '@app/runtime';
import { MailOutbox } from '../mail-outbox/mail-outbox';
import { SlaProcess } from '../sla/sla-process';

/**
 * The scrape-time gauges of this API: lag from the stores; states only when the projector runs here.
 * The clock and the process managers are the application module's: looked up, not injected.
 */
@Injectable()
export class ProjectionGauges implements OnModuleInit {
  constructor(
    private readonly metrics: PqrMetrics,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly projector: Projector,
    private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    const everyProjection = everyProjectionOf(this.config).map(({ name }) => name);
    registerStoreGauges(this.metrics, {
      events: this.events,
      readStore: this.readStore,
      projections: () => everyProjection,
      now: () => this.modules.get(Clock, { strict: false }).now(),
      states: () => this.states(),
    });
  }

  private states(): Array<{ name: string; state: ProjectionState }> {
    if (this.config.PROJECTOR !== 'in-process') return [];
    const sla = this.modules.get(SlaProcess, { strict: false }).manager.status().timers;
    const mail = this.modules.get(MailOutbox, { strict: false }).manager.status().outbox;
    return [...this.projector.status(), ...(sla ? [sla] : []), ...(mail ? [mail] : [])];
  }
}
