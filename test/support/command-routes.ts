import { ACTORS, ActorName } from './actors';
import type { CaseStage } from './case-driver';
import { validFiling } from './test-app';

/** What the suites know about one command route of API.md, keyed by its OpenAPI path. */
export interface CommandRouteSpec {
  /** As the OpenAPI document names it: `/cases/{id}/assignment`. */
  path: string;
  /** The roles API.md gives the route. */
  roles: string[];
  /** Who sends the valid command (holds one of `roles`; the assignee when it is a backoffice agent). */
  actor: ActorName;
  /** A body the route accepts at `readyAt`; it includes every optional nested object, so that their fields get checked too. */
  validBody: () => Record<string, unknown>;
  /** Where `validBody` is accepted; absent for the filing, which needs no case. */
  readyAt?: CaseStage;
  /** A stage whose status forbids the command: 409 `CASE.WRONG_STATUS`. */
  forbiddenAt?: CaseStage;
  successStatus: 200 | 201;
  /** False when a success may append nothing (a distribution with an empty queue). Default true. */
  appendsOnSuccess?: boolean;
}

/** The command routes of API.md. */
export const COMMAND_ROUTES: CommandRouteSpec[] = [
  {
    path: '/cases',
    roles: ['agent'],
    actor: 'agent',
    validBody: () => ({
      ...validFiling(),
      kind: 'petition',
      petitioner: { ...validFiling().petitioner, address: 'Calle 10 # 20-30, Bogotá', company: 'Rojas SAS' },
      attachments: [{ name: 'factura.pdf', contentType: 'application/pdf', size: 2048 }],
      // It must name a case already filed (CASE.RELATED_NOT_FOUND otherwise): the suites that send this body file one first.
      relatedFilingNumber: '2026-000001',
      firstLineResolution: { resolution: 'Se explicó el procedimiento' },
    }),
    successStatus: 201,
  },
  {
    path: '/cases/distribution',
    roles: ['supervisor'],
    actor: 'supervisor',
    validBody: () => ({ rule: 'round-robin', backofficeIds: [ACTORS.backoffice.sub, ACTORS.otherBackoffice.sub], limit: 10 }),
    successStatus: 200,
    // It assigns what the unassigned queue (a read model) shows when it runs: possibly nothing.
    appendsOnSuccess: false,
  },
  {
    path: '/cases/{id}/assignment',
    roles: ['supervisor'],
    actor: 'supervisor',
    validBody: () => ({ backofficeId: ACTORS.backoffice.sub }),
    readyAt: 'filed',
    forbiddenAt: 'closed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/typification-review',
    roles: ['backoffice'],
    actor: 'backoffice',
    validBody: () => ({ consistent: false, reason: 'Es una queja por la atención, no un reclamo' }),
    readyAt: 'assigned',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/typification',
    roles: ['agent', 'supervisor'],
    actor: 'agent',
    validBody: () => ({ kind: 'complaint', typology: 'general-information', motive: 'rude-staff' }),
    readyAt: 'returned',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/information-requests',
    roles: ['backoffice'],
    actor: 'backoffice',
    validBody: () => ({ message: 'Por favor adjunte la factura de febrero' }),
    readyAt: 'in_progress',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/information-period-extension',
    roles: ['agent', 'backoffice', 'supervisor'],
    actor: 'agent',
    validBody: () => ({ channel: 'phone' }),
    readyAt: 'awaiting_information',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/information',
    roles: ['backoffice', 'agent'],
    actor: 'backoffice',
    validBody: () => ({ summary: 'Factura recibida por correo', channel: 'email' }),
    readyAt: 'awaiting_information',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/responses',
    roles: ['backoffice'],
    actor: 'backoffice',
    validBody: () => ({ body: 'Reversamos el cobro duplicado', outcome: 'resolved', decision: 'favourable' }),
    readyAt: 'in_progress',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/notes',
    roles: ['agent', 'backoffice', 'supervisor'],
    actor: 'supervisor',
    validBody: () => ({ text: 'El cliente prefiere que lo llamen en la tarde' }),
    readyAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/counter-replies',
    roles: ['backoffice', 'agent'],
    actor: 'agent',
    validBody: () => ({ summary: 'El cliente insiste en la reversión', channel: 'phone' }),
    readyAt: 'responded_pending',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/extensions',
    roles: ['backoffice', 'supervisor'],
    actor: 'supervisor',
    validBody: () => ({ businessDays: 5, reason: 'Se requiere concepto del área de facturación' }),
    readyAt: 'filed',
    forbiddenAt: 'closed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/transfer',
    roles: ['supervisor'],
    actor: 'supervisor',
    validBody: () => ({ entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'No es de nuestra competencia' }),
    readyAt: 'filed',
    forbiddenAt: 'closed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/survey',
    roles: ['agent'],
    actor: 'agent',
    validBody: () => ({ score: 4, comment: 'Buena atención' }),
    readyAt: 'responded_resolved',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/quality-reviews',
    roles: ['quality'],
    actor: 'quality',
    validBody: () => ({ score: 87, findings: 'Respuesta completa y a tiempo' }),
    readyAt: 'responded_resolved',
    forbiddenAt: 'filed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/priority',
    roles: ['supervisor'],
    actor: 'supervisor',
    validBody: () => ({ priority: 'urgent', reason: { kind: 'legal', code: 'risk_to_life' } }),
    readyAt: 'filed',
    forbiddenAt: 'closed',
    successStatus: 200,
  },
  {
    path: '/cases/{id}/closure',
    roles: ['supervisor'],
    actor: 'supervisor',
    validBody: () => ({ reason: 'El cliente desistió' }),
    readyAt: 'filed',
    forbiddenAt: 'closed',
    successStatus: 200,
  },
];

/** The request path for a route, on a given case. */
export const routeUrl = (route: CommandRouteSpec, caseId?: string): string => route.path.replace('{id}', caseId ?? '');
