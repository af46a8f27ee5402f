import { Inject, Injectable } from '@nestjs/common';
import { USERS_COLLECTION, UserListing } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';

/** An entry that names who did it, and that person's display name (null: not in the user directory). */
export type WithActorName<E extends { actorId: string }> = E & { actorName: string | null };

/**
 * Display names for the actor ids staff read on a case, looked up when read (a name may change; the
 * events keep the id): from the users read model; null for an actor not in the directory, such as
 * a customer (`customer:<filing number>`), the system or a script's token.
 */
@Injectable()
export class ActorNames {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async name<E extends { actorId: string }>(entries: readonly E[]): Promise<WithActorName<E>[]> {
    const ids = [...new Set(entries.map((entry) => entry.actorId))];
    const users = await Promise.all(ids.map((id) => this.readStore.get<UserListing>(USERS_COLLECTION, id)));
    const names = new Map(ids.map((id, index) => [id, users[index]?.data.displayName ?? null]));
    return entries.map((entry) => ({ ...entry, actorName: names.get(entry.actorId) ?? null }));
  }
}
