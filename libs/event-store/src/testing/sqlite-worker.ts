/**
 * Run as a separate Node process by the SQLite specs, to write the same database file as other
 * processes at the same moment. Protocol: argument = one JSON WorkerCommand; the worker opens the
 * database, prints "ready", waits for a line on stdin, then works one request at a time and prints
 * a JSON array of numbers (positions or allocated values).
 */
import { randomUUID } from 'crypto';
import { once } from 'events';
import { SqliteEventStore } from '../sqlite-event-store.adapter';
import { SqliteSequenceAllocator } from '../sqlite-sequence-allocator.adapter';

export type WorkerCommand =
  | { kind: 'append'; filename: string; streamId: string; count: number }
  | { kind: 'allocate'; filename: string; sequenceName: string; count: number };

export const READY = 'ready';

async function appendOneByOne({ filename, streamId, count }: Extract<WorkerCommand, { kind: 'append' }>): Promise<number[]> {
  const store = new SqliteEventStore({ filename });
  await waitForGo();
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
    await pauseForOtherProcesses();
  }
  await store.close();
  return positions;
}

async function allocateOneByOne({ filename, sequenceName, count }: Extract<WorkerCommand, { kind: 'allocate' }>): Promise<number[]> {
  const allocator = new SqliteSequenceAllocator({ filename });
  await waitForGo();
  const values: number[] = [];
  for (let index = 0; index < count; index += 1) {
    values.push(await allocator.next(sequenceName));
    await pauseForOtherProcesses();
  }
  await allocator.close();
  return values;
}

/** Leaves the lock free for a moment, so the processes' requests interleave instead of running in turns. */
function pauseForOtherProcesses(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
}

async function waitForGo(): Promise<void> {
  process.stdout.write(`${READY}\n`);
  await once(process.stdin, 'data');
  process.stdin.pause();
}

async function main(): Promise<void> {
  const command = JSON.parse(process.argv[2]) as WorkerCommand;
  const numbers = command.kind === 'append' ? await appendOneByOne(command) : await allocateOneByOne(command);
  process.stdout.write(`${JSON.stringify(numbers)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
