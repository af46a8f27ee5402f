import { Projector } from '@app/projector';
import request from 'supertest';
import { freePort } from './support/api-process';
import { bearer } from './support/actors';
import { ProjectorProcess, startProjectorProcess, stopAllProjectorProcesses } from './support/projector-process';
import { parsePrometheusText, PrometheusSample, sampleValue } from './support/prometheus-text';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';

const METRICS_TOKEN = 'scraper-token-that-is-long-enough-0123456789';
/** A projector process started with ts-node takes tens of seconds on a loaded machine; these tests start it twice. */
const PROCESS_STARTS_MS = 240_000;
const EVERY_PROJECTION = ['case-view', 'case-queues', 'case-timeline', 'reports', 'sla-timers', 'mail-outbox'];

async function scrape(t: TestApp): Promise<PrometheusSample[]> {
  const response = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
  return parsePrometheusText(response.text);
}

/** Scrapes until `done` holds (the projector and the process managers run in the background). */
async function scrapeUntil(t: TestApp, done: (samples: PrometheusSample[]) => boolean, timeoutMs = 30_000): Promise<PrometheusSample[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const samples = await scrape(t);
    if (done(samples)) return samples;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the metrics; last scrape:\n${samples.map((s) => `${s.name}${JSON.stringify(s.labels)} ${s.value}`).filter((line) => line.startsWith('pqr_')).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const lagOf = (samples: PrometheusSample[], projection: string) => sampleValue(samples, 'pqr_projection_lag_events', { projection });
const caughtUp = (samples: PrometheusSample[]) => EVERY_PROJECTION.every((projection) => lagOf(samples, projection) === 0);
const fileCase = (t: TestApp) => t.http().post('/cases').set('Authorization', bearer('agent')).send(validFiling());

describe('GET /metrics (Prometheus text format)', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { METRICS_TOKEN } });
  });
  afterAll(() => t?.close());

  it('refuses without the scraper token or an admin JWT', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
    await t.http().get('/metrics').set('Authorization', bearer('agent')).expect(403);
    await t.http().get('/metrics').set('Authorization', bearer('auditor')).expect(403);
    const admin = await t.http().get('/metrics').set('Authorization', bearer('admin')).expect(200);
    expect(admin.headers['content-type']).toMatch(/^text\/plain/);
    const scraper = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(parsePrometheusText(scraper.text).map((sample) => sample.name)).toEqual(expect.arrayContaining(['pqr_store_up', 'process_cpu_user_seconds_total']));
  });

  it('counts and times a command by route and outcome, its HTTP status, and the append it made', async () => {
    const before = await scrapeUntil(t, caughtUp);
    const filedBefore = sampleValue(before, 'pqr_command_duration_seconds_count', { route: '/cases', outcome: 'accepted' }) ?? 0;
    const appendsBefore = sampleValue(before, 'pqr_event_store_append_duration_seconds_count', { outcome: 'ok' }) ?? 0;

    await fileCase(t).expect(201);
    await t.http().post('/cases').set('Authorization', bearer('agent')).send({}).expect(400);
    await t.http().post('/cases').set('Authorization', bearer('auditor')).send(validFiling()).expect(403);

    const after = await scrape(t);
    expect(sampleValue(after, 'pqr_command_duration_seconds_count', { route: '/cases', outcome: 'accepted' })).toBe(filedBefore + 1);
    expect(sampleValue(after, 'pqr_command_duration_seconds_count', { route: '/cases', outcome: 'invalid' })).toBe(1);
    expect(sampleValue(after, 'pqr_command_duration_seconds_count', { route: '/cases', outcome: 'unauthorized' })).toBe(1);
    expect(sampleValue(after, 'pqr_http_requests_total', { method: 'POST', route: '/cases', status: '201' })).toBe(filedBefore + 1);
    expect(sampleValue(after, 'pqr_http_requests_total', { method: 'POST', route: '/cases', status: '403' })).toBe(1);
    expect(sampleValue(after, 'pqr_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(appendsBefore);
    expect(sampleValue(after, 'pqr_events_appended_total', { type: 'CaseFiled' })).toBe(filedBefore + 1);
  });

  it('labels a request no route matched as unmatched, whatever its path', async () => {
    await t.http().get('/no/such/route/12345').set('Authorization', bearer('agent')).expect(404);
    const samples = await scrape(t);
    expect(sampleValue(samples, 'pqr_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(samples.some((sample) => sample.labels.route?.includes('12345'))).toBe(false);
  });

  it("shows a stopped projection's lag in events and seconds growing, and back to 0 once it runs again", async () => {
    const atStop = sampleValue(await scrapeUntil(t, caughtUp), 'pqr_event_store_head_position')!;
    const projector = t.app.get(Projector);
    await projector.stop();
    try {
      await fileCase(t).expect(201);
      await fileCase(t).expect(201);
      const stopped = await scrape(t);
      const written = sampleValue(stopped, 'pqr_event_store_head_position')! - atStop;
      expect(written).toBeGreaterThanOrEqual(2);
      for (const projection of ['case-view', 'case-queues', 'case-timeline', 'reports']) {
        expect({ projection, lag: lagOf(stopped, projection) }).toEqual({ projection, lag: written });
        expect(sampleValue(stopped, 'pqr_projection_position', { projection })).toBe(atStop);
      }
      expect(sampleValue(stopped, 'pqr_projection_lag_seconds', { projection: 'case-view' })).toBeGreaterThan(0);
      // The process managers keep their own projections: they are not stopped.
      await scrapeUntil(t, (samples) => lagOf(samples, 'sla-timers') === 0 && lagOf(samples, 'mail-outbox') === 0);
    } finally {
      await projector.start();
    }
    const resumed = await scrapeUntil(t, caughtUp);
    expect(sampleValue(resumed, 'pqr_projection_lag_seconds', { projection: 'case-view' })).toBe(0);
    expect(sampleValue(resumed, 'pqr_projection_state', { projection: 'case-view', state: 'running' })).toBe(1);
    expect(sampleValue(resumed, 'pqr_projection_state', { projection: 'case-view', state: 'failed' })).toBe(0);
  });

  it('reads the email backlog from the outbox and the SLA timers due by now from their read models', async () => {
    const caught = await scrapeUntil(t, caughtUp);
    const filed = sampleValue(caught, 'pqr_events_appended_total', { type: 'CaseFiled' })!;
    // The test apps deliver nothing (MAIL_OUTBOX=off): every acknowledgement is still owed.
    expect(sampleValue(caught, 'pqr_mail_outbox_backlog')).toBe(filed);
    expect(sampleValue(caught, 'pqr_mail_outbox_failing')).toBe(0);
    expect(sampleValue(caught, 'pqr_sla_timers_due')).toBe(0);
    // Months later every case's first timer is due (the SLA process manager sends nothing here).
    clock.set('2026-07-01T15:00:00Z');
    expect(sampleValue(await scrape(t), 'pqr_sla_timers_due')).toBe(filed);
  });
});

describe('GET /metrics with the projector in another process (PROJECTOR=external)', () => {
  let t: TestApp;
  let projector: ProjectorProcess | undefined;

  beforeAll(async () => {
    t = await startTestApp({ config: { METRICS_TOKEN, PROJECTOR: 'external' } });
  });
  afterAll(async () => {
    await stopAllProjectorProcesses();
    await t?.close();
  });

  it('reads the lag from the checkpoints the projector saved: the whole store before it runs, 0 once it caught up, growing while it is stopped', async () => {
    await fileCase(t).expect(201);
    const before = await scrape(t);
    const head = sampleValue(before, 'pqr_event_store_head_position')!;
    expect(head).toBeGreaterThan(0);
    for (const projection of EVERY_PROJECTION) expect({ projection, lag: lagOf(before, projection) }).toEqual({ projection, lag: head });
    // This API runs no projection: it knows no state.
    expect(before.filter((sample) => sample.name === 'pqr_projection_state')).toEqual([]);

    projector = startProjectorProcess({ dataDir: t.dataDir, env: { SLA_PROCESS_MANAGER: 'off', MAIL_OUTBOX: 'off' } });
    await scrapeUntil(t, caughtUp, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\nprojector output:\n${projector!.output()}`);
    });
    await projector.stop('SIGTERM');

    await fileCase(t).expect(201);
    const stopped = await scrape(t);
    const written = sampleValue(stopped, 'pqr_event_store_head_position')! - head;
    expect(written).toBeGreaterThan(0);
    for (const projection of EVERY_PROJECTION) expect({ projection, lag: lagOf(stopped, projection) }).toEqual({ projection, lag: written });

    projector = startProjectorProcess({ dataDir: t.dataDir, env: { SLA_PROCESS_MANAGER: 'off', MAIL_OUTBOX: 'off' } });
    await scrapeUntil(t, caughtUp, 90_000);
  }, PROCESS_STARTS_MS);

  it("serves the projector's own metrics on METRICS_PORT, for METRICS_TOKEN only: the states of the projections it runs", async () => {
    await projector?.stop('SIGTERM');
    const port = await freePort();
    projector = startProjectorProcess({ dataDir: t.dataDir, env: { SLA_PROCESS_MANAGER: 'off', MAIL_OUTBOX: 'off', METRICS_PORT: String(port), METRICS_TOKEN } });
    const own = request(`http://127.0.0.1:${port}`);
    const deadline = Date.now() + 90_000;
    let samples: PrometheusSample[] = [];
    while (sampleValue(samples, 'pqr_projection_state', { projection: 'case-view', state: 'running' }) !== 1) {
      if (Date.now() > deadline || projector.exited()) throw new Error(`The projector's metrics never showed case-view running:
${projector.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const response = await own.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).catch(() => undefined);
      if (response?.status === 200) samples = parsePrometheusText(response.text);
    }
    for (const projection of EVERY_PROJECTION) expect({ projection, running: sampleValue(samples, 'pqr_projection_state', { projection, state: 'running' }) }).toEqual({ projection, running: 1 });
    expect(lagOf(samples, 'case-view')).toBe(0);
    await own.get('/metrics').expect(401);
    await own.get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
    await own.get('/anything-else').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
  }, PROCESS_STARTS_MS);
});

describe('GET /metrics while the process managers act', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every delivery fails at once.
    t = await startTestApp({ clock, config: { METRICS_TOKEN, MAIL_OUTBOX: 'on', SMTP_URL: 'smtp://127.0.0.1:1', MAIL_TICK_MS: '100', SLA_PROCESS_MANAGER: 'on', SLA_TICK_MS: '100' } });
  });
  afterAll(() => t?.close());

  it('counts the failed deliveries and the emails still owed after one', async () => {
    await fileCase(t).expect(201);
    const failing = await scrapeUntil(t, (samples) => sampleValue(samples, 'pqr_mail_outbox_failing') === 1);
    expect(sampleValue(failing, 'pqr_mail_delivery_failures_total')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(failing, 'pqr_mail_outbox_backlog')).toBe(1);
  });

  it('counts the timers the SLA process manager fired, and none is left due', async () => {
    clock.set('2026-07-01T15:00:00Z');
    // The filing typified the case: its resolution deadline is the timer that falls due.
    const fired = await scrapeUntil(t, (samples) => sampleValue(samples, 'pqr_sla_timers_fired_total', { fact: 'ResolutionOverdue' }) === 1);
    expect(sampleValue(fired, 'pqr_events_appended_total', { type: 'ResolutionOverdue' })).toBe(1);
    await scrapeUntil(t, (samples) => sampleValue(samples, 'pqr_sla_timers_due') === 0);
  });
});
