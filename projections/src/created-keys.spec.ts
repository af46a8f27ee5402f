import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { docKey } from '@app/projector/apply-events';
import type { Projection } from './projection';
import { teamsProjection } from './directory/teams.projection';
import { usersProjection } from './directory/users.projection';
import { EVERY_PROJECTION } from '@app/runtime/projections/testing/every-projection';
import { recordCaseEvents, withEventIds } from './testing/project';

const CASE_ID = '00000000-0000-4000-8000-0000000000cc';

const delivered = (sourceEventId: string): CaseEvent =>
  ({
    type: 'EmailDelivered',
    data: { sourceEventId, sourceEventType: 'CaseFiled', messageId: 'm', attempt: 1, deliveredBy: 'system:mail', deliveredAt: '2026-03-03T10:00:00-05:00' },
  }) as CaseEvent;

/** Every canned history, and one where the acknowledgement of the filing is delivered. */
const HISTORIES_TO_CHECK: [string, CaseEvent[]][] = [...Object.entries(HISTORIES), ['filed, then its acknowledgement delivered', [...HISTORIES.filed, delivered('evt-0')]]];

/** The documents each event of the history names, in order, and which of them it says it creates. */
function namedDocuments(projection: Projection, history: CaseEvent[]) {
  const events = withEventIds(recordCaseEvents(CASE_ID, history), (event) => `evt-${event.revision}`);
  const handled = new Set<string>(projection.handles);
  return events
    .filter((event) => handled.has(event.type))
    .map((event) => Object.values(projection.keysOf(event)).map((key) => ({ event: event.type, name: docKey(key), created: key.created === true })));
}

describe('DocKey.created: the projector does not look up a document an event says it creates', () => {
  it.each(EVERY_PROJECTION.map((projection) => [projection.name, projection] as const))(
    '%s: no document is created by an event after another event named it, in any canned history',
    (_name, projection) => {
      for (const [historyName, history] of HISTORIES_TO_CHECK) {
        const namedBefore = new Set<string>();
        for (const named of namedDocuments(projection, history)) {
          const createdAgain = named.filter(({ created, name }) => created && namedBefore.has(name));
          expect({ historyName, createdAgain }).toEqual({ historyName, createdAgain: [] });
          named.forEach(({ name }) => namedBefore.add(name));
        }
      }
    },
  );

  const CASE_PROJECTIONS = EVERY_PROJECTION.filter((projection) => (projection.handles as readonly string[]).includes('CaseFiled'));

  it.each(CASE_PROJECTIONS.map((projection) => [projection.name, projection] as const))('%s: the filing creates the documents keyed by its case', (_name, projection) => {
    const [filing] = namedDocuments(projection, HISTORIES.filed);
    const byCase = filing.filter(({ name }) => name.includes(CASE_ID));
    expect(byCase.length).toBeGreaterThan(0);
    expect(byCase.every(({ created }) => created)).toBe(true);
  });

  it('the directory: a user is created by UserCreated only, a team by TeamCreated', () => {
    const meta = { streamId: 'user-bo-beto', revision: 0, position: 1, metadata: { actorId: 'admin-ada', occurredAt: '2026-03-02T10:00:00-05:00' } };
    const created = { ...meta, type: 'UserCreated', data: { userId: 'bo-beto', displayName: 'Beto', email: 'b@e.co', roles: ['backoffice'], teamIds: [] } } as const;
    const deactivated = { ...meta, revision: 1, position: 2, type: 'UserDeactivated', data: { userId: 'bo-beto' } } as const;
    const team = { ...meta, streamId: 'team-t', type: 'TeamCreated', data: { teamId: 't', name: 'T' } } as const;
    const createdFlags = (projection: Projection, events: readonly object[]) => events.map((event) => Object.values(projection.keysOf(event as never)).map((key) => key.created === true));
    expect(createdFlags(usersProjection as Projection, [created, deactivated])).toEqual([[true], [false]]);
    expect(createdFlags(teamsProjection as Projection, [team])).toEqual([[true]]);
  });

  it('mail-outbox: a delivery attempt names the message of an earlier event, which it does not create', () => {
    const outbox = EVERY_PROJECTION[EVERY_PROJECTION.length - 1];
    const named = namedDocuments(outbox, [...HISTORIES.filed, delivered('evt-0')]);
    const [filing] = named;
    const attempt = named[named.length - 1];
    expect(attempt).toEqual([{ event: 'EmailDelivered', name: expect.stringContaining('message:evt-0'), created: false }]);
    expect(filing).toContainEqual({ event: 'CaseFiled', name: expect.stringContaining('message:evt-0'), created: true });
  });
});
