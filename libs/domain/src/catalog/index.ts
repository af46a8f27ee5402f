export * from './catalog.events';
export * from './catalog.commands';
export * from './catalog.errors';
export * from './catalog.decider';
export * from './catalog-typification';
