import type { CommandContext } from '../shared/actor';
import type { SlaPolicies } from '../sla/sla-policy';
import type { TypologyDefinition } from './catalog.events';

type Command<Type extends string, Data> = { type: Type; data: Data } & CommandContext;

export type DefineTypology = Command<'DefineTypology', TypologyDefinition>;
export type ChangeTypology = Command<'ChangeTypology', TypologyDefinition>;
export type RetireTypology = Command<'RetireTypology', { typologyId: string }>;
/** On first start only: the typologies of `SLA_POLICIES` become the catalog when it is empty. */
export type SeedCatalog = Command<'SeedCatalog', { policies: SlaPolicies }>;

export type CatalogCommand = DefineTypology | ChangeTypology | RetireTypology | SeedCatalog;
