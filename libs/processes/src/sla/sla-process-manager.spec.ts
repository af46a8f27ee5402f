import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId, DEFAULT_SLA_POLICIES } from '@app/domain';
import { actors, consent, petitioner, PETITIONER_ID } from '@app/domain/testing/case-histories';
import { RecordedEvent } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { CaseCommandService, DirectoryCommandService, ManualClock } from '@app/runtime';
import { createSlaTimersProjection } from './sla-timers.projection';
import { SlaCommandSender, SlaProcessManager } from './sla-process-manager';
import type { CaseCommandInput } from '@app/runtime';
import { startCommandPath } from '../../../../test/support/command-path';
import { createAssignablePeople } from '../../../../test/support/assignable-people';
import { sendThroughCommandBus } from './sla-command-sender';

const CASE_ID = '5a1a0000-0000-4000-8000-000000000001';
const FILED_AT = '2026-03-02T10:00:00-05:00'; // Monday
/** feature-question on chat: first response within 24 business hours (08:00-17:00), resolution within 5 business days. */
const FIRST_RESPONSE_DUE = '2026-03-04T16:00:00.000-05:00';
const RESOLUTION_DUE = '2026-03-09T23:59:59.999-05:00';
const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/** One running process: its own stores on the shared files, its command path, its process manager. */
interface SlaRun {
  manager: SlaProcessManager;
  commands: CaseCommandService;
  directory: DirectoryCommandService;
  bus: CommandBus;
  close: () => Promise<void>;
}

describe('SLA process manager, with simulated time', () => {
  let dir: string;
  let clock: ManualClock;
  let running: SlaRun[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pqr-sla-'));
    clock = new ManualClock(new Date(FILED_AT));
  });
  afterEach(async () => {
    for (const run of running) await run.close();
    running = [];
    rmSync(dir, { recursive: true, force: true });
  });

  async function startRun(options: { customerSilenceBusinessDays?: number; send?: (real: SlaCommandSender) => SlaCommandSender } = {}): Promise<SlaRun> {
    const path = await startCommandPath(dir, clock);
    const real = sendThroughCommandBus(path.bus);
    const projection = createSlaTimersProjection({ calendar: path.calendar, policies: DEFAULT_SLA_POLICIES, customerSilenceBusinessDays: options.customerSilenceBusinessDays ?? 2 });
    const manager = new SlaProcessManager(path.events, path.readStore, projection, {
      now: () => clock.now(),
      send: options.send ? options.send(real) : real,
      acting: true,
      log: () => {},
    });
    const run: SlaRun = { manager, bus: path.bus, commands: path.commands, directory: path.directory, close: path.close };
    running.push(run);
    return run;
  }

  /** "kill -9": the process is gone without stopping anything; its connections close with it. */
  const kill = (run: SlaRun) => run.close();

  async function act(run: SlaRun, at: string, command: CaseCommandInput, actor = actors.backoffice): Promise<void> {
    clock.set(at);
    const context = { actor, requestHash: `h-${at}`, correlationId: 'test' };
    if (command.type === 'AssignCase') await createAssignablePeople(run.directory);
    await run.commands.execute(CASE_ID, command, context);
  }

  async function fileFeatureQuestionOnChat(run: SlaRun): Promise<void> {
    const data = {
      caseId: CASE_ID, filingNumber: '2026-000001', verificationCode: 'ABC123', kind: 'petition', typology: 'feature-question', motive: 'how-to',
      channel: 'chat', subject: 'Pregunta', facts: 'Cómo activo la función', request: 'Explicación', attachments: [], petitionerId: PETITIONER_ID, petitioner, consent,
    };
    await act(run, FILED_AT, { type: 'FileCase', data } as CaseCommandInput, actors.agent);
    await act(run, '2026-03-02T11:00:00-05:00', { type: 'AssignCase', data: { backofficeId: actors.backoffice.id } }, actors.supervisor);
    await act(run, '2026-03-02T12:00:00-05:00', { type: 'ReviewTypification', data: { consistent: true } });
  }

  async function history(): Promise<RecordedEvent[]> {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    try {
      return await store.readStream(caseStreamId(CASE_ID));
    } finally {
      await store.close();
    }
  }
  const slaFacts = async () =>
    (await history())
      .filter((event) => event.metadata.actorId === 'system:sla')
      .map((event) => ({ type: event.type, data: event.data, commandId: event.metadata.commandId }));

  async function tickAt(run: SlaRun, instant: string) {
    clock.set(instant);
    return (await run.manager.runOnce()).map(({ commandId, outcome }) => ({ commandId, outcome }));
  }

  it('fires each timer once, strictly after its due instant, with the deterministic command id', async () => {
    const run = await startRun();
    await fileFeatureQuestionOnChat(run);
    expect(await tickAt(run, later(FIRST_RESPONSE_DUE, -60_000))).toEqual([]);
    expect(await tickAt(run, FIRST_RESPONSE_DUE)).toEqual([]);
    const firstResponseId = `sla:${CASE_ID}:first_response:${FIRST_RESPONSE_DUE}`;
    expect(await tickAt(run, later(FIRST_RESPONSE_DUE, 1))).toEqual([{ commandId: firstResponseId, outcome: 'appended' }]);
    expect(await tickAt(run, later(FIRST_RESPONSE_DUE, 60_000))).toEqual([]);
    expect(await tickAt(run, RESOLUTION_DUE)).toEqual([]);
    const resolutionId = `sla:${CASE_ID}:resolution:${RESOLUTION_DUE}`;
    expect(await tickAt(run, later(RESOLUTION_DUE, 1))).toEqual([{ commandId: resolutionId, outcome: 'appended' }]);
    expect(await tickAt(run, '2026-04-30T12:00:00-05:00')).toEqual([]);

    expect(await slaFacts()).toEqual([
      { type: 'FirstResponseOverdue', data: { dueAt: FIRST_RESPONSE_DUE, detectedBy: 'system:sla', detectedAt: expect.any(String) }, commandId: firstResponseId },
      { type: 'ResolutionOverdue', data: { dueAt: RESOLUTION_DUE, detectedBy: 'system:sla', detectedAt: expect.any(String) }, commandId: resolutionId },
    ]);
  });

  it('cancels a timer when the case moves on first: a response before the due instant, no overdue fact', async () => {
    const run = await startRun();
    await fileFeatureQuestionOnChat(run);
    await run.manager.runOnce();
    await act(run, '2026-03-04T15:00:00-05:00', { type: 'SendResponse', data: { body: 'Así se activa', outcome: 'resolved', decision: 'favourable' } });
    expect(await tickAt(run, later(FIRST_RESPONSE_DUE, 1))).toEqual([]);
    expect(await slaFacts()).toEqual([]);
    // The counter-reply window (3 business days after the response) is the only timer left: the case closes, nothing overdue.
    const closed = await tickAt(run, later(RESOLUTION_DUE, 1));
    expect(closed).toEqual([{ commandId: `sla:${CASE_ID}:counter_reply_window:2026-03-09T23:59:59.999-05:00`, outcome: 'appended' }]);
    expect((await slaFacts()).map((fact) => fact.type)).toEqual(['CaseClosed']);
  });

  it('survives a restart: timers that fell due while it was down fire once each, and a second restart repeats nothing', async () => {
    const first = await startRun();
    await fileFeatureQuestionOnChat(first);
    await first.manager.runOnce();
    await kill(first);

    clock.set('2026-03-20T09:00:00-05:00'); // both instants passed while no process ran
    const second = await startRun();
    expect((await second.manager.runOnce()).map((firing) => firing.timer.kind)).toEqual(['first_response', 'resolution']);
    await kill(second);

    const third = await startRun();
    expect(await third.manager.runOnce()).toEqual([]);
    expect((await slaFacts()).map((fact) => fact.type)).toEqual(['FirstResponseOverdue', 'ResolutionOverdue']);
  });

  it('killed right after its command was appended (before it saw the event), restarted: no duplicate, no loss', async () => {
    let crashed = false;
    const first = await startRun({
      send: (real) => async (caseId, command, commandId) => {
        const outcome = await real(caseId, command, commandId);
        crashed = true;
        throw new Error(`killed after appending (${outcome})`);
      },
    });
    await fileFeatureQuestionOnChat(first);
    await tickAt(first, later(FIRST_RESPONSE_DUE, 1));
    expect(crashed).toBe(true);
    await kill(first);

    const second = await startRun();
    expect(await tickAt(second, later(FIRST_RESPONSE_DUE, 2))).toEqual([]);
    expect((await slaFacts()).map((fact) => fact.type)).toEqual(['FirstResponseOverdue']);
  });

  it('two process managers by mistake (API and projector) fire the same timer: the command id makes it one fact', async () => {
    const a = await startRun();
    const b = await startRun();
    await fileFeatureQuestionOnChat(a);
    clock.set(later(FIRST_RESPONSE_DUE, 1));
    const firings = (await Promise.all([a.manager.runOnce(), b.manager.runOnce()])).flat();
    expect(firings.filter((firing) => firing.outcome === 'appended')).toHaveLength(1);
    expect((await slaFacts()).map((fact) => fact.type)).toEqual(['FirstResponseOverdue']);
    // Sent again by hand with the same id: the first result comes back, nothing is appended.
    const timer = firings[0].timer;
    expect(await sendThroughCommandBus(a.bus)(CASE_ID, { type: 'RecordFirstResponseOverdue', data: { dueAt: timer.dueAt } }, firings[0].commandId)).toBe('replayed');
    expect((await slaFacts()).map((fact) => fact.type)).toEqual(['FirstResponseOverdue']);
  });

  it('closes a case outside Ley 1755 whose customer stays silent 2 business days after an information request (company rule)', async () => {
    const run = await startRun();
    await fileFeatureQuestionOnChat(run);
    await act(run, '2026-03-02T14:00:00-05:00', { type: 'SendResponse', data: { body: 'Revisamos', outcome: 'pending', decision: 'favourable' } });
    await act(run, '2026-03-03T10:00:00-05:00', { type: 'ReceiveCounterReply', data: { summary: 'Falta', channel: 'chat' } }, actors.agent);
    // The command path adds the company rule; the company marks feature questions as outside Ley 1755.
    const customerSilenceRule = { businessDays: 2, outsideLey1755: ['feature-question'] };
    await act(run, '2026-03-04T10:00:00-05:00', { type: 'RequestInformation', data: { message: 'Envíe una captura', customerSilenceRule } });
    expect((await tickAt(run, '2026-03-06T23:59:59.999-05:00')).map((firing) => firing.commandId)).not.toContain(
      `sla:${CASE_ID}:customer_silence:2026-03-06T23:59:59.999-05:00`,
    );
    const fired = await tickAt(run, '2026-03-07T00:00:00-05:00');
    expect(fired).toContainEqual({ commandId: `sla:${CASE_ID}:customer_silence:2026-03-06T23:59:59.999-05:00`, outcome: 'appended' });
    const closed = (await history()).filter((event) => event.type === 'CaseClosed');
    expect(closed.map((event) => event.data.reason)).toEqual(['The customer did not answer the information request in time (company rule)']);
    expect(await tickAt(run, '2026-05-01T00:00:00-05:00')).toEqual([]);
  });

  it('with the company rule off, a petition left without the information for a month is tacitly withdrawn (art. 17)', async () => {
    const run = await startRun({ customerSilenceBusinessDays: 0 });
    await fileFeatureQuestionOnChat(run);
    await act(run, '2026-03-03T10:00:00-05:00', { type: 'RequestInformation', data: { message: 'Envíe una captura' } });
    // One month after 3 March is 3 April, Good Friday: the term moves to Monday 6 April.
    const kindsFiredAt = async (instant: string) => {
      clock.set(instant);
      return run.manager.runOnce();
    };
    expect((await kindsFiredAt('2026-04-06T23:00:00-05:00')).map((firing) => firing.timer.kind)).not.toContain('tacit_withdrawal');
    expect((await kindsFiredAt('2026-04-07T00:00:00-05:00')).filter((firing) => firing.timer.kind === 'tacit_withdrawal')).toEqual([
      { caseId: CASE_ID, timer: { kind: 'tacit_withdrawal', dueAt: '2026-04-06T23:59:59.999-05:00', informationRequestedAt: '2026-03-03T10:00:00.000-05:00' }, commandId: expect.any(String), outcome: 'appended' },
    ]);
    const withdrawn = (await history()).filter((event) => event.type === 'CaseWithdrawn');
    expect(withdrawn).toHaveLength(1);
    expect(await tickAt(run, '2026-06-01T00:00:00-05:00')).toEqual([]);
  });
});
