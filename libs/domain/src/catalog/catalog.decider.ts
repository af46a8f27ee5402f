import type { Decider } from '../shared/decider';
import type { SlaPolicy } from '../sla/sla-policy';
import type { CatalogCommand } from './catalog.commands';
import type { CatalogEvent, TypologyDefinition } from './catalog.events';
import { CatalogErrors } from './catalog.errors';

export interface CatalogTypology extends TypologyDefinition {
  retired: boolean;
}

/** Keyed by typology id, in the order they were defined. */
export interface CatalogState {
  typologies: Readonly<Record<string, CatalogTypology>>;
}

/** Who the seed's events are recorded by: no person, the first start. */
export const CATALOG_SEED_ACTOR = 'system:catalog-seed';

export const catalogDecider: Decider<CatalogCommand, CatalogEvent, CatalogState> = {
  initialState: () => ({ typologies: {} }),
  decide: decideCatalog,
  evolve: evolveCatalog,
};

function decideCatalog(command: CatalogCommand, state: CatalogState): CatalogEvent[] {
  const { typologies } = state;
  switch (command.type) {
    case 'SeedCatalog':
      if (Object.keys(typologies).length > 0) return [];
      return Object.entries(command.data.policies.byTypology).map(([typologyId, targets]) => ({
        type: 'TypologyDefined',
        data: { typologyId, name: typologyId, motives: [], targets, definedBy: command.actor.id, definedAt: command.at },
      }));
    case 'DefineTypology':
      if (Object.hasOwn(typologies, command.data.typologyId)) throw CatalogErrors.typologyExists(command.data.typologyId);
      return [{ type: 'TypologyDefined', data: { ...validDefinition(command.data), definedBy: command.actor.id, definedAt: command.at } }];
    case 'ChangeTypology':
      requireTypology(state, command.data.typologyId);
      return [{ type: 'TypologyChanged', data: { ...validDefinition(command.data), changedBy: command.actor.id, changedAt: command.at } }];
    case 'RetireTypology': {
      const typology = requireTypology(state, command.data.typologyId);
      if (typology.retired) return [];
      return [{ type: 'TypologyRetired', data: { typologyId: command.data.typologyId, retiredBy: command.actor.id, retiredAt: command.at } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

function evolveCatalog(state: CatalogState, event: CatalogEvent): CatalogState {
  const { typologyId } = event.data;
  const current = state.typologies[typologyId];
  switch (event.type) {
    case 'TypologyDefined':
    case 'TypologyChanged': {
      const { name, motives, targets } = event.data;
      return { typologies: { ...state.typologies, [typologyId]: { typologyId, name, motives, targets, retired: current?.retired ?? false } } };
    }
    case 'TypologyRetired':
      return current ? { typologies: { ...state.typologies, [typologyId]: { ...current, retired: true } } } : state;
  }
}

function requireTypology(state: CatalogState, typologyId: string): CatalogTypology {
  if (!Object.hasOwn(state.typologies, typologyId)) throw CatalogErrors.typologyNotFound(typologyId);
  return state.typologies[typologyId];
}

/** The rules a definition keeps beyond its fields' formats (the HTTP layer checks those). */
function validDefinition(definition: TypologyDefinition): TypologyDefinition {
  const seen = new Set<string>();
  for (const { motiveId } of definition.motives) {
    if (seen.has(motiveId)) throw CatalogErrors.duplicateMotive(motiveId);
    seen.add(motiveId);
  }
  requireCoherentTargets(definition.targets);
  return { typologyId: definition.typologyId, name: definition.name, motives: definition.motives.map(({ motiveId, name }) => ({ motiveId, name })), targets: definition.targets };
}

function requireCoherentTargets({ priority, firstResponse, resolution }: SlaPolicy): void {
  if (priority === 'urgent') throw CatalogErrors.urgentPriority();
  // Targets in different units are compared per case, where the calendar knows the business hours (as SLA_POLICIES).
  if (firstResponse.unit === resolution.unit && firstResponse.amount > resolution.amount) throw CatalogErrors.firstResponseAfterResolution();
}
