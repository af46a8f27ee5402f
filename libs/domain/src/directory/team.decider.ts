import type { Decider } from '../shared/decider';
import type { TeamCommand } from './directory.commands';
import { DirectoryErrors } from './directory.errors';
import type { TeamEvent } from './directory.events';

export type TeamState = { exists: false } | { exists: true; name: string };

/** A team of the directory: an id and a name; its members are the users who name it (UserTeamsChanged). */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: () => ({ exists: false }),
  decide(command, state) {
    if (state.exists) throw DirectoryErrors.teamAlreadyExists();
    return [{ type: 'TeamCreated', data: { teamId: command.data.teamId, name: command.data.name } }];
  },
  evolve: (_state, event) => ({ exists: true, name: event.data.name }),
};
