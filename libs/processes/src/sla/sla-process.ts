import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BusinessCalendar, SlaPolicies } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import type { Projection } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig, Clock, projectorWindowOf, SLA_POLICIES } from '@app/runtime';
import { ProcessManagerHost } from '../process-manager-host';
import { sendThroughCommandBus } from './sla-command-sender';
import { SlaProcessManager } from './sla-process-manager';
import { slaTimersProjectionOf } from './sla-timers-projection-of';

/** The SLA process manager inside a Nest process (see ProcessManagerHost for where it runs). */
@Injectable()
export class SlaProcess extends ProcessManagerHost {
  readonly manager: SlaProcessManager;
  /** Its timers read model (the rebuild script rebuilds it with the others). */
  readonly projection: Projection;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(SLA_POLICIES) policies: SlaPolicies,
    calendar: BusinessCalendar,
    clock: Clock,
    bus: CommandBus,
    config: AppConfig,
  ) {
    super(config.PROJECTOR);
    this.projection = slaTimersProjectionOf(config, calendar, policies);
    this.manager = new SlaProcessManager(events, readStore, this.projection, {
      now: () => clock.now(),
      send: sendThroughCommandBus(bus),
      acting: config.SLA_PROCESS_MANAGER === 'on',
      tickMs: config.SLA_TICK_MS,
      ...projectorWindowOf(config),
      log: (line) => new Logger('SlaProcessManager').warn(line),
    });
  }
}
