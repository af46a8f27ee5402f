import type { ProjectorOptions } from '@app/projector';
import type { AppConfig } from './app-config';

/** How every projector of the process reads and commits, from the configuration (the API's, the process managers', the rebuild's). */
export function projectorWindowOf(config: AppConfig): Pick<ProjectorOptions, 'batchSize' | 'commitEveryEvents' | 'maxCachedDocuments'> {
  return {
    batchSize: config.PROJECTOR_BATCH_SIZE,
    commitEveryEvents: config.PROJECTOR_COMMIT_EVERY_EVENTS,
    maxCachedDocuments: config.PROJECTOR_MAX_CACHED_DOCUMENTS,
  };
}
