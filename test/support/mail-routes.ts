import type { Role } from '@app/domain';

/**
 * The email channel's routes (issue 6), which are neither API.md commands on a case nor its
 * queries, so the command and query suites leave them out; the authorization matrix checks them,
 * test/mail-channel.e2e-spec.ts checks what they do.
 */
export interface MailRouteSpec {
  method: 'GET' | 'POST';
  /** As the OpenAPI document names it. */
  path: string;
  /** `shared-secret`: no bearer token opens it, only the gateway's X-Inbound-Secret (401 otherwise). */
  roles: readonly Role[] | 'shared-secret';
}

export const MAIL_ROUTES: MailRouteSpec[] = [
  { method: 'POST', path: '/inbound/email', roles: 'shared-secret' },
  { method: 'GET', path: '/mail/unmatched', roles: ['supervisor'] },
  { method: 'POST', path: '/mail/unmatched/{id}/case', roles: ['supervisor'] },
  { method: 'POST', path: '/mail/unmatched/{id}/erasure', roles: ['admin'] },
];

export const isMailRoute = (method: MailRouteSpec['method'], path: string) => MAIL_ROUTES.some((route) => route.method === method && route.path === path);
