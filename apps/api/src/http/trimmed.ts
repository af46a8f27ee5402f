/** For `@Transform`: an id as people type it, without the spaces around it (the "Facturación " story, ADR 44). */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
