import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CaseErrors, caseStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { toCaseEvent } from '@app/runtime';
import { ActorNames } from '../../read-side/actor-names';
import { conversationOf } from './conversation-entries';
import type { ConversationDto } from './conversation.dto';

export class GetConversationQuery {
  constructor(readonly caseId: string) {}
}

/**
 * The case's thread, read from its stream (ADR 43): the store decrypts what the petitioner's key
 * protects and reads `[erased]` once it is destroyed, and a case's stream is short.
 */
@QueryHandler(GetConversationQuery)
export class GetConversationHandler implements IQueryHandler<GetConversationQuery, ConversationDto> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly actorNames: ActorNames,
  ) {}

  async execute({ caseId }: GetConversationQuery): Promise<ConversationDto> {
    const recorded = await this.store.readStream(caseStreamId(caseId));
    if (recorded.length === 0) throw CaseErrors.notFound();
    const entries = conversationOf(
      recorded.map((event) => ({ event: toCaseEvent(event), place: { revision: event.revision, position: event.position, actorId: String(event.metadata.actorId) } })),
    );
    return { caseId, revision: recorded[recorded.length - 1].revision, entries: await this.actorNames.name(entries) };
  }
}
