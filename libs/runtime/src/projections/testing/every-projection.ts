import type { Projection } from '@app/projections';
import { validateAppConfig } from '../../config/app-config';
import { everyProjectionOf } from '../every-projection';

/** Every projection the system runs, with test mail settings: for specs that hold for all of them. */
export const EVERY_PROJECTION: readonly Projection[] = everyProjectionOf(
  validateAppConfig({
    MAIL_COMPANY_NAME: 'Empresa S.A.',
    MAIL_PUBLIC_BASE_URL: 'https://pqr.example.co',
    MAIL_SERVICE_LINE: '601 555 0100',
    MAIL_FROM: 'PQR <pqr@pqr.example.co>',
  }),
);
