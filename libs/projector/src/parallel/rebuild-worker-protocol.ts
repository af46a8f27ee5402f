import type { ProjectionStatus } from '../projector';

/** What each rebuild worker thread is started with. */
export interface RebuildWorkerData {
  /** The names of the projections this worker rebuilds. */
  projections: string[];
  /** Anything else the worker's entry needs to open its stores (structured-cloneable). */
  settings?: unknown;
}

/** What a rebuild worker posts to the main thread. */
export type RebuildWorkerMessage =
  | { kind: 'progress'; position: number; head: number }
  | { kind: 'done'; statuses: ProjectionStatus[] };
