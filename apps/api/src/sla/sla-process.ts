import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BusinessCalendar, SlaPolicies } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { createSlaTimersProjection } from '@app/projections';
import { SlaProcessManager } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { SLA_POLICIES } from '../calendar/sla-policies.token';
import { AppConfig } from '../config/app-config';
import { Clock } from '../storage/clock';
import { sendThroughCommandBus } from './sla-command-sender';

/** What the business calendar is built from: a change rebuilds the timers. */
function calendarSettingsOf(config: AppConfig) {
  const { CALENDAR_SATURDAY_IS_BUSINESS_DAY, CALENDAR_BUSINESS_HOURS_START, CALENDAR_BUSINESS_HOURS_END, CALENDAR_HOLIDAYS_ADD, CALENDAR_HOLIDAYS_REMOVE } = config;
  return { CALENDAR_SATURDAY_IS_BUSINESS_DAY, CALENDAR_BUSINESS_HOURS_START, CALENDAR_BUSINESS_HOURS_END, CALENDAR_HOLIDAYS_ADD, CALENDAR_HOLIDAYS_REMOVE };
}

/**
 * The SLA process manager inside a Nest process: it runs where the projector runs (the API with
 * PROJECTOR=in-process, or `npm run start:projector`); elsewhere it only makes sure its collection exists.
 */
@Injectable()
export class SlaProcess implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly manager: SlaProcessManager;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(SLA_POLICIES) policies: SlaPolicies,
    calendar: BusinessCalendar,
    clock: Clock,
    bus: CommandBus,
    private readonly config: AppConfig,
  ) {
    const projection = createSlaTimersProjection(
      { calendar, policies, customerSilenceBusinessDays: config.SLA_CUSTOMER_SILENCE_BUSINESS_DAYS },
      calendarSettingsOf(config),
    );
    this.manager = new SlaProcessManager(events, readStore, projection, {
      now: () => clock.now(),
      send: sendThroughCommandBus(bus),
      acting: config.SLA_PROCESS_MANAGER === 'on',
      tickMs: config.SLA_TICK_MS,
      batchSize: config.PROJECTOR_BATCH_SIZE,
      commitEveryEvents: config.PROJECTOR_COMMIT_EVERY_EVENTS,
      log: (line) => new Logger('SlaProcessManager').warn(line),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.PROJECTOR === 'in-process') await this.manager.start();
    else await this.manager.ensureCollections();
  }

  /** Before the stores close, like the projector. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.manager.stop();
  }
}
