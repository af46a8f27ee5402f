import { SlaProcess } from '@app/processes';
import { createAssignablePeople } from './assignable-people';
import type { ManualClock, TestApp } from './test-app';
import { validFiling } from './test-app';

export interface SimulatedTimeTokens {
  agent: string;
  supervisor: string;
  backoffice: string;
}

/**
 * Commands and reads over HTTP at instants a test sets on its clock, with the SLA process manager
 * ticking only when the test says so. Reads wait (`?minPosition=`) for the last command or tick.
 */
export function simulatedTime(t: TestApp, clock: ManualClock, tokens: SimulatedTimeTokens, options: { catchUpBeforeReads?: boolean } = {}) {
  let position = 0;
  const slaProcess = () => t.app.get(SlaProcess).manager;

  const send = async (caseId: string, path: string, token: string, body: object, at: string) => {
    if (path === 'assignment') await createAssignablePeople(t);
    clock.set(at);
    const response = await t.http().post(`/cases/${caseId}/${path}`).set('Authorization', token).send(body);
    if (response.status === 200) position = response.body.position;
    return response;
  };
  const command = async (caseId: string, path: string, token: string, body: object, at: string) => {
    const response = await send(caseId, path, token, body, at);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 200 });
  };
  const get = async (path: string, token: string) => {
    if (options.catchUpBeforeReads) await slaProcess().catchUp();
    const response = await t.http().get(path).query({ minPosition: position }).set('Authorization', token);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };
  /** Filed, assigned to `bo-beto` and its typification confirmed, all at `at`. */
  const fileInProgress = async (at: string, filing: object = validFiling()) => {
    clock.set(at);
    const filed = await t.http().post('/cases').set('Authorization', tokens.agent).send(filing).expect(201);
    const caseId = filed.body.caseId as string;
    await command(caseId, 'assignment', tokens.supervisor, { backofficeId: 'bo-beto' }, at);
    await command(caseId, 'typification-review', tokens.backoffice, { consistent: true }, at);
    return caseId;
  };
  /** Moves the clock and lets the process manager act once on it; reads then wait for the head. */
  const passTimeTo = async (instant: string) => {
    clock.set(instant);
    const fired = await slaProcess().runOnce();
    position = await t.headPosition();
    return fired;
  };
  return { send, command, get, fileInProgress, passTimeTo };
}
