import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { components } from '@app/api-contract';
import { caseStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { startTestApp, TestApp } from './support/test-app';

const NOTE = 'Llamé a la clienta: prefiere que le escriban después de las 5 p. m.';

/** A conversation entry as the generated client types describe it. */
type Entry = components['schemas']['ConversationEntryDto'];

/**
 * Issue 28, parts 2, 3 and 7 over HTTP: staff read the case's whole thread in order, add internal
 * notes nobody outside sees, and every response records its decision, which the reports count.
 */
describe('HTTP: the conversation, internal notes and decisions (issue 28)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-conversation-'));
  let t: TestApp;
  let cases: CaseDriver;
  let caseId: string;
  let filingNumber: string;

  const ok = async (path: string, actor: Parameters<CaseDriver['command']>[2], body: object, headers: Record<string, string> = {}) => {
    const response = await cases.command(caseId, path, actor, body, headers);
    expect({ path, status: response.status, body: response.body }).toEqual({ path, status: 200, body: expect.anything() });
    return response;
  };
  const conversation = (actor: Parameters<typeof bearer>[0], id = caseId) => t.http().get(`/cases/${id}/conversation`).set('Authorization', bearer(actor));

  beforeAll(async () => {
    t = await startTestApp({ dataDir });
    cases = new CaseDriver(t);
    ({ caseId, filingNumber } = await cases.caseAt('in_progress'));
    await ok('information-requests', 'backoffice', { message: 'Adjunte la factura de febrero' });
    await ok('information', 'agent', { summary: 'La clienta envió la factura', channel: 'phone' });
    await ok('notes', 'agent', { text: NOTE });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a response without its decision (400 naming decision), a partial or unfavourable one without its reason (400 naming decisionReason) or with a blank one (422)', async () => {
    const without = await cases.command(caseId, 'responses', 'backoffice', { body: 'Reversamos parte del cobro', outcome: 'resolved' });
    expect(without.status).toBe(400);
    expect(JSON.stringify(without.body)).toContain('decision');
    const wrong = await cases.command(caseId, 'responses', 'backoffice', { body: 'Reversamos parte del cobro', outcome: 'resolved', decision: 'maybe' });
    expect(wrong.status).toBe(400);
    for (const decision of ['partial', 'unfavourable']) {
      const reasonless = await cases.command(caseId, 'responses', 'backoffice', { body: 'Reversamos parte del cobro', outcome: 'resolved', decision });
      expect({ decision, status: reasonless.status, mentions: JSON.stringify(reasonless.body).includes('decisionReason') }).toEqual({ decision, status: 400, mentions: true });
    }
    const blank = await cases.command(caseId, 'responses', 'backoffice', { body: 'No procede', outcome: 'resolved', decision: 'unfavourable', decisionReason: '   ' });
    expect({ status: blank.status, code: blank.body.code }).toEqual({ status: 422, code: 'CASE.DECISION_REASON_REQUIRED' });
  });

  it('takes a note without making the assignee\'s revision stale: a response with the If-Match read before the note is recorded', async () => {
    const view = await t.http().get(`/cases/${caseId}`).query({ minPosition: await t.headPosition() }).set('Authorization', bearer('backoffice')).expect(200);
    const heldRevision = String(view.headers.etag);
    await ok('notes', 'supervisor', { text: 'Revisar si aplica compensación' });
    await ok('responses', 'backoffice', { body: 'Reversamos el cobro duplicado; el cargo de reconexión se mantiene', outcome: 'resolved', decision: 'partial', decisionReason: 'La reconexión sí se prestó' }, { 'If-Match': heldRevision });
    await ok('quality-reviews', 'quality', { score: 85, findings: 'Faltó citar la tarifa vigente' });
  });

  it('gives a supervisor the whole thread in order: each entry with its kind, author, channel, customer visibility and, for the response, its decision', async () => {
    const response = await conversation('supervisor').expect(200);
    const entries = response.body.entries as Entry[];
    expect(entries.map(({ kind, customerVisible }) => [kind, customerVisible])).toEqual([
      ['facts', true],
      ['request', true],
      ['information_requested', true],
      ['information_received', true],
      ['internal_note', false],
      ['internal_note', false],
      ['response', true],
      ['quality_finding', false],
    ]);
    expect(entries[4]).toMatchObject({ eventType: 'InternalNoteAdded', actorId: 'agent-ana', channel: 'internal', text: NOTE });
    expect(entries[6]).toMatchObject({
      eventType: 'ResponseSent', actorId: 'bo-beto', channel: 'email',
      response: { outcome: 'resolved', decision: 'partial', decisionReason: 'La reconexión sí se prestó' },
    });
    expect(entries[7]).toMatchObject({ text: 'Faltó citar la tarifa vigente', score: 85 });
    expect(entries[0].subject).toEqual(expect.any(String));
    expect(response.body).toMatchObject({ caseId, revision: expect.any(Number) });
  });

  it('lets every staff role that reads personal data read it, and records each read in the access audit; a reporter gets 403, an unknown case 404', async () => {
    for (const role of ['agent', 'backoffice', 'quality', 'auditor', 'admin'] as const) await conversation(role).expect(200);
    await conversation('reporter').expect(403);
    await conversation('supervisor', '00000000-0000-4000-8000-000000000999').expect(404);
    const audit = await t.http().get('/audit/access').query({ caseId }).set('Authorization', bearer('auditor')).expect(200);
    const routes = (audit.body.items as { route: string; actorId: string }[]).filter((item) => item.route === 'GET /cases/:id/conversation');
    expect(routes.map((item) => item.actorId)).toEqual(expect.arrayContaining(['sup-sofia', 'agent-ana', 'bo-beto', 'qa-quique', 'aud-aurora', 'adm-adela']));
  });

  it('shows the note in the staff timeline only as the fact that one was written, never its text, and never to the customer', async () => {
    const timeline = await t.http().get(`/cases/${caseId}/timeline`).query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
    const notes = (timeline.body.entries as { type: string; description: string; customerVisible: boolean }[]).filter((entry) => entry.type === 'InternalNoteAdded');
    expect(notes).toEqual([expect.objectContaining({ description: 'Nota interna registrada', customerVisible: false }), expect.objectContaining({ customerVisible: false })]);
    expect(JSON.stringify(timeline.body)).not.toContain(NOTE);
  });

  it('never shows a note in the public tracking of a web case, and a note may be added before anyone typifies it', async () => {
    const web = await cases.fileOnTheWeb();
    const noted = await cases.command(web.caseId, 'notes', 'agent', { text: NOTE });
    expect(noted.status).toBe(200);
    await t.http().get(`/cases/${web.caseId}`).query({ minPosition: await t.headPosition() }).set('Authorization', bearer('agent')).expect(200);
    const tracking = await t.http().get(`/public/cases/${web.filingNumber}`).query({ code: web.verificationCode }).expect(200);
    expect(JSON.stringify(tracking.body)).not.toContain(NOTE);
    expect(JSON.stringify(tracking.body)).not.toContain('Nota interna');
  });

  it('refuses a note from roles that do not work cases (403), a blank one (422 CASE.NOTE_EMPTY), and adds the same note once under one Idempotency-Key', async () => {
    for (const role of ['quality', 'auditor', 'reporter'] as const) {
      const refused = await cases.command(caseId, 'notes', role, { text: NOTE });
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }
    const blank = await cases.command(caseId, 'notes', 'agent', { text: '  ' });
    expect({ status: blank.status, code: blank.body.code }).toEqual({ status: 422, code: 'CASE.NOTE_EMPTY' });
    const headers = { 'Idempotency-Key': 'nota-1' };
    const first = await ok('notes', 'agent', { text: 'Una sola vez' }, headers);
    const again = await ok('notes', 'agent', { text: 'Una sola vez' }, headers);
    expect(again.body.position).toBe(first.body.position);
    const entries = (await conversation('supervisor').expect(200)).body.entries as Entry[];
    expect(entries.filter((entry) => entry.text === 'Una sola vez')).toHaveLength(1);
  });

  it('reads a response recorded before decisions were (ResponseSent v1) with its decision not recorded (null), which the reports count under none', async () => {
    const legacy = await cases.caseAt('in_progress');
    // Answered at the instant it was filed: the same month as the other case, whatever the day the suite runs.
    const occurredAt = String((await cases.history(legacy.caseId))[0].metadata.occurredAt);
    const metadata = { eventId: randomUUID(), schemaVersion: 1, correlationId: 'legacy', causationId: 'legacy', actorId: 'bo-beto', occurredAt };
    const data = { body: 'Respuesta de antes', outcome: 'resolved', respondedBy: 'bo-beto', respondedAt: occurredAt, counterReplyDeadline: occurredAt };
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(caseStreamId(legacy.caseId), [{ type: 'ResponseSent', data, metadata }], { expectedRevision: legacy.revision });
    const entries = (await conversation('supervisor', legacy.caseId).expect(200)).body.entries as Entry[];
    expect(entries.at(-1)).toMatchObject({ kind: 'response', text: 'Respuesta de antes', response: { outcome: 'resolved', decision: null, decisionReason: null } });
  });

  it('counts the decision under the typology in the reports', async () => {
    await t.http().get(`/cases/${caseId}`).query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
    const view = (await t.http().get(`/cases/${caseId}`).set('Authorization', bearer('supervisor')).expect(200)).body;
    const month = String(view.filedAt).slice(0, 7);
    const report = await t.http().get('/reports/monthly').query({ month, minPosition: await t.headPosition() }).set('Authorization', bearer('reporter')).expect(200);
    // Two resolutions of that typology: the partial one, and the v1 one, counted under no decision.
    expect(report.body.resolvedByBackoffice).toBe(2);
    expect(report.body.decisionsByTypology[view.typology]).toEqual({ favourable: 0, partial: 1, unfavourable: 0 });
    expect(filingNumber).toEqual(expect.any(String));
  });
});
