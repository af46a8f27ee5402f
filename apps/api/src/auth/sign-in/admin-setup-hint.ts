import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DirectoryReads } from '../../directory/directory.reads';
import type { UserListQueryDto } from '../../directory/directory.dto';

/** The one line an operator reads when nobody can administer the directory yet. */
export const NO_ADMIN_HINT =
  'No active admin in the user directory: create one with `npm run users:create-admin -- --id <id> --email <email> --name "<name>"` ' +
  '(in the container: `docker compose run --rm api npm run users:create-admin -- …`); see docs/operations.md';

/**
 * At start-up, once the users read model has caught up with the events already written, logs how to
 * create the first admin when there is none. In the background: start-up never waits for it.
 */
@Injectable()
export class AdminSetupHint implements OnApplicationBootstrap {
  private readonly logger = new Logger('Directory');

  constructor(
    private readonly reads: DirectoryReads,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.check().catch(() => undefined);
  }

  private async check(): Promise<void> {
    const query = { role: 'admin', active: true, limit: 1, minPosition: await this.events.headPosition() } as UserListQueryDto;
    const admins = await this.reads.listUsers(query);
    if (admins.items.length === 0) this.logger.warn(NO_ADMIN_HINT);
  }
}
