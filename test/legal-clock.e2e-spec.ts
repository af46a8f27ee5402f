import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { simulatedTime } from './support/simulated-time';

/**
 * Issue 22, the legal clock over HTTP: an expired term is never revived (the case view, the queues and
 * an extension agree), a paused case shows as paused, the petitioner's extra month moves the
 * withdrawal date, and the company silence rule (on by default, 2 business days) closes nothing under
 * Ley 1755 before its art. 17 date.
 */
describe('HTTP: the legal clock (Ley 1755 de 2015) keeps its promises', () => {
  const clock = new ManualClock(new Date('2025-10-01T15:00:00Z'));
  let t: TestApp;
  let agent: string, supervisor: string, backoffice: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { SLA_PROCESS_MANAGER: 'on', SLA_TICK_MS: '3600000' } });
    agent = t.token('agent-ana', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
    backoffice = t.token('bo-beto', 'backoffice');
  });
  afterAll(() => t.close());
  let time: ReturnType<typeof simulatedTime>;
  beforeAll(() => {
    time = simulatedTime(t, clock, { agent, supervisor, backoffice }, { catchUpBeforeReads: true });
  });

  it('a petition due 23 Oct 2025, asked for information on 24 Oct, answered on 28 Oct: still due 23 Oct, overdue everywhere, and no extension on 29 Oct', async () => {
    const petition = { ...validFiling(), kind: 'petition', consent: { givenAt: '2025-10-01T09:55:00-05:00', channel: 'phone', policyVersion: '2026-01' } };
    const caseId = await time.fileInProgress('2025-10-01T15:00:00Z', petition);
    expect((await time.get(`/cases/${caseId}`, backoffice)).dueAt).toBe('2025-10-23T23:59:59.999-05:00');

    await time.command(caseId, 'information-requests', backoffice, { message: 'Adjunte la factura' }, '2025-10-24T15:00:00Z');
    // Asked after the term expired: nothing is suspended.
    expect(await time.get(`/cases/${caseId}`, backoffice)).toMatchObject({ status: 'awaiting_information', paused: false, legalClock: { state: 'running', overdue: true } });
    await time.command(caseId, 'information', backoffice, { summary: 'Factura', channel: 'email' }, '2025-10-28T15:00:00Z');

    const view = await time.get(`/cases/${caseId}`, backoffice);
    expect(view).toMatchObject({ dueAt: '2025-10-23T23:59:59.999-05:00', paused: false, legalClock: { state: 'running', dueAt: '2025-10-23T23:59:59.999-05:00', overdue: true, businessDaysLeft: 0 } });
    const queue = await time.get('/queues/backoffice/bo-beto', backoffice);
    expect(queue.items.find((item: { caseId: string }) => item.caseId === caseId)).toMatchObject({ dueAt: '2025-10-23T23:59:59.999-05:00', overdue: true });

    const extension = await time.send(caseId, 'extensions', supervisor, { businessDays: 10, reason: 'Concepto técnico' }, '2025-10-29T15:00:00Z');
    expect({ status: extension.status, code: extension.body.code }).toEqual({ status: 422, code: 'CASE.DEADLINE_PASSED' });
  });

  let waiting: string;

  it('a claim asked for information within the 10 business days shows as paused, with the days it restarts with and its withdrawal date', async () => {
    waiting = await time.fileInProgress('2026-03-02T15:00:00Z', validFiling()); // Monday 2 March 2026, due 24 March
    await time.command(waiting, 'information-requests', backoffice, { message: 'Adjunte la factura de febrero' }, '2026-03-05T15:00:00Z');
    expect(await time.get(`/cases/${waiting}`, backoffice)).toMatchObject({
      status: 'awaiting_information',
      paused: true,
      // 6, 9–13, 16–20, 24 March (23 is San José); 5 April 2026 is a Sunday.
      legalClock: { state: 'paused', dueAt: null, businessDaysLeft: 12, overdue: false, tacitWithdrawalAt: '2026-04-06T23:59:59.999-05:00' },
    });
  });

  it('the company silence rule (2 business days by default) does not close a case under Ley 1755', async () => {
    const fired = await time.passTimeTo('2026-03-10T15:00:00Z'); // past 9 March, the end of the company's 2 business days
    expect(fired.filter((timer) => timer.caseId === waiting && timer.timer.kind !== 'resolution')).toEqual([]);
    expect((await time.get(`/cases/${waiting}`, backoffice)).status).toBe('awaiting_information');
  });

  it('the petitioner asks by phone for one more month: recorded by an agent, the withdrawal date moves to 5 May; a second time is 422', async () => {
    await time.command(waiting, 'information-period-extension', agent, { channel: 'phone' }, '2026-03-20T15:00:00Z');
    expect((await time.get(`/cases/${waiting}`, backoffice)).legalClock).toMatchObject({ state: 'paused', tacitWithdrawalAt: '2026-05-05T23:59:59.999-05:00' });
    const again = await time.send(waiting, 'information-period-extension', supervisor, { channel: 'email' }, '2026-03-25T15:00:00Z');
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 422, code: 'CASE.INFORMATION_PERIOD_ALREADY_EXTENDED' });
  });

  it('the case is not withdrawn after the first month, and is after the second', async () => {
    expect((await time.passTimeTo('2026-04-07T15:00:00Z')).filter((timer) => timer.caseId === waiting && timer.timer.kind !== 'resolution')).toEqual([]);
    const fired = await time.passTimeTo('2026-05-06T05:00:00Z'); // Wednesday 6 May 00:00 in Bogotá
    expect(fired.filter((timer) => timer.caseId === waiting).map(({ timer, outcome }) => ({ kind: timer.kind, outcome }))).toEqual(
      expect.arrayContaining([{ kind: 'tacit_withdrawal', outcome: 'appended' }]),
    );
    expect((await time.get(`/cases/${waiting}`, backoffice)).status).toBe('withdrawn');
  });
});
