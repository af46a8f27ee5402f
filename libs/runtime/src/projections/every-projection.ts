import { caseQueuesProjection, caseTimelineProjection, caseViewProjection, Projection, reportsProjection, teamsProjection, usersProjection } from '@app/projections';
import { mailOutboxProjectionOf } from '@app/processes/mail-outbox/mail-outbox-projection-of';
import { slaTimersProjectionOf } from '@app/processes/sla/sla-timers-projection-of';
import { businessCalendarOf } from '../calendar/business-calendar-of';
import { AppConfig, slaPoliciesOf } from '../config/app-config';

/** The read models: what the read side's projector keeps (each process manager keeps its own projection). */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [caseViewProjection, caseQueuesProjection, caseTimelineProjection, reportsProjection, usersProjection, teamsProjection];

/** The process managers' projections, as the configuration sets them up: the SLA clock's `sla-timers`, the email outbox's `mail-outbox`. */
export function processProjectionsOf(config: AppConfig): Projection[] {
  return [slaTimersProjectionOf(config, businessCalendarOf(config), slaPoliciesOf(config)), mailOutboxProjectionOf(config)];
}

/**
 * Every projection the system runs, each with its own checkpoint: the read models and the process
 * managers' own. What `npm run projections:rebuild` rebuilds.
 */
export function everyProjectionOf(config: AppConfig): Projection[] {
  return [...READ_MODEL_PROJECTIONS, ...processProjectionsOf(config)];
}
