export * from './mongodb-url';
