import type { StreamOutcome } from '@app/runtime';

/** What a command on a directory or catalog stream answers: `{ id, revision, position, events, replayed }`, events by type. */
export interface StreamCommandResponse {
  id: string;
  revision: number;
  position: number;
  events: string[];
  replayed: boolean;
}

export function toStreamCommandResponse(outcome: StreamOutcome<{ type: string }>): StreamCommandResponse {
  return { id: outcome.id, revision: outcome.revision, position: outcome.position, events: outcome.events.map((event) => event.type), replayed: outcome.replayed };
}
