export * from './strict-json';
export * from './sqlite-connection';
