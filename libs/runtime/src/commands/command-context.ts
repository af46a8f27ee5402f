import type { Actor, CaseEvent } from '@app/domain';

/** What the HTTP layer knows about a command besides its payload. */
export interface CommandContext {
  actor: Actor;
  /** From `If-Match`: run only if the case is still at this revision. */
  expectedRevision?: number;
  /** From `Idempotency-Key`. */
  idempotencyKey?: string;
  /** A hash of what the client asked (route, case, body, actor) to tell a retry from a key reused for another request. */
  requestHash: string;
  correlationId: string;
}

export interface CommandOutcome {
  caseId: string;
  /** The case's revision after the command (the ETag). */
  revision: number;
  /** The global position of the command's last event (for `?minPosition=`). */
  position: number;
  events: CaseEvent[];
  /** True when an earlier identical command was found and nothing new was appended. */
  replayed: boolean;
}
