/** What the catalog refuses in a typification (filing, typifying, re-typifying; ADR 44). */
export const CATALOG_TYPIFICATION_ERRORS = ['CATALOG.UNKNOWN_TYPOLOGY', 'CATALOG.TYPOLOGY_RETIRED', 'CATALOG.UNKNOWN_MOTIVE'];
