import { Inject, Injectable } from '@nestjs/common';
import { userDecider, UserState, userStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { toDirectoryEvent } from '../commands/directory-command.service';

/**
 * A user as the directory knows them right now, folded from their stream in the event store
 * (not from the users read model): a deactivation or a role change applies to the very next request.
 */
@Injectable()
export class DirectoryUsers {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(userId: string): Promise<UserState> {
    const history = await this.store.readStream(userStreamId(userId));
    return history.map(toDirectoryEvent).reduce((state, event) => (event.type === 'TeamCreated' ? state : userDecider.evolve(state, event)), userDecider.initialState());
  }
}
