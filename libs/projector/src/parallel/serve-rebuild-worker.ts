import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Projector } from '../projector';
import type { RebuildWorkerData, RebuildWorkerMessage } from './rebuild-worker-protocol';

export interface RebuildWorkerContext {
  /** A projector over exactly the projections the worker was given. */
  projector: Projector;
  close(): Promise<void>;
}

const PROGRESS_EVERY_MS = 200;
/** Catch-ups in a row while a store stays unavailable (busy: the other workers' commits hold the lock). */
const MAX_CATCH_UPS = 10;

/**
 * The body of a rebuild worker thread (see `rebuildInWorkers`): opens its stores through `open`,
 * deletes its projections' documents and checkpoints, replays the event store from position 0 with
 * progress messages, and posts the final statuses. A failure ends the worker with an error, which
 * the main thread reports.
 */
export function serveRebuildWorker(open: (projections: string[], settings: unknown) => Promise<RebuildWorkerContext>): void {
  if (isMainThread || !parentPort) throw new Error('serveRebuildWorker runs in a worker thread started by rebuildInWorkers');
  const port = parentPort;
  const post = (message: RebuildWorkerMessage) => port.postMessage(message);
  const { projections, settings } = workerData as RebuildWorkerData;
  const run = async () => {
    const { projector, close } = await open(projections, settings);
    try {
      await projector.rebuild();
      let lastPost = 0;
      for (let attempt = 1; attempt <= MAX_CATCH_UPS; attempt++) {
        await projector.catchUp((position, head) => {
          if (position < head && Date.now() - lastPost < PROGRESS_EVERY_MS) return;
          lastPost = Date.now();
          post({ kind: 'progress', position, head });
        });
        if (!projector.status().some((status) => status.state === 'retrying')) break;
      }
      post({ kind: 'done', statuses: projector.status() });
    } finally {
      await close();
    }
  };
  run().catch((error: unknown) => {
    // Uncaught in the worker: the main thread's Worker emits it as 'error'.
    setImmediate(() => {
      throw error;
    });
  });
}
