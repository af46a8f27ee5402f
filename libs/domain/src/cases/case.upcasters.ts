import type { UpcasterRegistry } from '../shared/upcasting';

/** Upcasters of the case events; empty while every case event is at schema version 1. */
export const CASE_EVENT_UPCASTERS: UpcasterRegistry = {};
