import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './test-app';

const REPO_ROOT = join(__dirname, '..', '..');

/** Runs `npm run users:create-admin`'s launcher as an operator would, on the embedded stores in `dataDir`, the password piped on stdin. */
export async function runCreateAdmin(dataDir: string, args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET };
  delete env.EVENTSTORE_URL;
  delete env.MONGODB_URL;
  const child = spawn(process.execPath, ['scripts/create-admin.js', ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
