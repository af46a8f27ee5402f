/**
 * Run as a separate Node process by the SQLite specs, to write the same database file as the test
 * process at the same time. Takes one JSON WorkerCommand as argument; prints a JSON array of
 * numbers (positions or allocated values) on stdout.
 */
import { randomUUID } from 'crypto';
import { SqliteEventStore } from '../sqlite-event-store.adapter';
import { SqliteSequenceAllocator } from '../sqlite-sequence-allocator.adapter';

export type WorkerCommand =
  | { kind: 'append'; filename: string; streamId: string; count: number }
  | { kind: 'allocate'; filename: string; sequenceName: string; count: number };

async function appendOneByOne({ filename, streamId, count }: Extract<WorkerCommand, { kind: 'append' }>): Promise<number[]> {
  const store = new SqliteEventStore({ filename });
  const positions: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const metadata = {
      eventId: randomUUID(),
      schemaVersion: 1,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: `system:worker-${process.pid}`,
      occurredAt: new Date().toISOString(),
    };
    const data = { pid: process.pid, index };
    const result = await store.appendToStream(streamId, [{ type: 'WorkerEvent', data, metadata }], { expectedRevision: 'any' });
    positions.push(result.position);
  }
  await store.close();
  return positions;
}

async function allocateOneByOne({ filename, sequenceName, count }: Extract<WorkerCommand, { kind: 'allocate' }>): Promise<number[]> {
  const allocator = new SqliteSequenceAllocator({ filename });
  const values: number[] = [];
  for (let index = 0; index < count; index += 1) values.push(await allocator.next(sequenceName));
  await allocator.close();
  return values;
}

async function main(): Promise<void> {
  const command = JSON.parse(process.argv[2]) as WorkerCommand;
  const numbers = command.kind === 'append' ? await appendOneByOne(command) : await allocateOneByOne(command);
  process.stdout.write(JSON.stringify(numbers));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
