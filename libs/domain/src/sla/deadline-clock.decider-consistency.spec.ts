import { History } from './deadline-test-histories';

/**
 * The decider writes dueAt into CaseFiled, CaseTypified, DeadlineExtended and InformationReceived.
 * Replaying the same history, the clock must land on the same legal deadline.
 */
describe('deadline clock: agrees with the decider on the legal deadline', () => {
  const claim = () => History.filed('2026-03-02T10:00:00-05:00').inProgress('2026-03-03T09:00:00-05:00');

  it.each<[string, () => History]>([
    ['a claim just filed', () => History.filed('2026-03-02T10:00:00-05:00')],
    ['a claim filed on a Saturday', () => History.filed('2026-03-21T11:00:00-05:00')],
    ['an inquiry filed before Christmas 2025', () => History.filed('2025-12-15T09:00:00-05:00', { kind: 'inquiry' })],
    ['a claim re-typified as a document request', () => History.filed('2026-03-02T10:00:00-05:00').assigned('2026-03-03T09:00:00-05:00').returned('2026-03-04T09:00:00-05:00').retypified('2026-03-04T11:00:00-05:00', 'document_request')],
    ['a claim paused over Holy Week 2026', () => claim().informationRequested('2026-03-05T10:00:00-05:00').informationReceived('2026-04-01T09:00:00-05:00')],
    ['a claim asked for information on its last day (after the 10 days: not suspended)', () => claim().informationRequested('2026-03-24T10:00:00-05:00').informationReceived('2026-03-26T09:00:00-05:00')],
    ['a document request asked for information on its last day (suspended, one day granted)', () => History.filed('2026-03-02T10:00:00-05:00', { kind: 'document_request' }).inProgress('2026-03-03T09:00:00-05:00').informationRequested('2026-03-16T10:00:00-05:00').informationReceived('2026-03-18T09:00:00-05:00')],
    ['a claim asked for information after the 10 days, before its deadline', () => claim().informationRequested('2026-03-18T10:00:00-05:00').informationReceived('2026-03-20T09:00:00-05:00')],
    ['a claim asked for information after its deadline, extended too late', () => claim().informationRequested('2026-03-25T10:00:00-05:00').informationReceived('2026-03-27T09:00:00-05:00')],
    ['a claim paused across the 2025 San Pedro / Sacred Heart holiday', () => History.filed('2025-06-16T09:00:00-05:00').inProgress('2025-06-17T09:00:00-05:00').informationRequested('2025-06-20T15:00:00-05:00').informationReceived('2025-06-30T10:00:00-05:00')],
    ['a claim extended twice up to the limit', () => claim().extended('2026-03-10T10:00:00-05:00', 10).extended('2026-03-20T10:00:00-05:00', 5)],
    ['a claim paused, restarted and extended', () => claim().informationRequested('2026-03-05T10:00:00-05:00').informationReceived('2026-04-01T09:00:00-05:00').extended('2026-04-10T10:00:00-05:00', 5)],
    ['a claim extended, then paused and restarted', () => claim().extended('2026-03-10T10:00:00-05:00', 7).informationRequested('2026-03-12T10:00:00-05:00').informationReceived('2026-03-19T16:00:00-05:00')],
    ['a claim paused twice', () => claim().informationRequested('2026-03-04T10:00:00-05:00').informationReceived('2026-03-06T10:00:00-05:00').informationRequested('2026-03-11T10:00:00-05:00').informationReceived('2026-03-18T10:00:00-05:00')],
    ['an inquiry paused over New Year 2026 and extended', () => History.filed('2025-12-15T09:00:00-05:00', { kind: 'inquiry' }).inProgress('2025-12-16T09:00:00-05:00').informationRequested('2025-12-22T10:00:00-05:00').informationReceived('2026-01-13T10:00:00-05:00').extended('2026-01-20T10:00:00-05:00', 5)],
    ['a resolved claim reopened by a counter-reply', () => claim().responded('2026-03-10T10:00:00-05:00', 'resolved').counterReplied('2026-03-12T10:00:00-05:00')],
  ])('given %s, when computing deadlines, then the legal deadline equals the latest dueAt the decider recorded', (_name, build) => {
    const history = build();
    const deadlines = history.deadlinesAt('2026-06-30T10:00:00-05:00');
    expect(deadlines.legal.dueAt).toBe(history.recordedDueAt());
    expect(deadlines.legal.recordedDueAt).toBe(history.recordedDueAt());
    expect(deadlines.steps.map((step) => step.effect).join(' ')).not.toContain('The event records');
  });

  it('given each information request, when computing deadlines, then the business days left equal the decider\'s remainingBusinessDays', () => {
    const history = claim().informationRequested('2026-03-04T10:00:00-05:00').informationReceived('2026-03-06T10:00:00-05:00').informationRequested('2026-03-11T10:00:00-05:00');
    const recorded = history.events.flatMap((event) => (event.type === 'InformationRequested' ? [event.data.remainingBusinessDays] : []));
    expect(history.deadlinesAt('2026-03-12T10:00:00-05:00').pauses.map((pause) => pause.businessDaysLeft)).toEqual(recorded);
    // 3–4 March used of 15; then 9–11 March used of the 13 left from 6 March.
    expect(recorded).toEqual([13, 10]);
  });

  it('given information asked after the legal deadline, when computing deadlines, then the decider and the clock keep the expired deadline (never revived)', () => {
    const history = claim().informationRequested('2026-03-25T10:00:00-05:00').informationReceived('2026-03-27T10:00:00-05:00');
    const deadlines = history.deadlinesAt('2026-03-27T10:00:00-05:00');
    expect(history.recordedDueAt()).toBe('2026-03-24T23:59:59.999-05:00');
    expect(deadlines.legal.dueAt).toBe('2026-03-24T23:59:59.999-05:00');
  });
});
