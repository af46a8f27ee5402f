import { DomainError } from '../shared/domain-error';

/** Stable error codes of the catalog of typologies and motives. */
export const CatalogErrors = {
  unknownTypology: (typology: string) =>
    new DomainError('CATALOG.UNKNOWN_TYPOLOGY', `The typology ${JSON.stringify(typology)} is not in the catalog (GET /catalog lists them)`, 'rule', { typology }),
  typologyRetired: (typology: string) =>
    new DomainError('CATALOG.TYPOLOGY_RETIRED', `The typology ${typology} was retired: it stays on the cases that have it, no other case takes it`, 'rule', { typology }),
  unknownMotive: (typology: string, motive: string) =>
    new DomainError('CATALOG.UNKNOWN_MOTIVE', `The motive ${JSON.stringify(motive)} is not one of the typology ${typology}'s (GET /catalog lists them)`, 'rule', { typology, motive }),
  typologyExists: (typology: string) => new DomainError('CATALOG.TYPOLOGY_EXISTS', `The typology ${typology} is already in the catalog`, 'conflict', { typology }),
  typologyNotFound: (typology: string) => new DomainError('CATALOG.TYPOLOGY_NOT_FOUND', `No typology ${typology} in the catalog`, 'not_found', { typology }),
  duplicateMotive: (motiveId: string) => new DomainError('CATALOG.DUPLICATE_MOTIVE', `The motive ${motiveId} is listed twice`, 'rule', { motiveId }),
  firstResponseAfterResolution: () =>
    new DomainError('CATALOG.FIRST_RESPONSE_AFTER_RESOLUTION', 'The first-response target cannot be later than the resolution target', 'rule'),
  urgentPriority: () => new DomainError('CATALOG.URGENT_PRIORITY', "A typology's priority cannot be 'urgent': only an urgent case is (CasePriorityChanged)", 'rule'),
};
