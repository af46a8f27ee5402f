import { Test } from '@nestjs/testing';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { BusinessCalendar } from '@app/domain';
import { EVENT_STORE, SEQUENCE_ALLOCATOR } from '@app/event-store';
import { SqliteEventStore, SqliteSequenceAllocator } from '@app/event-store/sqlite';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { Assignees, CaseCommandService, caseDeciderProvider, ChangeCaseHandler, Clock, DirectoryCommandService, DirectoryUsers, FilingNumbers } from '@app/runtime';

/** One process's command path (CommandBus, decider, event store) and read store, on the SQLite files of `dir`. */
export interface CommandPath {
  events: SqliteEventStore;
  readStore: SqliteReadStore;
  calendar: BusinessCalendar;
  bus: CommandBus;
  commands: CaseCommandService;
  /** The user directory's command path (the assignable-people fixture creates the agents through it). */
  directory: DirectoryCommandService;
  /** Closes the module and the stores, once; like a killed process, nothing else is stopped. */
  close: () => Promise<void>;
}

export async function startCommandPath(dir: string, clock: Clock): Promise<CommandPath> {
  const events = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const sequences = new SqliteSequenceAllocator({ filename: join(dir, 'events.sqlite') });
  const readStore = new SqliteReadStore({ filename: join(dir, 'read-models.sqlite') });
  const calendar = new BusinessCalendar();
  const module = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [
      { provide: EVENT_STORE, useValue: events },
      { provide: SEQUENCE_ALLOCATOR, useValue: sequences },
      { provide: BusinessCalendar, useValue: calendar },
      { provide: Clock, useValue: clock },
      caseDeciderProvider,
      FilingNumbers,
      CaseCommandService,
      Assignees,
      DirectoryUsers,
      DirectoryCommandService,
      ChangeCaseHandler,
    ],
  }).compile();
  await module.init();
  let closed = false;
  return {
    events,
    readStore,
    calendar,
    bus: module.get(CommandBus),
    commands: module.get(CaseCommandService),
    directory: module.get(DirectoryCommandService),
    close: async () => {
      if (closed) return;
      closed = true;
      await module.close();
      await readStore.close();
      await sequences.close();
      await events.close();
    },
  };
}
