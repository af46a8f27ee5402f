import { BACKWARDS, END, ReadStreamOptions as ClientReadStreamOptions, ResolvedEvent } from '@eventstore/db-client';
import { EventStoreDbClient } from './eventstoredb-client';
import { isStreamNotFound } from './eventstoredb-errors';

/** Reads one stream; a missing stream reads as [] (the client reports it while the read is iterated). */
export async function readStreamOrEmpty(client: EventStoreDbClient, streamId: string, options: ClientReadStreamOptions): Promise<ResolvedEvent[]> {
  const events: ResolvedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, { resolveLinkTos: false, ...options })) events.push(resolved);
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  return events;
}

export async function readLastEventOfStream(client: EventStoreDbClient, streamId: string): Promise<ResolvedEvent | undefined> {
  const [last] = await readStreamOrEmpty(client, streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
  return last;
}
