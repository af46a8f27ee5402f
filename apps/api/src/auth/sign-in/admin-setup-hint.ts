import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DirectoryReads } from '../../directory/directory.reads';
import type { UserListQueryDto } from '../../directory/directory.dto';

/** The one line an operator reads when nobody can administer the directory yet. */
export const NO_ADMIN_HINT =
  'No active admin in the user directory: create one with `npm run users:create-admin -- --id <id> --email <email> --name "<name>"` ' +
  '(in the container: `docker compose run --rm api npm run users:create-admin -- …`); see docs/operations.md';

/** With the freshness limit of 5 s a read: about a minute of catching up waited for. */
const CATCH_UP_ATTEMPTS = 12;

/**
 * At start-up, once the users read model has caught up with the events already written, logs how to
 * create the first admin when there is none. In the background: start-up never waits for it.
 */
@Injectable()
export class AdminSetupHint implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Directory');
  private stopping = false;

  constructor(
    private readonly reads: DirectoryReads,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.check().catch(() => undefined);
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** Each read waits up to the freshness limit for the read model; a long catch-up is waited for a few times over, then the hint is skipped. */
  private async check(): Promise<void> {
    const query = { role: 'admin', active: true, limit: 1, minPosition: await this.events.headPosition() } as UserListQueryDto;
    for (let attempt = 0; attempt < CATCH_UP_ATTEMPTS && !this.stopping; attempt++) {
      try {
        const admins = await this.reads.listUsers(query);
        if (admins.items.length === 0 && !this.stopping) this.logger.warn(NO_ADMIN_HINT);
        return;
      } catch (error) {
        if ((error as { getResponse?: () => { code?: string } }).getResponse?.().code !== 'READ_MODEL.BEHIND') return;
      }
    }
  }
}
