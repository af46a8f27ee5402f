import {
  AllStreamResolvedEvent,
  AppendResult as ClientAppendResult,
  AppendToStreamOptions,
  EventData,
  EventStoreDBClient,
  ReadAllOptions as ClientReadAllOptions,
  ReadStreamOptions as ClientReadStreamOptions,
  ResolvedEvent,
} from '@eventstore/db-client';

/**
 * The part of `EventStoreDBClient` the adapters use: small enough for a hand-written test double,
 * and the real client satisfies it as is. Reads are async iterables (the client's are readables)
 * that report failures, such as a missing stream, while they are iterated.
 */
export interface EventStoreDbClient {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<ClientAppendResult>;
  readStream(streamName: string, options: ClientReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ClientReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  /** Cancels the client's open calls. */
  dispose(): Promise<void>;
}

/** Either a connection string (`esdb://host:2113?tls=false`) or a client to use, e.g. a test double. */
export type EventStoreDbConnection = { connectionString: string } | { client: EventStoreDbClient };

export function connectClient(connection: EventStoreDbConnection): EventStoreDbClient {
  if ('client' in connection) return connection.client;
  if (typeof connection.connectionString !== 'string' || connection.connectionString.length === 0) {
    throw new TypeError('connectionString must be a non-empty EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false');
  }
  // Parses only; the first call opens the connection.
  return EventStoreDBClient.connectionString(connection.connectionString);
}
