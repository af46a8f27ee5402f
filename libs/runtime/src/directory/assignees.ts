import { Injectable } from '@nestjs/common';
import { DirectoryErrors, isAssignable } from '@app/domain';
import { DirectoryUsers } from './directory-users';

/**
 * Who may be given cases, asked of the event store (not the users read model), so that a user
 * deactivated a moment ago gets no more: active users with the backoffice role.
 */
@Injectable()
export class Assignees {
  constructor(private readonly users: DirectoryUsers) {}

  /** Throws USER.NOT_ASSIGNABLE naming everyone in `userIds` who is not assignable. */
  async requireAssignable(userIds: readonly string[]): Promise<void> {
    const assignable = new Set(await this.assignableAmong(userIds));
    const refused = [...new Set(userIds)].filter((userId) => !assignable.has(userId));
    if (refused.length > 0) throw DirectoryErrors.userNotAssignable(refused);
  }

  /** Those of `userIds` who are assignable now, in the order given (each once). */
  async assignableAmong(userIds: readonly string[]): Promise<string[]> {
    const unique = [...new Set(userIds)];
    const users = await Promise.all(unique.map((userId) => this.users.current(userId)));
    return unique.filter((_, index) => isAssignable(users[index]));
  }
}
