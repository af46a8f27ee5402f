import { SLA_ACTOR_ID } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { contractEvent } from '@app/event-store/testing/contract-events';
import { InstrumentedEventStore } from './instrumented-event-store';
import { PqrMetrics } from './pqr-metrics';

/** A counter's value, or a histogram's count, for the labels given. */
const valueOf = async (metrics: PqrMetrics, name: string, labels: Record<string, string> = {}) => {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const sampleName = String(metric.type) === 'histogram' ? `${name}_count` : name;
  const samples = metric.values as Array<{ metricName?: string; labels: Record<string, string | number>; value: number }>;
  const found = samples.find((sample) => (sample.metricName ?? name) === sampleName && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  return found?.value ?? 0;
};

describe('InstrumentedEventStore', () => {
  let metrics: PqrMetrics;
  let store: InstrumentedEventStore;

  beforeEach(() => {
    metrics = new PqrMetrics();
    store = new InstrumentedEventStore(new SqliteEventStore({ filename: ':memory:' }), metrics);
  });
  afterEach(() => store.close());

  it('times each append by outcome and counts the events appended by type', async () => {
    await store.appendToStream('case-1', [contractEvent('CaseFiled'), contractEvent('CaseAssigned')], { expectedRevision: 'no_stream' });
    await expect(store.appendToStream('case-1', [contractEvent('CaseAssigned')], { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);

    expect(await valueOf(metrics, 'pqr_event_store_append_duration_seconds', { outcome: 'ok' })).toBe(1);
    expect(await valueOf(metrics, 'pqr_event_store_append_duration_seconds', { outcome: 'conflict' })).toBe(1);
    expect(await valueOf(metrics, 'pqr_events_appended_total', { type: 'CaseAssigned' })).toBe(1);
    expect(await valueOf(metrics, 'pqr_events_appended_total', { type: 'CaseFiled' })).toBe(1);
  });

  it("counts the SLA process manager's facts as timers fired, and each failed email delivery", async () => {
    await store.appendToStream('case-2', [contractEvent('FirstResponseOverdue', {}, { actorId: SLA_ACTOR_ID }), contractEvent('FirstResponseOverdue', {}, { actorId: 'agent-ana' })], {
      expectedRevision: 'any',
    });
    await store.appendToStream('case-2', [contractEvent('EmailDeliveryFailed'), contractEvent('EmailDelivered')], { expectedRevision: 'any' });

    expect(await valueOf(metrics, 'pqr_sla_timers_fired_total', { fact: 'FirstResponseOverdue' })).toBe(1);
    expect(await valueOf(metrics, 'pqr_mail_delivery_failures_total')).toBe(1);
  });

  it('leaves what it reads untouched', async () => {
    await store.appendToStream('case-3', [contractEvent('CaseFiled', { note: 'x' })], { expectedRevision: 'no_stream' });
    expect((await store.readStream('case-3')).map((event) => event.data)).toEqual([{ note: 'x' }]);
    expect(await store.headPosition()).toBe(1);
  });
});
