import { Gauge } from 'prom-client';
import type { PqrMetrics } from './pqr-metrics';
import { readStoreSnapshot, StoreSnapshot, StoreSources } from './store-snapshot';

export const PROJECTION_STATES = ['starting', 'running', 'retrying', 'failed'] as const;
export type ProjectionState = (typeof PROJECTION_STATES)[number];

export interface GaugeSources extends StoreSources {
  /** The states of the projections this process runs (none when the projector runs in another process). */
  states: () => ReadonlyArray<{ name: string; state: ProjectionState }>;
}

/**
 * The gauges read at scrape time: one snapshot of the stores per scrape, shared by every gauge
 * (the registry collects them concurrently).
 */
export function registerStoreGauges(metrics: PqrMetrics, sources: GaugeSources): void {
  let pending: Promise<StoreSnapshot> | undefined;
  const snapshot = () => {
    pending ??= readStoreSnapshot(sources).finally(() => (pending = undefined));
    return pending;
  };
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>, snap: StoreSnapshot) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        collect(this, await snapshot());
      },
    });

  gauge('pqr_store_up', 'Whether the store answered this scrape (1) or not (0)', ['store'], (g, snap) => {
    g.set({ store: 'event' }, Number(snap.eventStoreUp));
    g.set({ store: 'read' }, Number(snap.readStoreUp));
  });
  gauge('pqr_event_store_head_position', 'The position of the last event in the store', [], (g, snap) => {
    if (snap.head !== undefined) g.set(snap.head);
  });
  gauge('pqr_projection_lag_events', "Events a projection's saved checkpoint is behind the event store's head", ['projection'], (g, snap) => {
    for (const lag of snap.lags) g.set({ projection: lag.name }, lag.events);
  });
  gauge('pqr_projection_lag_seconds', 'How long ago the oldest event a projection has not applied was recorded (0 when caught up)', ['projection'], (g, snap) => {
    for (const lag of snap.lags) g.set({ projection: lag.name }, lag.seconds);
  });
  gauge('pqr_projection_position', "A projection's saved checkpoint", ['projection'], (g, snap) => {
    for (const lag of snap.lags) g.set({ projection: lag.name }, lag.position);
  });
  gauge('pqr_projection_state', 'The state of each projection this process runs: 1 for its current state', ['projection', 'state'], (g) => {
    for (const { name, state } of sources.states()) for (const each of PROJECTION_STATES) g.set({ projection: name, state: each }, Number(each === state));
  });
  gauge('pqr_mail_outbox_backlog', 'Customer emails owed and not yet delivered (mail_outbox, pending)', [], (g, snap) => {
    if (snap.outboxBacklog !== undefined) g.set(snap.outboxBacklog);
  });
  gauge('pqr_mail_outbox_failing', 'Emails still owed after at least one failed delivery attempt', [], (g, snap) => {
    if (snap.outboxFailing !== undefined) g.set(snap.outboxFailing);
  });
  gauge('pqr_sla_timers_due', 'Cases with an SLA timer due by now and not yet acted on (sla_timers)', [], (g, snap) => {
    if (snap.timersDue !== undefined) g.set(snap.timersDue);
  });
}
