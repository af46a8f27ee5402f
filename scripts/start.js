'use strict';
/**
 * `npm start` and `npm run start:projector`: `node scripts/start.js <api|projector>` builds the app
 * only when its sources changed since its last build, then runs the built output in this process
 * (so node's own flags, such as the projector's --max-semi-space-size, apply to the app).
 * Plain JavaScript, so that a restart loads no TypeScript compiler.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

/** Where each app's build goes and the file that starts it: the one place that knows the dist layout. */
const APPS = {
  api: { outDir: 'dist/apps/api', main: 'dist/apps/api/apps/api/src/main.js' },
  projector: { outDir: 'dist/apps/projector', main: 'dist/apps/projector/apps/projector/src/main.js' },
};

/** What a build reads: the source trees (tests aside, which no build compiles) and the root settings. */
const SOURCE_DIRS = ['apps', 'libs', 'projections'];
const ROOT_FILES = ['tsconfig.json', 'nest-cli.json', 'package-lock.json'];
const STAMP_FILE = '.sources-fingerprint';

const isBuildInput = (name) => (name.endsWith('.ts') || name.endsWith('.json')) && !name.endsWith('.spec.ts');

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return entry.isFile() && isBuildInput(entry.name) ? [path] : [];
  });
}

/** Path, size and modification time of every build input: a touched, added or deleted file changes it. */
function sourceFingerprint(root) {
  const files = [...SOURCE_DIRS.flatMap((dir) => filesUnder(join(root, dir))), ...ROOT_FILES.map((file) => join(root, file)).filter(existsSync)];
  const lines = files.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return `${relative(root, file)}\t${size}\t${mtimeMs}`;
  });
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

const stampPath = (root, app) => join(root, APPS[app].outDir, STAMP_FILE);

/** True when the app has no complete build, or its sources changed since the build its stamp records. */
function needsBuild(root, app) {
  const stamp = stampPath(root, app);
  if (!existsSync(join(root, APPS[app].main)) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8') !== sourceFingerprint(root);
}

/** Records what the build just made was built from (taken before it, so an edit made during it builds again). */
function writeStamp(root, app, fingerprint) {
  writeFileSync(stampPath(root, app), fingerprint);
}

function buildIfChanged(root, app) {
  if (!needsBuild(root, app)) return;
  const fingerprint = sourceFingerprint(root);
  const build = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeStamp(root, app, fingerprint);
}

if (require.main === module) {
  const app = process.argv[2];
  if (!Object.hasOwn(APPS, app)) {
    console.error(`usage: node scripts/start.js <${Object.keys(APPS).join('|')}>`);
    process.exit(2);
  }
  const root = resolve(__dirname, '..');
  buildIfChanged(root, app);
  require(join(root, APPS[app].main));
}

module.exports = { APPS, needsBuild, sourceFingerprint, writeStamp };
