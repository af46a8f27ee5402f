import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { startTestApp, TestApp } from './support/test-app';

/** The probes an orchestrator calls (docs/operations.md): liveness asks no store, readiness asks both. */
describe('GET /health/live and /health/ready', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  it('answers 200 to both, without a token, while the stores answer', async () => {
    expect((await t.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/health/ready').expect(200)).body).toEqual({ status: 'ready', eventStore: 'up', readStore: 'up', readSide: 'ready' });
  });

  it('is not ready (503) while the read store is down, yet alive: a store outage must not restart the process', async () => {
    const readStore = t.app.get<ReadStore>(READ_STORE);
    const ping = jest.spyOn(readStore, 'ping').mockRejectedValue(new Error('read store down'));
    expect((await t.http().get('/health/ready').expect(503)).body).toEqual({ status: 'unavailable', eventStore: 'up', readStore: 'down', readSide: 'unknown' });
    expect((await t.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect(ping).toHaveBeenCalled();
    await t.http().get('/health').expect(503);
  });

  it('is not ready (503) while the event store is down', async () => {
    jest.spyOn(t.app.get<EventStore>(EVENT_STORE), 'headPosition').mockRejectedValue(new Error('event store down'));
    expect((await t.http().get('/health/ready').expect(503)).body).toMatchObject({ status: 'unavailable', eventStore: 'down', readStore: 'up' });
    await t.http().get('/health/live').expect(200);
  });

  it('is not ready (503) while a projection of this process has stopped', async () => {
    jest.spyOn(t.app.get(Projector), 'status').mockReturnValue([{ name: 'case-view', version: 1, position: 0, state: 'failed' }]);
    expect((await t.http().get('/health/ready').expect(503)).body).toEqual({ status: 'unavailable', eventStore: 'up', readStore: 'up', readSide: 'stuck' });
    await t.http().get('/health/live').expect(200);
  });

  it('is ready again once the store answers', async () => {
    await t.http().get('/health/ready').expect(200);
  });
});
