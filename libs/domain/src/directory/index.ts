export * from './directory.events';
export * from './directory.commands';
export * from './directory.errors';
export * from './user.decider';
export * from './team.decider';
export * from './assignable';
export * from './session.events';
export * from './session.decider';
