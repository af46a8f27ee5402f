import { BusinessCalendar, DEFAULT_SLA_POLICIES, slaScheduleOf } from '@app/domain';
import type { CaseEvent } from '@app/domain';
import { HISTORIES, petitioner } from '@app/domain/testing/case-histories';
import { project, recordCaseEvents } from '@app/projections/testing/project';
import { createSlaTimersProjection, SLA_TIMERS_COLLECTION, SlaTimersDoc } from './sla-timers.projection';

const CASE_ID = '00000000-0000-4000-8000-0000000000aa';
const options = { calendar: new BusinessCalendar(), policies: DEFAULT_SLA_POLICIES, customerSilenceBusinessDays: 2 };
const projection = createSlaTimersProjection(options);
const timersOf = (history: CaseEvent[]): SlaTimersDoc | undefined => project(projection, recordCaseEvents(CASE_ID, history)).byCollection[SLA_TIMERS_COLLECTION]?.[CASE_ID];

describe('SLA timers projection', () => {
  it('keeps one document per open case: its timers, the earliest as a number to query, and the next deadline', () => {
    const doc = timersOf(HISTORIES.in_progress)!;
    expect(doc).toMatchObject({
      caseId: CASE_ID,
      timers: [{ kind: 'resolution', dueAt: '2026-03-03T13:00:00.000-05:00', dueMs: Date.parse('2026-03-03T13:00:00.000-05:00') }],
      nextTimerMs: Date.parse('2026-03-03T13:00:00.000-05:00'),
      nextDeadline: { kind: 'resolution', dueAt: '2026-03-03T13:00:00.000-05:00' },
    });
    // What the next event goes on from, instead of the history.
    expect(doc.state.status).toBe('in_progress');
    expect(doc.clocks.resolution.spans).toHaveLength(1);
  });

  it.each(Object.keys(HISTORIES))('given the %s history event by event, then the timers equal a replay of the whole history', (name) => {
    const history = recordCaseEvents(CASE_ID, HISTORIES[name as keyof typeof HISTORIES]);
    for (let end = 1; end <= history.length; end++) {
      const replayed = slaScheduleOf(history.slice(0, end), options);
      const doc = timersOf(history.slice(0, end));
      expect({ end, timers: doc?.timers.map(({ kind, dueAt, informationRequestedAt }) => ({ kind, dueAt, ...(informationRequestedAt && { informationRequestedAt }) })), next: doc?.nextDeadline?.dueAt }).toEqual({
        end,
        timers: replayed.open ? replayed.timers : undefined,
        next: replayed.open ? replayed.nextDeadline?.dueAt : undefined,
      });
    }
  });

  it('keeps no personal data of the petitioner', () => {
    const stored = JSON.stringify(timersOf(HISTORIES.in_progress));
    for (const value of Object.values(petitioner)) expect(stored).not.toContain(value);
    expect(stored).not.toContain('K7P2QX');
  });

  it("keeps none of the filing's text (subject, facts, request): the clocks need its channel and instant only", () => {
    const filed = HISTORIES.in_progress[0];
    const doc = timersOf(HISTORIES.in_progress)!;
    const stored = JSON.stringify(doc);
    if (filed.type !== 'CaseFiled') throw new Error('the history starts with the filing');
    for (const text of [filed.data.subject, filed.data.facts, filed.data.request]) expect(stored).not.toContain(text);
    expect(doc.clocks.filed).toEqual({ channel: filed.data.channel, filedAt: filed.data.filedAt });
  });

  it('given a web filing nobody has typified yet, then its clocks run from the filing on the default policy (the at-risk queue sees it)', () => {
    const doc = timersOf(HISTORIES.to_typify)!;
    expect(doc.state.status).toBe('to_typify');
    expect(doc.nextDeadline).toMatchObject({ kind: 'first_response' });
    expect(doc.timers.map((timer) => timer.kind)).toContain('resolution');
    expect(doc.nextTimerMs).not.toBeNull();
  });

  it('drops the document once the case is over', () => {
    expect(timersOf(HISTORIES.closed)).toBeUndefined();
    expect(timersOf(HISTORIES.transferred)).toBeUndefined();
  });

  it('a recorded overdue fact removes its timer', () => {
    const overdue: CaseEvent = { type: 'ResolutionOverdue', data: { dueAt: '2026-03-03T13:00:00.000-05:00', detectedBy: 'system:sla', detectedAt: '2026-03-03T13:00:01-05:00' } };
    expect(timersOf([...HISTORIES.in_progress, overdue])).toMatchObject({ timers: [], nextTimerMs: null });
  });

  it('gives replays no effect, and a new version when the policies change', () => {
    const events = recordCaseEvents(CASE_ID, HISTORIES.awaiting_information);
    const once = project(projection, events);
    expect(project(projection, events, once.documents).byCollection).toEqual(once.byCollection);
    const stricter = createSlaTimersProjection({ ...options, customerSilenceBusinessDays: 1 });
    expect(stricter.version).not.toBe(projection.version);
    expect(createSlaTimersProjection(options).version).toBe(projection.version);
  });
});
