/** A worker thread of `npm run projections:rebuild` (see rebuildInWorkers): rebuilds the projections it was given. */
import { serveRebuildWorker } from '@app/projector';
import { openRebuildContext } from './rebuild-context';

serveRebuildWorker(async (projections) => {
  const context = await openRebuildContext();
  return { projector: context.projectorFor(projections), close: () => context.close() };
});
