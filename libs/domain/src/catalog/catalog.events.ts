import type { SlaPolicy } from '../sla/sla-policy';

/** A motive of a typology: a stable id (what cases carry) and the name people read. */
export interface CatalogMotive {
  motiveId: string;
  name: string;
}

/**
 * What a typology is: its display name, its motives (none listed: any motive is accepted until an
 * admin lists them, ADR 44) and its service targets (priority, first response, resolution).
 */
export interface TypologyDefinition {
  typologyId: string;
  name: string;
  motives: CatalogMotive[];
  targets: SlaPolicy;
}

export type TypologyDefined = { type: 'TypologyDefined'; data: TypologyDefinition & { definedBy: string; definedAt: string } };
/** The whole definition again (name, motives, targets), replacing the previous one. */
export type TypologyChanged = { type: 'TypologyChanged'; data: TypologyDefinition & { changedBy: string; changedAt: string } };
/** No new case takes it; the cases that have it keep it, and its targets. */
export type TypologyRetired = { type: 'TypologyRetired'; data: { typologyId: string; retiredBy: string; retiredAt: string } };

export type CatalogEvent = TypologyDefined | TypologyChanged | TypologyRetired;
export type CatalogEventType = CatalogEvent['type'];

export const CATALOG_EVENT_SCHEMA_VERSIONS: Record<CatalogEventType, number> = {
  TypologyDefined: 1,
  TypologyChanged: 1,
  TypologyRetired: 1,
};

/** The whole catalog is one small stream: every change is decided against all of it. */
export const CATALOG_STREAM_ID = 'catalog';
