import type { Response } from 'supertest';
import { ActorName, ACTORS, bearer } from './actors';
import { createAssignablePeople } from './assignable-people';
import { TestApp, validFiling } from './test-app';
import { validWebFiling } from './valid-filing';

/** The statuses a test can ask a fresh case to be brought to (responded is split by outcome). */
export type CaseStage =
  | 'to_typify'
  | 'filed'
  | 'assigned'
  | 'returned'
  | 'in_progress'
  | 'awaiting_information'
  | 'responded_pending'
  | 'responded_resolved'
  | 'closed';

interface Step {
  after: CaseStage;
  path: string;
  actor: ActorName;
  body: Record<string, unknown>;
}

/** How each stage is reached from an earlier one, as people do it through the API. */
const STEPS: Record<Exclude<CaseStage, 'to_typify' | 'filed'>, Step> = {
  assigned: { after: 'filed', path: 'assignment', actor: 'supervisor', body: { backofficeId: ACTORS.backoffice.sub } },
  returned: { after: 'assigned', path: 'typification-review', actor: 'backoffice', body: { consistent: false, reason: 'Es una queja por la atención' } },
  in_progress: { after: 'assigned', path: 'typification-review', actor: 'backoffice', body: { consistent: true } },
  awaiting_information: { after: 'in_progress', path: 'information-requests', actor: 'backoffice', body: { message: 'Adjunte la factura de febrero' } },
  responded_pending: { after: 'in_progress', path: 'responses', actor: 'backoffice', body: { body: 'Estamos validando con facturación', outcome: 'pending', decision: 'favourable' } },
  responded_resolved: { after: 'in_progress', path: 'responses', actor: 'backoffice', body: { body: 'Reversamos el cobro duplicado', outcome: 'resolved', decision: 'favourable' } },
  closed: { after: 'filed', path: 'closure', actor: 'supervisor', body: { reason: 'El cliente desistió' } },
};

export interface DrivenCase {
  caseId: string;
  filingNumber: string;
  /** The case's revision (the value for If-Match). */
  revision: number;
}

export interface HistoryEvent {
  revision: number;
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Files cases and moves them through the lifecycle over HTTP, failing loudly if a step is refused. */
export class CaseDriver {
  constructor(private readonly t: TestApp) {}

  async file(body: object = validFiling(), headers: Record<string, string> = {}): Promise<DrivenCase> {
    const response = await this.t.http().post('/cases').set('Authorization', bearer('agent')).set(headers).send(body);
    expectStatus('POST /cases', response, 201);
    return { caseId: response.body.caseId, filingNumber: response.body.filingNumber, revision: response.body.revision };
  }

  /** A case the customer files on the web (POST /public/cases): untypified. */
  async fileOnTheWeb(body: object = validWebFiling(), headers: Record<string, string> = {}): Promise<DrivenCase & { verificationCode: string }> {
    const response = await this.t.http().post('/public/cases').set(headers).send(body);
    expectStatus('POST /public/cases', response, 201);
    const [event] = await this.history(await this.caseIdOf(response.body.filingNumber));
    return { caseId: String(event.data.caseId), filingNumber: response.body.filingNumber, revision: 0, verificationCode: response.body.verificationCode };
  }

  /** The case id of a filing number, as staff find it (GET /cases?filingNumber=, waiting for the read models). */
  async caseIdOf(filingNumber: string): Promise<string> {
    const response = await this.t.http().get('/cases').query({ filingNumber, minPosition: await this.t.headPosition() }).set('Authorization', bearer('agent'));
    expectStatus(`GET /cases?filingNumber=${filingNumber}`, response, 200);
    return response.body.items[0].caseId;
  }

  /** A fresh case at `stage`. */
  async caseAt(stage: CaseStage): Promise<DrivenCase> {
    if (stage === 'to_typify') return this.fileOnTheWeb();
    if (stage === 'filed') return this.file();
    const step = STEPS[stage];
    const earlier = await this.caseAt(step.after);
    const response = await this.command(earlier.caseId, step.path, step.actor, step.body);
    expectStatus(`POST /cases/:id/${step.path} (to reach ${stage})`, response, 200);
    return { ...earlier, revision: response.body.revision };
  }

  /** A command on the case; before an assignment, the assignable people are created in the directory (once per app). */
  async command(caseId: string, path: string, actor: ActorName, body: object, headers: Record<string, string> = {}): Promise<Response> {
    if (path === 'assignment') await createAssignablePeople(this.t);
    return this.t.http().post(`/cases/${caseId}/${path}`).set('Authorization', bearer(actor)).set(headers).send(body);
  }

  /** The raw events of the case, read by an auditor. */
  async history(caseId: string): Promise<HistoryEvent[]> {
    const response = await this.t.http().get(`/cases/${caseId}/history`).set('Authorization', bearer('auditor'));
    expectStatus(`GET /cases/${caseId}/history`, response, 200);
    return response.body.events;
  }
}

function expectStatus(label: string, response: Response, status: number): void {
  expect({ label, status: response.status, body: response.body }).toEqual({ label, status, body: expect.anything() });
}
