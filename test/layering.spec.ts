import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layering's nevers (.dependency-cruiser.js) over the whole tree, on every `npm test`; and the
 * same rules over a fixture tree that breaks each of them once, to show that each one fails.
 */
const REPO = join(__dirname, '..');
const CONFIG = join(REPO, '.dependency-cruiser.js');
const DEPCRUISE = join(REPO, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function violationsOf(run: ReturnType<typeof spawnSync>): Violation[] {
  const output = String(run.stdout);
  if (!output.trim().startsWith('{')) throw new Error(`dependency-cruiser gave no report: ${String(run.stderr)}`);
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

const readable = (violations: Violation[]) => violations.map(({ rule, from, to }) => `${rule.name}: ${from} -> ${to}`);

describe('the layering (dependency-cruiser)', () => {
  it('the tree breaks none of its rules (npm run layering shows them with their paths)', () => {
    const run = spawnSync('npm', ['run', '--silent', 'layering', '--', '--output-type', 'json'], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 << 20 });
    expect(readable(violationsOf(run))).toEqual([]);
  });

  it('fails each rule on a tree that breaks it, and lets tests build the HTTP app', () => {
    const fixture = join(__dirname, 'fixtures', 'layering');
    const run = spawnSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'json', 'apps', 'libs', 'projections', 'test'], { cwd: fixture, encoding: 'utf8' });
    const violations = violationsOf(run);
    const rules = (require(CONFIG) as { forbidden: Array<{ name: string }> }).forbidden.map((rule) => rule.name);

    expect([...new Set(violations.map((violation) => violation.rule.name))].sort()).toEqual([...rules].sort());
    expect(readable(violations)).toEqual(
      expect.arrayContaining([
        'apps-never-import-apps: apps/projector/src/main.ts -> apps/api/src/secret.ts',
        'domain-imports-no-other-part: libs/domain/src/rule.ts -> libs/read-store/src/read-store.port.ts',
        'event-store-and-read-store-apart: libs/read-store/src/read-store.port.ts -> libs/event-store/src/event-store.port.ts',
        'only-apps-import-apps: libs/projector/src/engine.ts -> apps/api/src/secret.ts',
        'tests-and-benchmarks-reach-the-api-by-its-entry: test/support/test-app.ts -> apps/api/src/secret.ts',
        'projections-reach-no-store-adapter: projections/src/case-view.projection.ts -> libs/event-store/src/sqlite-event-store.adapter.ts',
        'projections-reach-no-mail-transport: projections/src/case-view.projection.ts -> libs/mail/src/transport/smtp.transport.ts',
        'barrels-export-no-drivers: libs/event-store/src/index.ts -> libs/event-store/src/sqlite-event-store.adapter.ts',
        'the-portal-reaches-only-the-contract: apps/portal/src/main.ts -> libs/domain/src/rule.ts',
      ]),
    );
    expect(violations.filter((violation) => violation.to === 'apps/api/src/index.ts')).toEqual([]);
  });
});
