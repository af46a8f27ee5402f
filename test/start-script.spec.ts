import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { APPS, needsBuild, PORTAL, sourceFingerprint, writeStamp } from '../scripts/start';

describe('npm start builds only when the sources changed since the last build', () => {
  let root: string;
  const write = (file: string, text = 'export const x = 1;\n') => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const build = () => {
    write(APPS.api.main, '// built\n');
    writeStamp(root, 'api', sourceFingerprint(root));
  };
  const touch = (file: string) => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, file), later, later);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'start-script-'));
    write('apps/api/src/main.ts');
    write('libs/domain/src/index.ts');
    write('projections/src/case-view/case-view.ts');
    write('tsconfig.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds a fresh clone (no dist)', () => {
    expect(needsBuild(root, 'api')).toBe(true);
  });

  it('does not build an unchanged tree', () => {
    build();
    expect(needsBuild(root, 'api')).toBe(false);
  });

  it.each(['apps/api/src/main.ts', 'libs/domain/src/index.ts', 'projections/src/case-view/case-view.ts', 'tsconfig.json'])(
    'builds when %s was touched',
    (file) => {
      build();
      touch(file);
      expect(needsBuild(root, 'api')).toBe(true);
    },
  );

  it('builds when a source file was added or deleted', () => {
    build();
    write('libs/domain/src/new-rule.ts');
    expect(needsBuild(root, 'api')).toBe(true);
    build();
    unlinkSync(join(root, 'libs/domain/src/new-rule.ts'));
    expect(needsBuild(root, 'api')).toBe(true);
  });

  it('builds when the built entry file or the stamp is missing (a build that did not finish)', () => {
    build();
    unlinkSync(join(root, APPS.api.main));
    expect(needsBuild(root, 'api')).toBe(true);
    build();
    rmSync(join(root, APPS.api.outDir, '.sources-fingerprint'));
    expect(needsBuild(root, 'api')).toBe(true);
  });

  it('does not build for a touched test, which no build compiles', () => {
    write('libs/domain/src/index.spec.ts');
    build();
    touch('libs/domain/src/index.spec.ts');
    expect(needsBuild(root, 'api')).toBe(false);
  });

  it('keeps one stamp per app: building the API leaves the projector to build', () => {
    build();
    expect(needsBuild(root, 'projector')).toBe(true);
  });

  describe('the customer portal the API serves', () => {
    const buildPortal = () => {
      write(PORTAL.main, '<!doctype html>\n');
      writeStamp(root, 'portal', sourceFingerprint(root, 'portal'));
    };
    beforeEach(() => {
      write('apps/portal/src/main.tsx');
      write('apps/portal/src/styles.css', 'main {}\n');
      write('apps/portal/index.html', '<!doctype html>\n');
      write('libs/api-contract/src/pqr-api.ts');
      write('package-lock.json', '{}');
    });

    it('builds on a fresh clone, and not again while nothing changed', () => {
      expect(needsBuild(root, 'portal')).toBe(true);
      buildPortal();
      expect(needsBuild(root, 'portal')).toBe(false);
    });

    it.each(['apps/portal/src/main.tsx', 'apps/portal/src/styles.css', 'apps/portal/index.html', 'libs/api-contract/src/pqr-api.ts', 'package-lock.json'])(
      'builds when %s was touched',
      (file) => {
        buildPortal();
        touch(file);
        expect(needsBuild(root, 'portal')).toBe(true);
      },
    );

    it('is not rebuilt for the API\'s sources, nor the API for its own', () => {
      build();
      buildPortal();
      touch('libs/domain/src/index.ts');
      expect(needsBuild(root, 'portal')).toBe(false);
      build();
      touch('apps/portal/src/main.tsx');
      expect({ api: needsBuild(root, 'api'), portal: needsBuild(root, 'portal') }).toEqual({ api: false, portal: true });
    });
  });
});

describe('the start commands', () => {
  const scripts = (require('../package.json') as { scripts: Record<string, string> }).scripts;

  it.each([
    ['start', 'api'],
    ['start:projector', 'projector'],
  ])('npm run %s goes through scripts/start.js %s', (script, app) => {
    expect(scripts[script]).toMatch(new RegExp(`^node (--\\S+ )*scripts/start\\.js ${app}$`));
  });

  it('npm run build builds the portal too, type-checked against the contract first', () => {
    expect(scripts.build).toContain('npm run build:portal');
    expect(scripts['build:portal']).toBe('tsc --noEmit -p apps/portal && vite build --config apps/portal/vite.config.mjs');
  });
});
