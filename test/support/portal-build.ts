import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const bin = (path: string) => join(REPO, 'node_modules', path);

function run(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `vite build` of apps/portal into outDir, as `npm run build` runs it (in a child process: Vite is an ES module). */
export const buildPortal = (outDir: string) =>
  run([bin('vite/bin/vite.js'), 'build', '--config', 'apps/portal/vite.config.mjs', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);

/** `tsc --noEmit` over the portal with the given tsconfig (apps/portal/tsconfig.json, or one that extends it). */
export const typecheckPortal = (tsconfig = 'apps/portal/tsconfig.json') => run([bin('typescript/bin/tsc'), '--noEmit', '-p', tsconfig]);
