'use strict';
/**
 * `npm start` and `npm run start:projector`: `node scripts/start.js <api|projector>` builds the app
 * (and for the API, the customer portal it serves) only when its sources changed since its last
 * build, then runs the built output in this process
 * (so node's own flags, such as the projector's --max-semi-space-size, apply to the app).
 * Plain JavaScript, so that a restart loads no TypeScript compiler.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

/** Where each app's build goes and the file that starts it: the one place that knows the dist layout. */
const APPS = {
  api: { outDir: 'dist/apps/api', main: 'dist/apps/api/apps/api/src/main.js' },
  projector: { outDir: 'dist/apps/projector', main: 'dist/apps/projector/apps/projector/src/main.js' },
};
/** The customer portal (apps/portal): a Vite build the API serves, so `npm start api` builds it too. */
const PORTAL = { outDir: 'dist/portal', main: 'dist/portal/index.html' };

/** What a Nest build reads: the source trees (tests and the portal aside, which it does not compile) and the root settings. */
const NEST_INPUTS = {
  dirs: ['apps', 'libs', 'projections'],
  skip: [join('apps', 'portal')],
  rootFiles: ['tsconfig.json', 'nest-cli.json', 'package-lock.json'],
  isInput: (name) => (name.endsWith('.ts') || name.endsWith('.json')) && !name.endsWith('.spec.ts'),
};
/** What the portal's build reads: its own tree and the API contract it is typed against. */
const PORTAL_INPUTS = {
  dirs: [join('apps', 'portal'), join('libs', 'api-contract')],
  skip: [],
  rootFiles: ['package-lock.json'],
  isInput: (name) => /\.(tsx?|css|html|json|mjs|svg)$/.test(name) && !/\.spec\.tsx?$/.test(name),
};

const nestBuild = (app) => [[require.resolve('@nestjs/cli/bin/nest.js'), 'build', app]];
/** Type-checked first: a contract change that breaks the portal stops its build. */
const portalBuild = () => [
  [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', join('apps', 'portal', 'tsconfig.json')],
  [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', join('apps', 'portal', 'vite.config.mjs'), '--logLevel', 'warn'],
];

/** Everything `needsBuild` can build: its output, the file a finished build leaves, what it reads and how it is built. */
const BUILDS = {
  api: { ...APPS.api, inputs: NEST_INPUTS, commands: () => nestBuild('api') },
  projector: { ...APPS.projector, inputs: NEST_INPUTS, commands: () => nestBuild('projector') },
  portal: { ...PORTAL, inputs: PORTAL_INPUTS, commands: portalBuild },
};
const STAMP_FILE = '.sources-fingerprint';

function filesUnder(root, dir, inputs) {
  const path = join(root, dir);
  if (!existsSync(path) || inputs.skip.includes(dir)) return [];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const child = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(root, child, inputs);
    return entry.isFile() && inputs.isInput(entry.name) ? [join(root, child)] : [];
  });
}

/** Path, size and modification time of every input of a build: a touched, added or deleted file changes it. */
function sourceFingerprint(root, build = 'api') {
  const { inputs } = BUILDS[build];
  const files = [...inputs.dirs.flatMap((dir) => filesUnder(root, dir, inputs)), ...inputs.rootFiles.map((file) => join(root, file)).filter(existsSync)];
  const lines = files.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return `${relative(root, file)}\t${size}\t${mtimeMs}`;
  });
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

const stampPath = (root, build) => join(root, BUILDS[build].outDir, STAMP_FILE);

/** True when the build is missing or unfinished, or its inputs changed since the build its stamp records. */
function needsBuild(root, build) {
  const stamp = stampPath(root, build);
  if (!existsSync(join(root, BUILDS[build].main)) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8') !== sourceFingerprint(root, build);
}

/** Records what the build just made was built from (taken before it, so an edit made during it builds again). */
function writeStamp(root, build, fingerprint) {
  writeFileSync(stampPath(root, build), fingerprint);
}

function buildIfChanged(root, build) {
  if (!needsBuild(root, build)) return;
  const fingerprint = sourceFingerprint(root, build);
  for (const args of BUILDS[build].commands()) {
    const step = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (step.status !== 0) process.exit(step.status ?? 1);
  }
  writeStamp(root, build, fingerprint);
}

if (require.main === module) {
  const app = process.argv[2];
  if (!Object.hasOwn(APPS, app)) {
    console.error(`usage: node scripts/start.js <${Object.keys(APPS).join('|')}>`);
    process.exit(2);
  }
  const root = resolve(__dirname, '..');
  buildIfChanged(root, app);
  if (app === 'api') buildIfChanged(root, 'portal');
  require(join(root, APPS[app].main));
}

module.exports = { APPS, PORTAL, needsBuild, sourceFingerprint, writeStamp };
