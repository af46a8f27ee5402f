import { upcast, UpcasterRegistry } from '../shared/upcasting';
import { CASE_EVENT_SCHEMA_VERSIONS, CaseEvent } from './case.events';

/** Upcasters of the case events; empty while every case event is at schema version 1. */
export const CASE_EVENT_UPCASTERS: UpcasterRegistry = {};

export function isCaseEventType(type: string): type is CaseEvent['type'] {
  return Object.prototype.hasOwnProperty.call(CASE_EVENT_SCHEMA_VERSIONS, type);
}

/** A stored case event brought to the schema the code reads today. */
export function upcastCaseEvent(type: CaseEvent['type'], storedVersion: number, data: Record<string, unknown>): CaseEvent {
  return { type, data: upcast(CASE_EVENT_UPCASTERS, type, storedVersion, CASE_EVENT_SCHEMA_VERSIONS[type], data) } as CaseEvent;
}
