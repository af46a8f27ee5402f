import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast SQLite append (~1 ms) to a slow remote store or request (10 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics one process exposes, in a registry of its own (one per application, so that several
 * applications in one process, as in the tests, never share or clash). The values read from the
 * stores at scrape time are added by `registerStoreGauges`.
 */
export class PqrMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'pqr_http_requests_total',
    help: 'HTTP responses by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = this.latency('pqr_command_duration_seconds', 'Command requests (POST) by route pattern and outcome: how long each took to answer', [
    'route',
    'outcome',
  ]);

  readonly appendDuration = this.latency('pqr_event_store_append_duration_seconds', 'Event store appends by outcome (ok, conflict: wrong expected revision, error)', ['outcome']);

  readonly eventsAppended = new Counter({
    name: 'pqr_events_appended_total',
    help: 'Events this process appended, by event type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly slaTimersFired = new Counter({
    name: 'pqr_sla_timers_fired_total',
    help: 'Facts the SLA process manager of this process recorded when a timer fell due, by event type',
    labelNames: ['fact'] as const,
    registers: [this.registry],
  });

  readonly mailDeliveryFailures = new Counter({
    name: 'pqr_mail_delivery_failures_total',
    help: 'Failed email delivery attempts this process recorded (EmailDeliveryFailed)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The text a Prometheus server scrapes. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private latency<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
    return new Histogram<L>({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }
}
