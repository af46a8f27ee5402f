import { Actor, BusinessCalendar, CaseDecider, caseStreamId, createCaseDecider, Role } from '@app/domain';
import { actors, CASE_ID, FILED_AT, fileClaimCommand } from '@app/domain/testing/case-histories';
import { EventStore, SequenceAllocator } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { createTempDatabase } from '@app/event-store/testing/temp-database';
import { Assignees } from '../directory/assignees';
import { DirectoryUsers } from '../directory/directory-users';
import { ManualClock } from '../storage/manual-clock';
import { CaseCommandInput, CaseCommandService } from './case-command.service';
import type { CommandContext } from './command-context';
import { DirectoryCommandService } from './directory-command.service';
import { FilingNumbers, UNNUMBERED } from './filing-numbers';

/** What the command path asked of its collaborators, counted. */
interface Calls {
  decide: number;
  readStream: number;
  append: number;
  numbers: string[];
}

const ADMIN: Actor = { id: 'adm-adela', roles: ['admin'] };

describe('CaseCommandService: load, decide, append, retried as one unit', () => {
  let database: ReturnType<typeof createTempDatabase>;
  let store: SqliteEventStore;
  let calls: Calls;
  /** Runs once, just before the command path's next append reaches the store (a competing writer). */
  let beforeNextAppend: (() => Promise<void>) | undefined;
  let commands: CaseCommandService;

  const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({ actor: actors.agent, requestHash: 'hash', correlationId: 'test', ...overrides });
  const filing = (overrides: Parameters<typeof fileClaimCommand>[0] = {}): CaseCommandInput => {
    const { actor: _actor, at: _at, ...input } = fileClaimCommand({ filingNumber: UNNUMBERED, ...overrides });
    return input;
  };
  const storedTypes = async () => (await store.readStream(caseStreamId(CASE_ID))).map((event) => event.type);

  /** A user in the directory, written to the store beside the counted one (the counts are the case's). */
  const directory = () => new DirectoryCommandService(store, new ManualClock(new Date(FILED_AT)));
  const createUser = (userId: string, roles: Role[]) =>
    directory().user({ type: 'CreateUser', data: { userId, displayName: userId, email: `${userId}@example.test`, roles, teamIds: [] } }, context({ actor: ADMIN }));
  const assign = (backofficeId: string, overrides: Partial<CommandContext> = {}) =>
    commands.execute(CASE_ID, { type: 'AssignCase', data: { backofficeId } }, context({ actor: actors.supervisor, ...overrides }));

  beforeEach(async () => {
    database = createTempDatabase();
    store = new SqliteEventStore({ filename: database.filename });
    calls = { decide: 0, readStream: 0, append: 0, numbers: [] };
    beforeNextAppend = undefined;
    const counted: EventStore = Object.create(store, {
      readStream: { value: (...args: Parameters<EventStore['readStream']>) => (calls.readStream++, store.readStream(...args)) },
      appendToStream: {
        value: async (...args: Parameters<EventStore['appendToStream']>) => {
          calls.append++;
          const competing = beforeNextAppend;
          beforeNextAppend = undefined;
          await competing?.();
          return store.appendToStream(...args);
        },
      },
    });
    const calendar = new BusinessCalendar();
    const real = createCaseDecider(calendar);
    const decider: CaseDecider = { ...real, decide: (command, state) => (calls.decide++, real.decide(command, state)) };
    let last = 0;
    const sequences: SequenceAllocator = {
      next: async (name) => {
        calls.numbers.push(name);
        return ++last;
      },
      close: async () => {},
    };
    commands = new CaseCommandService(counted, decider, new FilingNumbers(sequences, calendar), new ManualClock(new Date(FILED_AT)), new Assignees(new DirectoryUsers(store)));
  });
  afterEach(async () => {
    await store.close();
    database.remove();
  });

  it('decides a filing once, then numbers the decided CaseFiled and appends it', async () => {
    const outcome = await commands.execute(CASE_ID, filing(), context());

    expect(calls).toEqual({ decide: 1, readStream: 1, append: 1, numbers: ['filing-2026'] });
    expect(outcome.events.map((event) => event.type)).toEqual(['CaseFiled', 'CaseTypified']);
    expect(outcome.events[0].data).toMatchObject({ filingNumber: '2026-000001' });
    const [stored] = await store.readStream(caseStreamId(CASE_ID));
    expect(stored.data).toMatchObject({ filingNumber: '2026-000001', filedAt: '2026-03-02T10:00:00.000-05:00' });
    expect(outcome).toMatchObject({ caseId: CASE_ID, revision: 1, position: 2, replayed: false });
  });

  it('uses no filing number for a filing the decider refuses', async () => {
    await expect(commands.execute(CASE_ID, filing({ consent: null }), context())).rejects.toMatchObject({ code: 'CASE.CONSENT_REQUIRED' });

    expect(calls).toMatchObject({ decide: 1, append: 0, numbers: [] });
    expect(await storedTypes()).toEqual([]);
  });

  it('keeps the number a filing is sent with', async () => {
    const outcome = await commands.execute(CASE_ID, filing({ filingNumber: '2026-000042' }), context());

    expect(calls.numbers).toEqual([]);
    expect(outcome.events[0].data).toMatchObject({ filingNumber: '2026-000042' });
  });

  it('answers a retried filing (same Idempotency-Key) with its first result: nothing decided, numbered or appended', async () => {
    const first = await commands.execute(CASE_ID, filing(), context({ idempotencyKey: 'key-1' }));
    calls = { decide: 0, readStream: 0, append: 0, numbers: [] };

    const retry = await commands.execute(CASE_ID, filing(), context({ idempotencyKey: 'key-1' }));

    expect(calls).toEqual({ decide: 0, readStream: 1, append: 0, numbers: [] });
    expect(retry).toEqual({ ...first, replayed: true });
  });

  it('on a conflict, loads, decides and appends again on the state the competing command left', async () => {
    await createUser(actors.backoffice.id, ['backoffice']);
    await createUser(actors.otherBackoffice.id, ['backoffice']);
    await commands.execute(CASE_ID, filing(), context());
    beforeNextAppend = async () => {
      await commands.execute(CASE_ID, { type: 'AssignCase', data: { backofficeId: actors.otherBackoffice.id } }, context({ actor: actors.supervisor }));
    };
    calls = { decide: 0, readStream: 0, append: 0, numbers: [] };

    const outcome = await commands.execute(CASE_ID, { type: 'AssignCase', data: { backofficeId: actors.backoffice.id } }, context({ actor: actors.supervisor }));

    // Ours twice (before and after the conflict), the competing one once.
    expect(calls).toMatchObject({ decide: 3, readStream: 3, append: 3 });
    expect(outcome).toMatchObject({ revision: 3, replayed: false });
    expect(outcome.events).toEqual([{ type: 'CaseAssigned', data: expect.objectContaining({ backofficeId: actors.backoffice.id, previousBackofficeId: actors.otherBackoffice.id }) }]);
    expect(await storedTypes()).toEqual(['CaseFiled', 'CaseTypified', 'CaseAssigned', 'CaseAssigned']);
  });

  it('refuses a command on a case that does not exist before looking at If-Match', async () => {
    const assign = { type: 'AssignCase', data: { backofficeId: actors.backoffice.id } } as const;
    await expect(commands.execute(CASE_ID, assign, context({ actor: actors.supervisor, expectedRevision: 3 }))).rejects.toMatchObject({ code: 'CASE.NOT_FOUND' });
    expect(calls).toMatchObject({ decide: 0, append: 0 });
  });

  describe('an assignment goes only to an active user with the backoffice role (USER.NOT_ASSIGNABLE)', () => {
    beforeEach(async () => {
      await commands.execute(CASE_ID, filing(), context());
      await createUser(actors.backoffice.id, ['backoffice']);
      await createUser('sup-sara', ['supervisor']);
    });

    it.each([
      ['nobody the directory knows', 'nadie-existe-xyz'],
      ['a user without the backoffice role', 'sup-sara'],
    ])('given %s, then 422 naming them and nothing appended', async (_, userId) => {
      await expect(assign(userId)).rejects.toMatchObject({ code: 'USER.NOT_ASSIGNABLE', kind: 'rule', details: { userIds: [userId] } });
      expect(await storedTypes()).toEqual(['CaseFiled', 'CaseTypified']);
    });

    it('given a deactivated backoffice user, then refused; reactivated, then assigned', async () => {
      await directory().user({ type: 'DeactivateUser', data: { userId: actors.backoffice.id } }, context({ actor: ADMIN }));
      await expect(assign(actors.backoffice.id)).rejects.toMatchObject({ code: 'USER.NOT_ASSIGNABLE' });
      await directory().user({ type: 'ReactivateUser', data: { userId: actors.backoffice.id } }, context({ actor: ADMIN }));
      await expect(assign(actors.backoffice.id)).resolves.toMatchObject({ revision: 2 });
    });

    it("given a retry of an assignment (same Idempotency-Key) after its assignee was deactivated, then the first result again", async () => {
      const first = await assign(actors.backoffice.id, { idempotencyKey: 'key-1' });
      await directory().user({ type: 'DeactivateUser', data: { userId: actors.backoffice.id } }, context({ actor: ADMIN }));
      expect(await assign(actors.backoffice.id, { idempotencyKey: 'key-1' })).toEqual({ ...first, replayed: true });
    });

    it("given a case the decider refuses (the same agent again), then the case's error comes first", async () => {
      await assign(actors.backoffice.id);
      await directory().user({ type: 'DeactivateUser', data: { userId: actors.backoffice.id } }, context({ actor: ADMIN }));
      await expect(assign(actors.backoffice.id)).rejects.toMatchObject({ code: 'CASE.ALREADY_ASSIGNED' });
    });
  });
});
