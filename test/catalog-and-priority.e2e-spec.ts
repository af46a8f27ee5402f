import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { bearer } from './support/actors';

const targets = { priority: 'high', firstResponse: { amount: 4, unit: 'business_hours' }, resolution: { amount: 2, unit: 'business_days' } };
const warranty = { typologyId: 'warranty', name: 'Garantía', motives: [{ motiveId: 'defective-device', name: 'Equipo defectuoso' }], targets };

/** Issue 28, parts 4 and 5: the catalog of typologies and motives, and urgent cases. */
describe('HTTP: the catalog and priority', () => {
  let t: TestApp;
  let admin: string;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.token('adm-ada', 'admin');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, token = admin) => t.http().post(path).set('Authorization', token).send(body);
  const file = (overrides: object = {}) => {
    seq++;
    const filing = validFiling();
    // A petitioner of its own per filing.
    return post('/cases', { ...filing, petitioner: { ...filing.petitioner, documentNumber: `7700${seq}`, email: `p${seq}@example.com` }, ...overrides }, bearer('agent'));
  };

  it('is seeded from SLA_POLICIES on first start, and every staff role reads it with the kinds', async () => {
    const catalog = (await t.http().get('/catalog').set('Authorization', bearer('agent')).expect(200)).body;
    expect(catalog.typologies.map((typology: { typologyId: string }) => typology.typologyId)).toEqual(['billing', 'general-information', 'urgent-technical-problem', 'feature-question']);
    expect(catalog.typologies[0]).toMatchObject({ name: 'billing', motives: [], retired: false, targets: { priority: 'high', resolution: { amount: 12, unit: 'business_hours' } } });
    expect(catalog.kinds).toContainEqual({ kind: 'claim', name: 'Reclamo', legalTermDays: 15 });
  });

  it('refuses a typology not in the catalog (the trailing-space story is trimmed first), and a motive the typology does not list', async () => {
    expect((await file({ typology: 'Facturación ' }).expect(422)).body).toMatchObject({ code: 'CATALOG.UNKNOWN_TYPOLOGY', details: { typology: 'Facturación' } });
    expect((await file({ typology: ' billing ' }).expect(201)).body.filingNumber).toMatch(/^\d{4}-\d{6}$/);
    await post('/catalog/typologies', warranty).expect(201);
    expect((await file({ typology: 'warranty', motive: 'late-delivery' }).expect(422)).body.code).toBe('CATALOG.UNKNOWN_MOTIVE');
    await file({ typology: 'warranty', motive: 'defective-device' }).expect(201);
  });

  it('an admin defines, changes and retires a typology; ids are held to their pattern; others may not change it', async () => {
    expect((await post('/catalog/typologies', { ...warranty, typologyId: 'Roaming Charges' }).expect(400)).body.code).toBe('VALIDATION.FAILED');
    await post('/catalog/typologies', { ...warranty, typologyId: 'roaming' }, bearer('supervisor')).expect(403);
    const defined = await post('/catalog/typologies', { ...warranty, typologyId: 'roaming', name: ' Roaming ' }).expect(201);
    expect(defined.body).toMatchObject({ id: 'roaming', events: ['TypologyDefined'] });
    expect((await post('/catalog/typologies', { ...warranty, typologyId: 'roaming' }).expect(409)).body.code).toBe('CATALOG.TYPOLOGY_EXISTS');
    await post('/catalog/typologies/roaming', { name: 'Roaming internacional', motives: [], targets }).expect(200);
    expect((await post('/catalog/typologies/nowhere/retirement', {}).expect(404)).body.code).toBe('CATALOG.TYPOLOGY_NOT_FOUND');
    await post('/catalog/typologies/roaming/retirement', {}).expect(200);
    const roaming = (await t.http().get('/catalog').set('Authorization', bearer('supervisor')).expect(200)).body.typologies.find((typology: { typologyId: string }) => typology.typologyId === 'roaming');
    expect(roaming).toMatchObject({ name: 'Roaming internacional', motives: [], retired: true });
    expect((await file({ typology: 'roaming' }).expect(422)).body.code).toBe('CATALOG.TYPOLOGY_RETIRED');
  });

  it("a case keeps a typology retired after it was filed, with the typology's targets from the catalog", async () => {
    await post('/catalog/typologies', { ...warranty, typologyId: 'old-plans', motives: [] }).expect(201);
    const filed = (await file({ typology: 'old-plans', motive: 'any', channel: 'chat' }).expect(201)).body;
    await post('/catalog/typologies/old-plans/retirement', {}).expect(200);
    const deadline = (await t.http().get(`/cases/${filed.caseId}/deadline`).set('Authorization', bearer('supervisor')).expect(200)).body;
    expect(deadline.policy).toMatchObject({ source: 'typology', typology: 'old-plans', priority: 'high' });
  });

  it('an agent files urgent with an art. 20 reason; a supervisor marks another urgent later and back; urgent cases come first in the queue, on the urgent targets', async () => {
    const normal = (await file().expect(201)).body;
    const urgent = (await file({ urgency: { kind: 'legal', code: 'risk_to_life' } }).expect(201)).body;
    expect((await file({ urgency: { kind: 'legal', code: 'platform_down' } }).expect(422)).body.code).toBe('CASE.URGENCY_REASON_REQUIRED');
    expect((await file({ urgency: { kind: 'legal', code: 'nonsense' } }).expect(400)).body.code).toBe('VALIDATION.FAILED');

    const view = (await t.http().get(`/cases/${urgent.caseId}?minPosition=${urgent.position}`).set('Authorization', bearer('supervisor')).expect(200)).body;
    expect(view).toMatchObject({ priority: 'urgent', urgencyReason: { kind: 'legal', code: 'risk_to_life' } });
    const found = async (priority: string) =>
      (await t.http().get('/cases').query({ priority, minPosition: urgent.position }).set('Authorization', bearer('supervisor')).expect(200)).body.items.map((item: { caseId: string }) => item.caseId);
    expect(await found('urgent')).toEqual(expect.arrayContaining([urgent.caseId]));
    expect(await found('urgent')).not.toContain(normal.caseId);
    expect(await found('normal')).toEqual(expect.arrayContaining([normal.caseId]));
    const deadline = (await t.http().get(`/cases/${urgent.caseId}/deadline`).set('Authorization', bearer('supervisor')).expect(200)).body;
    expect(deadline.policy).toMatchObject({ source: 'urgent', urgency: 'risk_to_life', priority: 'urgent' });
    const { entries } = (await t.http().get(`/cases/${urgent.caseId}/timeline?minPosition=${urgent.position}`).set('Authorization', bearer('supervisor')).expect(200)).body;
    expect(entries.find((entry: { type: string }) => entry.type === 'CasePriorityChanged')).toMatchObject({
      description: 'Caso marcado urgente: riesgo para la vida (art. 20, Ley 1755 de 2015)',
      customerVisible: false,
    });

    const queue = async (minPosition: number) =>
      (await t.http().get(`/queues/unassigned?minPosition=${minPosition}&limit=100`).set('Authorization', bearer('supervisor')).expect(200)).body.items.map((item: { caseId: string }) => item.caseId);
    const before = await queue(urgent.position);
    expect(before.indexOf(urgent.caseId)).toBeLessThan(before.indexOf(normal.caseId));

    await post(`/cases/${normal.caseId}/priority`, { priority: 'urgent', reason: { kind: 'company', code: 'billing_stopped' } }, bearer('agent')).expect(403);
    expect((await post(`/cases/${normal.caseId}/priority`, { priority: 'urgent' }, bearer('supervisor')).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await post(`/cases/${normal.caseId}/priority`, { priority: 'urgent', reason: { kind: 'company', code: 'risk_to_life' } }, bearer('supervisor')).expect(422)).body.code).toBe('CASE.URGENCY_REASON_REQUIRED');
    const marked = await post(`/cases/${normal.caseId}/priority`, { priority: 'urgent', reason: { kind: 'company', code: 'billing_stopped' } }, bearer('supervisor')).expect(200);
    expect(marked.body.events).toEqual(['CasePriorityChanged']);
    const back = await post(`/cases/${urgent.caseId}/priority`, { priority: 'normal' }, bearer('supervisor')).expect(200);
    const after = await queue(back.body.position);
    expect(after.indexOf(normal.caseId)).toBeLessThan(after.indexOf(urgent.caseId));
  });
});

describe('HTTP: the at-risk queue puts urgent cases first', () => {
  it('lists an urgent case not yet due before a normal case already overdue', async () => {
    // Monday 2 March 2026, 09:00 in Bogotá.
    const clock = new ManualClock(new Date('2026-03-02T14:00:00Z'));
    const t = await startTestApp({ clock });
    try {
      const file = (documentNumber: string, overrides: object = {}) => {
        const filing = validFiling();
        return t.http().post('/cases').set('Authorization', bearer('agent')).send({ ...filing, petitioner: { ...filing.petitioner, documentNumber }, ...overrides }).expect(201);
      };
      const normal = (await file('88001')).body;
      // Thursday: the normal claim's first response (12 business hours) is overdue.
      clock.set('2026-03-05T14:00:00Z');
      const urgent = (await file('88002', { urgency: { kind: 'legal', code: 'risk_to_life' } })).body;
      const atRisk = await t.http().get('/queues/at-risk').query({ withinHours: 24, minPosition: urgent.position }).set('Authorization', bearer('supervisor')).expect(200);
      const listed = atRisk.body.items.map((item: { caseId: string; overdue: boolean }) => [item.caseId, item.overdue]);
      expect(listed).toEqual([
        [urgent.caseId, false],
        [normal.caseId, true],
      ]);
    } finally {
      await t.close();
    }
  });
});
