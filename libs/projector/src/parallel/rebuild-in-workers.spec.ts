import { join } from 'node:path';
import { PROJECTOR_YOUNG_GENERATION_MIB } from '../young-generation';
import { rebuildInWorkers } from './rebuild-in-workers';

const fixture = (name: string) => join(__dirname, 'fixtures', `${name}.cjs`);

describe('rebuildInWorkers', () => {
  it('starts one worker per group and resolves with the statuses of every projection', async () => {
    const progress: Array<[number, number]> = [];
    const statuses = await rebuildInWorkers({ entry: fixture('finishing-worker'), groups: [['case-view', 'reports'], ['sla-timers']], onProgress: (position, head) => progress.push([position, head]) });
    expect(statuses.map(({ name, position }) => ({ name, position }))).toEqual([
      { name: 'case-view', position: 100 },
      { name: 'reports', position: 100 },
      { name: 'sla-timers', position: 100 },
    ]);
    // The progress is the slowest worker's: it reaches the head only once both workers have.
    expect(progress.filter(([position]) => position === 100)).toHaveLength(1);
    expect(progress.at(-1)).toEqual([100, 100]);
  });

  it('gives every worker the larger young generation a rebuild needs', async () => {
    const statuses = await rebuildInWorkers({ entry: fixture('limits-worker'), groups: [['case-view'], ['reports']] });
    expect(statuses.map(({ position }) => position)).toEqual([PROJECTOR_YOUNG_GENERATION_MIB, PROJECTOR_YOUNG_GENERATION_MIB]);
  });

  it('rejects with the error of a worker that fails', async () => {
    await expect(rebuildInWorkers({ entry: fixture('dying-worker'), groups: [['case-view']] })).rejects.toThrow('could not open the read store');
  });

  it('rejects, naming its projections, when a worker exits without its statuses', async () => {
    await expect(rebuildInWorkers({ entry: fixture('vanishing-worker'), groups: [['case-view', 'reports']] })).rejects.toThrow(
      'The rebuild worker of case-view, reports exited (code 3) before it finished',
    );
  });
});
