import type { SlaPolicies } from '../sla/sla-policy';
import type { CatalogState } from './catalog.decider';
import { CatalogErrors } from './catalog.errors';

/**
 * Filing, typifying and re-typifying take only what the catalog lists: a known typology, not retired
 * unless the case has it already, and one of its motives when it lists any (ADR 44).
 */
export function requireInCatalog(
  catalog: CatalogState,
  typification: { typology: string; motive: string },
  current: { typology: string; motive: string } | null = null,
): void {
  const { typology, motive } = typification;
  if (!Object.hasOwn(catalog.typologies, typology)) throw CatalogErrors.unknownTypology(typology);
  const entry = catalog.typologies[typology];
  const keepsItsTypology = current?.typology === typology;
  if (entry.retired && !keepsItsTypology) throw CatalogErrors.typologyRetired(typology);
  const keepsItsMotive = keepsItsTypology && current?.motive === motive;
  if (entry.motives.length > 0 && !keepsItsMotive && !entry.motives.some((listed) => listed.motiveId === motive)) throw CatalogErrors.unknownMotive(typology, motive);
}

/** The service targets in force: the configuration's channels, default and urgent policies, each typology's from the catalog (retired ones too: their cases keep them). */
export function catalogSlaPolicies(base: SlaPolicies, catalog: CatalogState): SlaPolicies {
  const byTypology = Object.fromEntries(Object.values(catalog.typologies).map((typology) => [typology.typologyId, typology.targets]));
  return { ...base, byTypology };
}
