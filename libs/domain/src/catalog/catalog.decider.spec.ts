import { deciderSpec } from '../testing/given-when-then';
import { foldEvents } from '../shared/decider';
import type { Actor } from '../shared/actor';
import { DEFAULT_SLA_POLICIES, selectSlaPolicy } from '../sla/sla-policy';
import type { SlaPolicy } from '../sla/sla-policy';
import type { CatalogCommand } from './catalog.commands';
import { CATALOG_SEED_ACTOR, catalogDecider } from './catalog.decider';
import type { CatalogEvent, TypologyDefinition } from './catalog.events';
import { catalogSlaPolicies, requireInCatalog } from './catalog-typification';

const spec = deciderSpec(catalogDecider);
const admin: Actor = { id: 'adm-ada', roles: ['admin'] };
const at = '2026-03-02T10:00:00-05:00';
const targets: SlaPolicy = { priority: 'high', firstResponse: { amount: 4, unit: 'business_hours' }, resolution: { amount: 2, unit: 'business_days' } };
const warranty: TypologyDefinition = { typologyId: 'warranty', name: 'Garantía', motives: [{ motiveId: 'defective-device', name: 'Equipo defectuoso' }], targets };
const defined = (definition: TypologyDefinition = warranty): CatalogEvent => ({ type: 'TypologyDefined', data: { ...definition, definedBy: admin.id, definedAt: at } });
const run = <T extends CatalogCommand['type']>(type: T, data: Extract<CatalogCommand, { type: T }>['data'], actor = admin) => ({ type, data, actor, at }) as CatalogCommand;
const catalogOf = (events: CatalogEvent[]) => foldEvents(catalogDecider, events);

describe('catalog decider', () => {
  it('given an empty catalog, when seeded from SLA_POLICIES, then one TypologyDefined per typology with its targets and no motives', () => {
    const events = spec.given([]).when(run('SeedCatalog', { policies: DEFAULT_SLA_POLICIES }, { id: CATALOG_SEED_ACTOR, roles: [] })).thenEmits();
    expect(events.map((event) => event.data.typologyId)).toEqual(['billing', 'general-information', 'urgent-technical-problem', 'feature-question']);
    expect(events[0]).toEqual({
      type: 'TypologyDefined',
      data: { typologyId: 'billing', name: 'billing', motives: [], targets: DEFAULT_SLA_POLICIES.byTypology.billing, definedBy: CATALOG_SEED_ACTOR, definedAt: at },
    });
  });

  it('given a catalog with anything in it, when seeded again, then nothing (the seed is for the first start only)', () => {
    spec.given([defined()]).when(run('SeedCatalog', { policies: DEFAULT_SLA_POLICIES })).then([]);
  });

  it('given no such typology, when an admin defines it, then TypologyDefined; defining it again is 409 CATALOG.TYPOLOGY_EXISTS', () => {
    spec.given([]).when(run('DefineTypology', warranty)).then([defined()]);
    spec.given([defined()]).when(run('DefineTypology', warranty)).thenFails('CATALOG.TYPOLOGY_EXISTS');
  });

  it.each([
    ['a motive listed twice', { ...warranty, motives: [...warranty.motives, ...warranty.motives] }, 'CATALOG.DUPLICATE_MOTIVE'],
    ['an urgent priority', { ...warranty, targets: { ...targets, priority: 'urgent' as const } }, 'CATALOG.URGENT_PRIORITY'],
    ['a first response after the resolution', { ...warranty, targets: { ...targets, firstResponse: { amount: 3, unit: 'business_days' as const } } }, 'CATALOG.FIRST_RESPONSE_AFTER_RESOLUTION'],
  ])('given %s, when defined, then 422 %s', (_name, definition, code) => {
    spec.given([]).when(run('DefineTypology', definition)).thenFails(code);
  });

  it('given a typology, when changed, then TypologyChanged with the whole new definition; an unknown one is 404', () => {
    const renamed = { ...warranty, name: 'Garantía de equipos' };
    spec.given([defined()]).when(run('ChangeTypology', renamed)).then([{ type: 'TypologyChanged', data: { ...renamed, changedBy: admin.id, changedAt: at } }]);
    spec.given([]).when(run('ChangeTypology', renamed)).thenFails('CATALOG.TYPOLOGY_NOT_FOUND');
  });

  it('given a typology, when retired, then TypologyRetired once; retiring it again changes nothing', () => {
    const retired: CatalogEvent = { type: 'TypologyRetired', data: { typologyId: 'warranty', retiredBy: admin.id, retiredAt: at } };
    spec.given([defined()]).when(run('RetireTypology', { typologyId: 'warranty' })).then([retired]);
    spec.given([defined(), retired]).when(run('RetireTypology', { typologyId: 'warranty' })).then([]);
  });
});

describe('typifications the catalog accepts (ADR 44)', () => {
  const retired: CatalogEvent = { type: 'TypologyRetired', data: { typologyId: 'warranty', retiredBy: admin.id, retiredAt: at } };
  const codeOf = (check: () => void): string | undefined => {
    try {
      check();
      return undefined;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it.each([
    ['a listed typology and motive', { typology: 'warranty', motive: 'defective-device' }, null, undefined],
    ['a typology not in it (the trailing-space story)', { typology: 'Facturación ', motive: 'x' }, null, 'CATALOG.UNKNOWN_TYPOLOGY'],
    ['a motive the typology does not list', { typology: 'warranty', motive: 'late-delivery' }, null, 'CATALOG.UNKNOWN_MOTIVE'],
  ])('%s: %s', (_name, typification, current, code) => {
    expect(codeOf(() => requireInCatalog(catalogOf([defined()]), typification, current))).toBe(code);
  });

  it('given a typology without motives, then any motive is accepted until an admin lists them', () => {
    expect(codeOf(() => requireInCatalog(catalogOf([defined({ ...warranty, motives: [] })]), { typology: 'warranty', motive: 'anything' }))).toBeUndefined();
  });

  it('given a retired typology, then a new case cannot take it, and a case that has it keeps it (with its motive)', () => {
    const catalog = catalogOf([defined(), retired]);
    expect(codeOf(() => requireInCatalog(catalog, { typology: 'warranty', motive: 'defective-device' }))).toBe('CATALOG.TYPOLOGY_RETIRED');
    expect(codeOf(() => requireInCatalog(catalog, { typology: 'warranty', motive: 'defective-device' }, { typology: 'warranty', motive: 'defective-device' }))).toBeUndefined();
  });

  it("given the catalog's targets, then the SLA policies in force take each typology's from it (retired ones too), and the rest from the configuration", () => {
    const policies = catalogSlaPolicies(DEFAULT_SLA_POLICIES, catalogOf([defined(), retired]));
    expect(selectSlaPolicy(policies, 'warranty', null)).toEqual({ source: 'typology', policy: targets });
    expect(selectSlaPolicy(policies, 'billing', null).source).toBe('default');
    expect(policies.urgent).toBe(DEFAULT_SLA_POLICIES.urgent);
  });
});
