import { ActorName, bearer } from '../../support/actors';
import type { TestApp } from '../../support/test-app';
import { createAssignablePeople } from '../../support/assignable-people';

/** What GET /public/cases/:filingNumber answers (PLAN of issue 26), as far as the suites read it. */
export interface PublicCaseView {
  status: string;
  statusLabel: string;
  responses: Array<{ body: string; outcome: string }>;
  informationRequest: { message: string } | null;
  actions: { answerInformation: boolean; counterReply: boolean; answerSurvey: boolean };
}

/** Polls until the condition holds, then returns the value; the read side follows the commands asynchronously. */
export async function eventually<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A person at the company acting on a case over the API, as the staff console will: 200 or the test fails with the answer. */
export async function staffCommand(t: TestApp, actor: ActorName, caseId: string, command: string, body: object): Promise<void> {
  if (command === 'assignment') await createAssignablePeople(t);
  const response = await t.http().post(`/cases/${caseId}/${command}`).set('Authorization', bearer(actor)).send(body);
  if (response.status !== 200) throw new Error(`${actor} POST /cases/${caseId}/${command}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** The case's id once the "to typify" queue shows the web filing. */
export function caseToTypify(t: TestApp, filingNumber: string): Promise<string> {
  return eventually(`${filingNumber} in GET /queues/to-typify`, async () => {
    const response = await t.http().get('/queues/to-typify').set('Authorization', bearer('agent'));
    if (response.status !== 200) throw new Error(`GET /queues/to-typify: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body.items as Array<{ caseId: string; filingNumber: string }>).find((item) => item.filingNumber === filingNumber)?.caseId;
  });
}

/** What the customer's page will read, once it satisfies `ready` (the public view follows the commands asynchronously). */
export function publicCaseWhen(t: TestApp, filingNumber: string, code: string, ready: (view: PublicCaseView) => boolean): Promise<PublicCaseView> {
  return eventually(`GET /public/cases/${filingNumber} to satisfy ${ready}`, async () => {
    const response = await t.http().get(`/public/cases/${filingNumber}`).query({ code });
    return response.status === 200 && ready(response.body as PublicCaseView) ? (response.body as PublicCaseView) : undefined;
  });
}

/** The case's events, as an auditor reads them. */
export async function caseHistory(t: TestApp, caseId: string): Promise<Array<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>> {
  const response = await t.http().get(`/cases/${caseId}/history`).set('Authorization', bearer('auditor'));
  if (response.status !== 200) throw new Error(`GET /cases/${caseId}/history: ${response.status}`);
  return response.body.events;
}
