import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the client types generated from /docs-json are kept (committed: the suites type-check against them). */
export const GENERATED_TYPES_PATH = 'libs/api-contract/src/pqr-api.ts';

const CLI = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

/**
 * The TypeScript types the openapi-typescript CLI writes for the document, as a client team would
 * generate them (in a child process: the CLI is an ES module Jest cannot load).
 */
export function generatedTypes(document: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'pqr-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    execFileSync(process.execPath, [CLI, join(dir, 'openapi.json'), '--output', join(dir, 'pqr-api.ts')], { stdio: 'pipe' });
    return readFileSync(join(dir, 'pqr-api.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
