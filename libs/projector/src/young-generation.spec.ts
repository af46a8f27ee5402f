import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECTOR_SEMI_SPACE_MIB } from './young-generation';

const REPO = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const FLAG = `--max-semi-space-size=${PROJECTOR_SEMI_SPACE_MIB}`;

describe('the young generation of the processes that run a projector', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it.each(['start:projector', 'projections:rebuild', 'bench'])('npm run %s starts node with it', (script) => {
    expect(scripts[script]).toContain(`node ${FLAG} `);
  });

  it('the compose projector service starts with it', () => {
    expect(read('docker-compose.yml')).toContain(`command: ["node", "${FLAG}", "dist/apps/projector/apps/projector/src/main.js"]`);
  });
});
