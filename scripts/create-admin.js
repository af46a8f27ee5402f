'use strict';
/**
 * `npm run users:create-admin`: runs apps/api/src/create-admin.ts with ts-node where the sources and
 * the dev dependencies are (a checkout), else its build under dist (the container image, where dev
 * dependencies are pruned and only dist ships). Plain JavaScript, like scripts/start.js.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const source = join(root, 'apps', 'api', 'src', 'create-admin.ts');
const built = join(root, 'dist', 'apps', 'api', 'apps', 'api', 'src', 'create-admin.js');

function resolvable(name) {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && resolvable('ts-node') && resolvable('tsconfig-paths')) {
  require(require.resolve('ts-node', { paths: [root] })).register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
  require(require.resolve('tsconfig-paths/register', { paths: [root] }));
  require(source);
} else if (existsSync(built)) {
  require(built);
} else {
  console.error(`Neither the sources with ts-node nor a build (${built}): run \`npx nest build api\` first`);
  process.exit(2);
}
