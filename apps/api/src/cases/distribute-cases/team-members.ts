import { Injectable } from '@nestjs/common';
import { DirectoryErrors } from '@app/domain';
import { Assignees } from '@app/runtime';
import { DirectoryReads } from '../../directory/directory.reads';

/** A team's members a distribution deals to: its active users with the backoffice role, in user-id order. */
@Injectable()
export class TeamMembers {
  constructor(
    private readonly reads: DirectoryReads,
    private readonly assignees: Assignees,
  ) {}

  /**
   * Read from the users read model (once it includes `minPosition`), then kept only if the event
   * store agrees they are assignable now (a deactivation the read model has not caught up with).
   * 422 TEAM.NOT_FOUND for an unknown team, TEAM.NO_ASSIGNABLE_MEMBER when none is left.
   */
  async assignable(teamId: string, minPosition?: number): Promise<string[]> {
    const { items: teams } = await this.reads.teams(minPosition);
    if (!teams.some((team) => team.teamId === teamId)) throw DirectoryErrors.teamNotFound([teamId]);
    const members = (await this.reads.matchingUsers({ teamId, role: 'backoffice', active: true }, minPosition)).map((user) => user.userId);
    const assignable = await this.assignees.assignableAmong(members);
    if (assignable.length === 0) throw DirectoryErrors.teamNoAssignableMember(teamId);
    return assignable;
  }
}
