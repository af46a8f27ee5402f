import { defineProjection, DirectoryProjectionEvent } from '../projection';

export const TEAMS_COLLECTION = 'teams';

/** A team as `GET /teams` lists it; its members are the users whose teamIds name it. */
export interface TeamListing {
  teamId: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

type TeamProjectionEvent = Extract<DirectoryProjectionEvent, { type: 'TeamCreated' }>;

export const teamsProjection = defineProjection<{ team: TeamListing }, TeamProjectionEvent>({
  name: 'teams',
  version: 1,
  collections: [{ name: TEAMS_COLLECTION, indexes: [{ fields: ['name'] }] }],
  handles: ['TeamCreated'],
  keysOf: (event) => ({ team: { collection: TEAMS_COLLECTION, id: event.data.teamId, created: true } }),
  evolve: (_docs, event) => ({
    team: { teamId: event.data.teamId, name: event.data.name, createdAt: event.metadata.occurredAt, createdBy: event.metadata.actorId },
  }),
});
