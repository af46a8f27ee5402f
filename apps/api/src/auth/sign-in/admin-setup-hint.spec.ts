import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { DirectoryReads } from '../../directory/directory.reads';
import { AdminSetupHint, NO_ADMIN_HINT } from './admin-setup-hint';

const behind = () => new ServiceUnavailableException({ code: 'READ_MODEL.BEHIND', message: 'behind' });
const events = { headPosition: async () => 42 } as unknown as EventStore;

/** Runs the start-up check against reads that answer in turn, and returns what it warned. */
async function hintsWith(answers: Array<() => Promise<{ items: unknown[] }>>): Promise<string[]> {
  const warned: string[] = [];
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warned.push(String(message)));
  let call = 0;
  const reads = { listUsers: () => answers[Math.min(call++, answers.length - 1)]() } as unknown as DirectoryReads;
  new AdminSetupHint(reads, events).onApplicationBootstrap();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return warned;
}

describe('the hint at start-up when the directory has no admin', () => {
  afterEach(() => jest.restoreAllMocks());

  it('says how to create one, once, after waiting for a read model that was behind', async () => {
    expect(await hintsWith([() => Promise.reject(behind()), async () => ({ items: [] })])).toEqual([NO_ADMIN_HINT]);
  });

  it('says nothing when an active admin exists, or when the read fails otherwise', async () => {
    expect(await hintsWith([async () => ({ items: [{ userId: 'admin-ada' }] })])).toEqual([]);
    expect(await hintsWith([() => Promise.reject(new Error('closed'))])).toEqual([]);
  });
});
