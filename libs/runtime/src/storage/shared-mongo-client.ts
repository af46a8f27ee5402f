import type { FactoryProvider } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { AppConfig } from '../config/app-config';
import { connectedOrClosed } from './connect-or-fail';

/** The one MongoClient of MONGODB_URL, or undefined without it. */
export const MONGO_CLIENT = Symbol('MONGO_CLIENT');

/**
 * The read store and the key store live in the one database MONGODB_URL names: they share one
 * client (one connection pool, one server monitor), checked once at start-up. StorageModule closes
 * it after both stores; the stores leave it open when they close.
 */
export const sharedMongoClientProvider: FactoryProvider<Promise<MongoClient | undefined>> = {
  provide: MONGO_CLIENT,
  inject: [AppConfig],
  useFactory: async (config: AppConfig) => {
    if (!config.MONGODB_URL) return undefined;
    const client = new MongoClient(config.MONGODB_URL, { serverSelectionTimeoutMS: config.STORE_CONNECT_TIMEOUT_MS, appName: 'pqr' });
    return connectedOrClosed(client, 'MongoDB', config.MONGODB_URL, config.STORE_CONNECT_TIMEOUT_MS, (connecting) => connecting.connect());
  },
};

/** A store on the shared client, once it is ready (`connect`); if it is not, the client closes too, so that nothing keeps a failed start-up alive. */
export async function readyOnSharedClient<S extends { connect(): Promise<void> }>(store: S, client: MongoClient): Promise<S> {
  try {
    await store.connect();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return store;
}
