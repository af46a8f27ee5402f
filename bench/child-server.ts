import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const REPO_ROOT = join(__dirname, '..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_CHARS = 4_000;

const running = new Set<ChildProcess>();

export interface ChildServer {
  url: string;
  /** The last lines the server printed, for error messages. */
  output(): string;
  /** CPU seconds (user + system) the server has used so far; undefined where /proc is missing. */
  cpuSeconds(): number | undefined;
  /** SIGTERM (graceful: the API closes its store), SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point (relative to the repository) in its own Node process, the way
 * `npm run bench` itself runs (ts-node transpile-only + tsconfig-paths), and waits until it answers HTTP.
 */
export async function startChildServer(
  entry: string,
  /** Added to this process's environment; `undefined` removes a variable. */
  env: Record<string, string | undefined>,
  extraNodeArgs: string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env, PORT: String(port) }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const child = spawn(
    process.execPath,
    [...extraNodeArgs, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout!.on('data', keep); // always drained, so a chatty server never blocks on a full pipe
  child.stderr!.on('data', keep);
  const server: ChildServer = {
    url: `http://127.0.0.1:${port}`,
    output: () => tail,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () => stopChild(child),
  };
  try {
    await waitUntilAnswering(server.url, child);
  } catch (error) {
    await server.stop();
    throw new Error(`${entry} did not start: ${(error as Error).message}\n--- its output ---\n${tail}`);
  }
  return server;
}

/** Synchronous last resort (process exit, Ctrl-C): kills every server still running. */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) }); // any HTTP answer (even 404) means it listens
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`no HTTP answer within ${START_TIMEOUT_MS / 1000} s`);
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processCpuSeconds(pid: number | undefined): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** A port free right now on loopback (the child binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
