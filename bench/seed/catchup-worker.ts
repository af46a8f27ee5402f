/** A rebuild worker thread of the projection-catchup benchmark: the named system projections, from the seeded event store file into the read store file. */
import { SqliteEventStore } from '@app/event-store/sqlite';
import { Projector, serveRebuildWorker } from '@app/projector';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { COMMIT_EVERY_EVENTS, SYSTEM_PROJECTIONS } from './system-projections';

export interface CatchUpWorkerSettings {
  eventsFile: string;
  readFile: string;
  batchSize: number;
}

serveRebuildWorker(async (names, settings) => {
  const { eventsFile, readFile, batchSize } = settings as CatchUpWorkerSettings;
  const eventStore = new SqliteEventStore({ filename: eventsFile });
  const readStore = new SqliteReadStore({ filename: readFile });
  const projections = SYSTEM_PROJECTIONS.filter(({ name }) => names.includes(name));
  return {
    projector: new Projector(eventStore, readStore, projections, { batchSize, commitEveryEvents: COMMIT_EVERY_EVENTS }),
    close: async () => {
      await readStore.close();
      await eventStore.close();
    },
  };
});
