import { OneAtATime } from './one-at-a-time';

describe('OneAtATime', () => {
  const later = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('runs tasks of one key one after the other, in arrival order, and tasks of other keys alongside', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await later();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run('a', task('a1')), queue.run('a', task('a2')), queue.run('b', task('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('runs the next task of a key after a failed one, and gives each caller its own outcome', async () => {
    const queue = new OneAtATime();
    const failed = queue.run('a', () => Promise.reject(new Error('refused')));
    const next = queue.run('a', async () => 'filed');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('filed');
  });
});
