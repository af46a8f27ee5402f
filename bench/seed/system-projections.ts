import { ALL_PROJECTIONS, Projection } from '@app/projections';
import { validateAppConfig } from '../../apps/api/src/config/app-config';
import { processManagerProjectionsOf } from '../../apps/api/src/projections/process-manager-projections';

const DEFAULT_CONFIG = validateAppConfig({});

/** What `npm run projections:rebuild` rebuilds, with the default configuration. */
export const SYSTEM_PROJECTIONS: readonly Projection[] = [...ALL_PROJECTIONS, ...processManagerProjectionsOf(DEFAULT_CONFIG)];

/** PROJECTOR_COMMIT_EVERY_EVENTS default. */
export const COMMIT_EVERY_EVENTS = DEFAULT_CONFIG.PROJECTOR_COMMIT_EVERY_EVENTS;
