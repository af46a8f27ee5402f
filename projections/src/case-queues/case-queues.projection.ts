import { CASE_EVENT_TYPES, CasePriority, CaseState, evolveCase } from '@app/domain';
import { caseIdOf, opensCase } from '../case-keys';
import { defineProjection, ProjectionEvent } from '../projection';
import { CLOCK_RUNNING_QUEUES, Queue, QUEUES } from './queue-of';
import { queueOf } from './queue-of';
import { ownEntry, setEntry } from '../keyed-counts';

export const QUEUE_ITEMS_COLLECTION = 'queue_items';
export const QUEUE_SUMMARY_COLLECTION = 'queue_summary';
export const QUEUE_SUMMARY_ID = 'summary';

/** One open case in one queue. Closed cases leave the collection. */
export interface QueueItem {
  caseId: string;
  filingNumber: string;
  queue: Queue;
  /** True in the queues where the legal clock runs: the at-risk query reads these. */
  clockRunning: boolean;
  status: CaseState['status'];
  kind: string;
  typology: string;
  channel: string;
  filedAt: string;
  dueAt: string;
  assigneeId: string | null;
  returnedTo: string | null;
  priority: CasePriority;
  /** 0 for urgent cases, 1 otherwise: every queue sorts on it first, so urgent cases go first (issue 28). */
  priorityRank: 0 | 1;
  /** The case revision this entry reflects: commands based on it pass it as the expected revision. */
  revision: number;
  state: CaseState;
}

/** Counts kept up to date event by event, so that `GET /queues/summary` reads one document. */
export interface QueueSummary {
  queues: Record<Queue, number>;
  /** Open cases in each backoffice agent's queue. */
  byBackoffice: Record<string, number>;
  /** Cases returned to each agent. */
  byReturnedAgent: Record<string, number>;
}

export const caseQueuesProjection = defineProjection<{ item: QueueItem; summary: QueueSummary }>({
  name: 'case-queues',
  /** 3: the state's reasons read [erased] after PetitionerDataErased (issue 23); 4: the to_typify queue (issue 26); 5: urgent first (issue 28). */
  version: 5,
  collections: [
    {
      name: QUEUE_ITEMS_COLLECTION,
      indexes: [
        { fields: ['queue', 'priorityRank', 'dueAt'] },
        { fields: ['queue', 'priorityRank', 'filedAt'] },
        { fields: ['queue', 'assigneeId', 'priorityRank', 'dueAt'] },
        { fields: ['queue', 'returnedTo', 'priorityRank', 'dueAt'] },
        { fields: ['clockRunning', 'dueAt'] },
      ],
    },
    { name: QUEUE_SUMMARY_COLLECTION, indexes: [] },
  ],
  handles: CASE_EVENT_TYPES,
  keysOf: (event) => ({
    item: { collection: QUEUE_ITEMS_COLLECTION, id: caseIdOf(event), created: opensCase(event) },
    summary: { collection: QUEUE_SUMMARY_COLLECTION, id: QUEUE_SUMMARY_ID },
  }),
  drafts: ['summary'],
  evolve: ({ item: before, summary }, event) => {
    const after = nextItem(before, event);
    return { item: after, summary: countMove(summary, before, after) };
  },
});

function nextItem(before: QueueItem | null, event: ProjectionEvent): QueueItem | null {
  if (!before && event.type !== 'CaseFiled') return null;
  const state = evolveCase(before?.state ?? { status: 'none' }, event);
  const queue = queueOf(state);
  if (state.status === 'none' || queue === null) return null;
  const filed = event.type === 'CaseFiled' ? event.data : null;
  return {
    caseId: state.caseId,
    filingNumber: state.filingNumber,
    queue,
    clockRunning: CLOCK_RUNNING_QUEUES.includes(queue),
    status: state.status,
    kind: state.typification.kind,
    typology: state.typification.typology,
    channel: filed?.channel ?? before!.channel,
    filedAt: state.filedAt,
    dueAt: state.dueAt,
    assigneeId: state.assigneeId,
    returnedTo: state.status === 'returned' ? state.returnedTo : null,
    priority: state.priority,
    priorityRank: state.priority === 'urgent' ? 0 : 1,
    revision: event.revision,
    state,
  };
}

function emptySummary(): QueueSummary {
  return { queues: Object.fromEntries(QUEUES.map((queue) => [queue, 0])) as Record<Queue, number>, byBackoffice: {}, byReturnedAgent: {} };
}

/** Moves one case's count from where it was to where it is now, in the summary's draft (a `draft` key). */
function countMove(current: QueueSummary | null, before: QueueItem | null, after: QueueItem | null): QueueSummary {
  const summary = current ?? emptySummary();
  if (before && after && countedAlike(before, after)) return summary;
  for (const [item, delta] of [[before, -1], [after, 1]] as const) {
    if (!item) continue;
    summary.queues[item.queue] += delta;
    if (item.queue === 'backoffice' && item.assigneeId) bump(summary.byBackoffice, item.assigneeId, delta);
    if (item.queue === 'returned' && item.returnedTo) bump(summary.byReturnedAgent, item.returnedTo, delta);
  }
  return summary;
}

/** Whether both entries count in the same place: the case did not move. */
function countedAlike(before: QueueItem, after: QueueItem): boolean {
  return before.queue === after.queue && before.assigneeId === after.assigneeId && before.returnedTo === after.returnedTo;
}

/** Moves the count of `key` by `delta`; a count that reaches zero leaves the map. */
function bump(counts: Record<string, number>, key: string, delta: number): void {
  const value = (ownEntry(counts, key) ?? 0) + delta;
  if (value !== 0) setEntry(counts, key, value);
  else delete counts[key];
}
