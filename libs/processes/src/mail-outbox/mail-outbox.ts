import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { join } from 'node:path';
import { MAIL_ACTOR_ID } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { EmlFileMailTransport, MailTransport, SmtpMailTransport } from '@app/mail/transport';
import type { Projection } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig, Clock, mailSettingsOf, projectorWindowOf, sendAs } from '@app/runtime';
import { ProcessManagerHost } from '../process-manager-host';
import { MailOutboxProcessManager } from './mail-outbox-process-manager';
import { mailOutboxProjectionOf } from './mail-outbox-projection-of';

const HOUR = 3600_000;

/** SMTP_URL set: that server; unset: .eml files under DATA_DIR/mail. */
export function mailTransportOf(config: AppConfig): MailTransport {
  return config.SMTP_URL ? new SmtpMailTransport(config.SMTP_URL) : new EmlFileMailTransport(join(config.DATA_DIR, 'mail'));
}

/** The email outbox inside a Nest process (see ProcessManagerHost for where it runs). */
@Injectable()
export class MailOutbox extends ProcessManagerHost {
  readonly manager: MailOutboxProcessManager;
  /** Its outbox read model (the rebuild script rebuilds it with the others). */
  readonly projection: Projection;
  private readonly transport: MailTransport;

  constructor(@Inject(EVENT_STORE) events: EventStore, @Inject(READ_STORE) readStore: ReadStore, clock: Clock, bus: CommandBus, config: AppConfig) {
    super(config.PROJECTOR);
    this.transport = mailTransportOf(config);
    this.projection = mailOutboxProjectionOf(config);
    this.manager = new MailOutboxProcessManager(events, readStore, this.projection, {
      now: () => clock.now(),
      send: sendAs(bus, { id: MAIL_ACTOR_ID, roles: [] }),
      transport: this.transport,
      from: config.MAIL_FROM,
      settings: mailSettingsOf(config),
      acting: config.MAIL_OUTBOX === 'on',
      maxAgeMs: config.MAIL_MAX_AGE_HOURS * HOUR,
      tickMs: config.MAIL_TICK_MS,
      ...projectorWindowOf(config),
      log: (line) => new Logger('MailOutbox').warn(line),
    });
  }

  override async beforeApplicationShutdown(): Promise<void> {
    await super.beforeApplicationShutdown();
    this.transport.close();
  }
}
