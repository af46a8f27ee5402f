import { Inject, Injectable } from '@nestjs/common';
import { USERS_COLLECTION, UserListing } from '@app/projections';
import { Filter, findEvery, READ_STORE, ReadStore } from '@app/read-store';

/**
 * The open cases of deactivated users, for a supervisor to redistribute: a join at query time of
 * the users read model (the few users deactivated now) with the queue items (their assignee among
 * them). A reactivation takes the cases out again; no projection follows both streams (ADR 40).
 */
@Injectable()
export class ToRedistribute {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** The queue-item filter of the cases to redistribute (an empty list when nobody is deactivated: nothing matches). */
  async where(): Promise<Filter[]> {
    return [{ field: 'assigneeId', op: 'in', value: await this.deactivatedUserIds() }];
  }

  private async deactivatedUserIds(): Promise<string[]> {
    const deactivated = await findEvery<UserListing>(this.readStore, USERS_COLLECTION, { where: [{ field: 'active', op: 'eq', value: false }] });
    return deactivated.map((user) => user.userId);
  }
}
