import { BusinessCalendar, DEFAULT_SLA_POLICIES } from '@app/domain';
import { ALL_PROJECTIONS } from '../index';
import { createMailOutboxProjection } from '../mail-outbox/mail-outbox.projection';
import type { Projection } from '../projection';
import { createSlaTimersProjection } from '../sla-timers/sla-timers.projection';

/** Every projection the system rebuilds, the process managers' two with test settings: for specs that hold for all of them. */
export const EVERY_PROJECTION: readonly Projection[] = [
  ...ALL_PROJECTIONS,
  createSlaTimersProjection({ calendar: new BusinessCalendar(), policies: DEFAULT_SLA_POLICIES, customerSilenceBusinessDays: 2 }),
  createMailOutboxProjection({ companyName: 'Empresa S.A.', publicBaseUrl: 'https://pqr.example.co', serviceLine: '601 555 0100', messageIdDomain: 'pqr.example.co' }),
];
