import { Projection } from '@app/projections';
import { everyProjectionOf, validateAppConfig } from '@app/runtime';

const DEFAULT_CONFIG = validateAppConfig({});

/** What `npm run projections:rebuild` rebuilds, with the default configuration. */
export const SYSTEM_PROJECTIONS: readonly Projection[] = everyProjectionOf(DEFAULT_CONFIG);

/** PROJECTOR_COMMIT_EVERY_EVENTS default. */
export const COMMIT_EVERY_EVENTS = DEFAULT_CONFIG.PROJECTOR_COMMIT_EVERY_EVENTS;
