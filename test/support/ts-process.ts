import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { TEST_JWT_SECRET, UNTHROTTLED } from './test-app';

const REPO_ROOT = join(__dirname, '..', '..');
const OUTPUT_LIMIT = 20_000;

/** One of our entry points (`apps/…/main.ts`, `scripts/…`) run with ts-node in its own process, so that a test can SIGKILL it. */
export interface TsProcess {
  child: ChildProcess;
  /** The tail of its stdout and stderr, for failure messages. */
  output(): string;
  /** True once the process has exited, whatever the reason. */
  exited(): boolean;
  /** Sends `signal` (SIGKILL by default) and waits until the process is gone; a no-op when it already is. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<TsProcess>();
// Should the test process die first, its children must not outlive it.
process.once('exit', () => {
  for (const started of running) started.child.kill('SIGKILL');
});

/** Starts `entry` (relative to the repository) with `args`, DATA_DIR and the test JWT secret, plus `env`. */
export function startTsProcess(entry: string, options: { dataDir: string; env?: Record<string, string>; args?: string[] }): TsProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, PUBLIC_RATE_LIMIT: UNTHROTTLED, PUBLIC_CASE_RATE_LIMIT: UNTHROTTLED, LOG_LEVEL: 'warn', ...options.env, DATA_DIR: options.dataDir, JWT_SECRET: TEST_JWT_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exit = once(child, 'exit');
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const started: TsProcess = {
    child,
    output: () => output,
    exited: hasExited,
    stop: async (signal = 'SIGKILL') => {
      if (!hasExited()) {
        child.kill(signal);
        // A graceful signal gets 10 s; then the process is killed outright, so that no test hangs on it.
        const grace = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        if (grace) clearTimeout(grace);
      }
      running.delete(started);
    },
  };
  running.add(started);
  void exit.then(() => running.delete(started));
  return started;
}

/** For afterAll: kills every child process still running, whatever happened in the tests. */
export async function stopAllTsProcesses(): Promise<void> {
  await Promise.all([...running].map((started) => started.stop('SIGKILL')));
}
