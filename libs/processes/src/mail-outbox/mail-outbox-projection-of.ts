import type { Projection } from '@app/projections';
import { AppConfig, mailDomainOf, mailSettingsOf } from '@app/runtime/config/app-config';
import { createMailOutboxProjection } from './mail-outbox.projection';

/** The email outbox read model (`mail_outbox`), as the configuration sets it up. */
export function mailOutboxProjectionOf(config: AppConfig): Projection {
  return createMailOutboxProjection({ ...mailSettingsOf(config), messageIdDomain: mailDomainOf(config) });
}
