import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';

/** Ley 1755 de 2015, art. 21, over HTTP: the 5-day term shown while it runs, the entity's address, a verbal petition told at once. */
describe('HTTP: transfer to the competent entity (art. 21)', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z')); // Monday 2 March 2026, 10:00 in Bogotá
  let t: TestApp;
  let agent: string, supervisor: string;
  const transfer = { entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'La garantía de bienes la vigila la SIC' };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    agent = t.token('agent-ana', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
  });
  afterAll(() => t.close());

  const file = async (channel: string) => {
    clock.set('2026-03-02T15:00:00Z');
    const filed = await t.http().post('/cases').set('Authorization', agent).send({ ...validFiling(), channel }).expect(201);
    return filed.body as { caseId: string; position: number };
  };
  const view = async (caseId: string, position: number) => (await t.http().get(`/cases/${caseId}?minPosition=${position}`).set('Authorization', supervisor).expect(200)).body;

  it('shows transferDueAt while the case is open and within the term (5 business days from the day after filing), null after it', async () => {
    const { caseId, position } = await file('web');
    clock.set('2026-03-09T22:00:00Z'); // Monday 9 March, 17:00: the fifth business day (3, 4, 5, 6, 9 March)
    expect((await view(caseId, position)).transferDueAt).toBe('2026-03-09T23:59:59.999-05:00');
    clock.set('2026-03-10T15:00:00Z');
    expect((await view(caseId, position)).transferDueAt).toBeNull();
  });

  it('a petition made by phone: the response says it is told at once and gives the words to read; the case records where the petition went', async () => {
    const { caseId } = await file('phone');
    clock.set('2026-03-04T15:00:00Z');
    const response = await t.http().post(`/cases/${caseId}/transfer`).set('Authorization', supervisor).send(transfer).expect(200);
    expect(response.body).toMatchObject({ events: ['CaseTransferred'], toldAtOnce: true });
    expect(response.body.noticeToRead).toContain('la trasladamos a Superintendencia de Industria y Comercio');
    expect(response.body.noticeToRead).toContain('La garantía de bienes la vigila la SIC');
    const transferred = await view(caseId, response.body.position);
    expect(transferred.transfer).toEqual({ ...transfer, toldAtOnce: true, transferredAt: '2026-03-04T10:00:00.000-05:00' });
    expect(transferred.transferDueAt).toBeNull();
  });

  it('a written petition (web form): not told at once, no text to read (the email copy tells the petitioner)', async () => {
    const { caseId } = await file('web');
    clock.set('2026-03-04T15:00:00Z');
    const response = await t.http().post(`/cases/${caseId}/transfer`).set('Authorization', supervisor).send(transfer).expect(200);
    expect(response.body).toMatchObject({ toldAtOnce: false, noticeToRead: null });
  });

  it('refuses a transfer without a valid entity address: 400 naming entityEmail, nothing appended', async () => {
    const { caseId } = await file('phone');
    const before = await t.headPosition();
    for (const body of [{ entity: transfer.entity, reason: transfer.reason }, { ...transfer, entityEmail: 'not-an-address' }]) {
      const response = await t.http().post(`/cases/${caseId}/transfer`).set('Authorization', supervisor).send(body).expect(400);
      expect(JSON.stringify(response.body)).toContain('entityEmail');
    }
    expect(await t.headPosition()).toBe(before);
  });
});
