export * from './strict-json';
export * from './sqlite-connection';
export * from './group-commit-queue';
