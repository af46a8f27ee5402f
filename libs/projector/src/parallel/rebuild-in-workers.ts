import { Worker } from 'node:worker_threads';
import type { ProjectionStatus } from '../projector';
import { PROJECTOR_YOUNG_GENERATION_MIB } from '../young-generation';
import type { RebuildWorkerData, RebuildWorkerMessage } from './rebuild-worker-protocol';

export interface RebuildInWorkersOptions {
  /** The worker's entry file: it opens its own stores and calls `serveRebuildWorker`. */
  entry: string;
  /** One group of projection names per worker thread (see `partitionProjections`). */
  groups: string[][];
  /** Handed to every worker as `RebuildWorkerData.settings`. */
  settings?: unknown;
  /** The lowest position every worker has applied, and the head they rebuild to. */
  onProgress?: (position: number, head: number) => void;
}

/**
 * Rebuilds projections from position 0 in worker threads, one per group, so that a full rebuild uses
 * every core: projections are independent, each has its own documents and checkpoint, and each worker
 * reads the event store on its own. Resolves with every projection's final status; rejects as soon
 * as a worker dies (the others are stopped; what they committed stays, and a rerun starts over).
 */
export async function rebuildInWorkers(options: RebuildInWorkersOptions): Promise<ProjectionStatus[]> {
  const positions = options.groups.map(() => 0);
  let head = 0;
  const workers = options.groups.map(
    (projections) =>
      new Worker(options.entry, {
        workerData: { projections, settings: options.settings } satisfies RebuildWorkerData,
        // A projector's young generation (V8's default is 48 MiB; ADR 12).
        resourceLimits: { maxYoungGenerationSizeMb: PROJECTOR_YOUNG_GENERATION_MIB },
      }),
  );
  try {
    const results = await Promise.all(
      workers.map(
        (worker, index) =>
          new Promise<ProjectionStatus[]>((resolve, reject) => {
            let statuses: ProjectionStatus[] | undefined;
            worker.on('message', (message: RebuildWorkerMessage) => {
              if (message.kind === 'done') statuses = message.statuses;
              else {
                positions[index] = message.position;
                head = Math.max(head, message.head);
                options.onProgress?.(Math.min(...positions), head);
              }
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (statuses) resolve(statuses);
              else reject(new Error(`The rebuild worker of ${options.groups[index].join(', ')} exited (code ${code}) before it finished`));
            });
          }),
      ),
    );
    return results.flat();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
