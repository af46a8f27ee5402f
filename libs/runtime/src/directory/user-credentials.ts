import { Inject, Injectable } from '@nestjs/common';
import { userDecider, UserState, userStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { toDirectoryEvent } from '../commands/directory-command.service';

/** What sign-in needs of a user, from one read of their stream. */
export interface UserCredentials {
  state: UserState;
  /** As the user was created ('' for a user never created). */
  displayName: string;
  /** The last password set (scrypt string), if any. */
  passwordHash: string | undefined;
  /** Global positions of the user's deactivations: a session started before one of them is over. */
  deactivatedAt: number[];
  /** Global positions of the passwords set: likewise. */
  passwordSetAt: number[];
}

/** Reads a user's credentials from their stream in the event store (never from a read model: ADR 39). */
@Injectable()
export class UserCredentialsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(userId: string): Promise<UserCredentials> {
    const credentials: UserCredentials = { state: userDecider.initialState(), displayName: '', passwordHash: undefined, deactivatedAt: [], passwordSetAt: [] };
    for (const recorded of await this.store.readStream(userStreamId(userId))) {
      const event = toDirectoryEvent(recorded);
      if (event.type === 'TeamCreated') continue;
      credentials.state = userDecider.evolve(credentials.state, event);
      if (event.type === 'UserCreated') credentials.displayName = event.data.displayName;
      if (event.type === 'UserPasswordSet') {
        credentials.passwordHash = event.data.passwordHash;
        credentials.passwordSetAt.push(recorded.position);
      }
      if (event.type === 'UserDeactivated') credentials.deactivatedAt.push(recorded.position);
    }
    return credentials;
  }
}
