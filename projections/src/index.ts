import { caseQueuesProjection } from './case-queues/case-queues.projection';
import { caseTimelineProjection } from './case-timeline/case-timeline.projection';
import { caseViewProjection } from './case-view/case-view.projection';
import type { Projection } from './projection';
import { reportsProjection } from './reports/reports.projection';

export * from './projection';
export * from './case-keys';
export * from './verification-code';
export * from './case-view/case-view';
export * from './case-view/case-view.projection';
export * from './case-queues/case-queues.projection';
export * from './case-queues/queue-of';
export * from './case-timeline/case-timeline.projection';
export * from './case-timeline/timeline-entry';
export * from './reports/reports.projection';
export * from './reports/report-day';
export * from './reports/report-summary';
export * from './reports/report-reads';
export { ownEntry } from './keyed-counts';

/** Every projection the projector runs. */
export const ALL_PROJECTIONS: readonly Projection[] = [caseViewProjection, caseQueuesProjection, caseTimelineProjection, reportsProjection];
export * from './sla-timers/sla-timers.projection';
export * from './mail-outbox/mail-outbox.projection';
