import { ChildProcess, spawn } from 'child_process';
import { once } from 'events';
import * as path from 'path';
import { READY, WorkerCommand } from './sqlite-worker';

const WORKER = path.join(__dirname, 'sqlite-worker.ts');
const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');

/**
 * Runs each command in its own Node process (see sqlite-worker.ts), starting their work together
 * once all are ready, so they really contend for the database. Resolves with what each printed.
 */
export async function runSqliteWorkersTogether(commands: WorkerCommand[]): Promise<number[][]> {
  const workers = commands.map(startWorker);
  try {
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.process.stdin?.write('go\n');
    return await Promise.all(workers.map((worker) => worker.result));
  } finally {
    for (const worker of workers) if (worker.process.exitCode === null) worker.process.kill();
  }
}

function startWorker(command: WorkerCommand): { process: ChildProcess; ready: Promise<void>; result: Promise<number[]> } {
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-r', require.resolve('tsconfig-paths/register'), WORKER, JSON.stringify(command)], {
    cwd: REPOSITORY_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let signalReady!: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith(`${READY}\n`)) signalReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const result = once(child, 'close').then(([exitCode]) => {
    if (exitCode !== 0) throw new Error(`SQLite worker exited with ${exitCode}: ${stderr}`);
    return JSON.parse(stdout.slice(READY.length + 1)) as number[];
  });
  // Marked handled: if another worker fails first, nobody awaits this one's result any more.
  result.catch(() => undefined);
  // A worker that dies before getting ready must not leave the caller waiting for it.
  return { process: child, ready: Promise.race([ready, result.then(() => undefined)]), result };
}
