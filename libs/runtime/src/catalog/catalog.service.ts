import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  CATALOG_EVENT_SCHEMA_VERSIONS,
  CATALOG_SEED_ACTOR,
  CATALOG_STREAM_ID,
  catalogDecider,
  CatalogCommand,
  CatalogEvent,
  catalogSlaPolicies,
  CatalogState,
  SlaPolicies,
} from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { SLA_POLICIES } from '../calendar/sla-policies.token';
import { toOffsetIso } from '../commands/case-events';
import type { CommandContext } from '../commands/command-context';
import { decideOnStream, StreamOutcome, WithoutSender } from '../commands/stream-command';
import { Clock } from '../storage/clock';

export type CatalogCommandInput = WithoutSender<CatalogCommand>;
export type CatalogOutcome = StreamOutcome<CatalogEvent>;

const CATALOG_EVENTS = { schemaVersions: CATALOG_EVENT_SCHEMA_VERSIONS, read: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as CatalogEvent };

/**
 * The catalog of typologies (ADR 44): one stream, folded once and brought up to date from the last
 * revision read (a filing reads it every time: usually no new event). Seeded from `SLA_POLICIES` on
 * the first start; every read puts the catalog's targets into this process's SLA policies.
 */
@Injectable()
export class Catalog implements OnApplicationBootstrap {
  private state: CatalogState = catalogDecider.initialState();
  private revision = -1;
  private readonly base: SlaPolicies;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    /** The process's policies object: its `byTypology` becomes the catalog's (the deadline reads and the SLA process hold it). */
    @Inject(SLA_POLICIES) private readonly policies: SlaPolicies,
    private readonly clock: Clock,
  ) {
    this.base = { ...policies };
  }

  async onApplicationBootstrap(): Promise<void> {
    const seed = { type: 'SeedCatalog' as const, data: { policies: this.base } };
    const context: CommandContext = { actor: { id: CATALOG_SEED_ACTOR, roles: [] }, correlationId: randomUUID(), requestHash: 'seed' };
    await this.change(seed, context);
  }

  /** The catalog now (every event appended so far). */
  async current(): Promise<{ state: CatalogState; revision: number }> {
    const news = await this.store.readStream(CATALOG_STREAM_ID, { fromRevision: this.revision + 1 });
    if (news.length > 0) {
      this.state = news.map(CATALOG_EVENTS.read).reduce(catalogDecider.evolve, this.state);
      this.revision = news[news.length - 1].revision;
      this.policies.byTypology = catalogSlaPolicies(this.base, this.state).byTypology;
    }
    return { state: this.state, revision: this.revision };
  }

  async change(input: CatalogCommandInput, context: CommandContext): Promise<CatalogOutcome> {
    const command = { ...input, actor: context.actor, at: toOffsetIso(this.clock.now()) } as CatalogCommand;
    const id = 'typologyId' in input.data ? input.data.typologyId : CATALOG_STREAM_ID;
    const outcome = await decideOnStream(this.store, { decider: catalogDecider, events: CATALOG_EVENTS, streamId: CATALOG_STREAM_ID, id }, command, context);
    await this.current();
    return outcome;
  }
}
