import type { CaseState } from '@app/domain';

export const QUEUES = ['to_typify', 'unassigned', 'backoffice', 'returned', 'awaiting_customer'] as const;
export type Queue = (typeof QUEUES)[number];

/** The work queue a case sits in, or null once nobody has to act on it any more. */
export function queueOf(state: CaseState): Queue | null {
  switch (state.status) {
    case 'to_typify':
      return 'to_typify';
    case 'filed':
      return 'unassigned';
    case 'assigned':
    case 'in_progress':
      return 'backoffice';
    case 'responded':
      // A pending response is still the backoffice agent's work; a resolved one waits for a possible counter-reply.
      return state.outcome === 'pending' ? 'backoffice' : 'awaiting_customer';
    case 'returned':
      return 'returned';
    case 'awaiting_information':
      return 'awaiting_customer';
    case 'none':
    case 'resolved_first_line':
    case 'transferred':
    case 'closed':
    case 'withdrawn':
      return null;
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}

/** Queues in which the legal clock runs (waiting on the customer pauses it). */
export const CLOCK_RUNNING_QUEUES: readonly Queue[] = ['to_typify', 'unassigned', 'backoffice', 'returned'];
