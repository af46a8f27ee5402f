import { execFile } from 'child_process';
import * as path from 'path';
import type { WorkerCommand } from './sqlite-worker';

const WORKER = path.join(__dirname, 'sqlite-worker.ts');

/** Runs `command` in a new Node process (see sqlite-worker.ts) and resolves with what it printed. */
export function runSqliteWorker(command: WorkerCommand): Promise<number[]> {
  const args = ['-r', require.resolve('ts-node/register/transpile-only'), WORKER, JSON.stringify(command)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: path.resolve(__dirname, '../../../..') }, (error, stdout, stderr) => {
      if (error) reject(new Error(`Worker failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as number[]);
    });
  });
}
