import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Clock, RequestValidationError, toOffsetIso } from '@app/runtime';

/** The event recorded each time a staff member is shown a case's personal data. Not a case event: projections skip it. */
export const PERSONAL_DATA_ACCESSED = 'PersonalDataAccessed';

/** One stream per case, `access-<caseId>`: the auditors' question ("who saw this case's data?") is one stream read. */
export const accessStreamId = (caseId: string) => `access-${caseId}`;

export interface AccessRecord {
  caseId: string;
  actor: Actor;
  /** The route as the router names it: `GET /cases/:id`. */
  route: string;
  requestId: string;
}

export interface AccessEntry {
  at: string;
  actorId: string;
  actorRoles: string[];
  route: string;
  requestId: string;
}

export interface AccessPage {
  items: AccessEntry[];
  nextCursor: string | null;
}

/** The access audit of Ley 1581 de 2012, kept in the event store (append-only, durable; ADR 0006). */
@Injectable()
export class AccessAuditLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async record({ caseId, actor, route, requestId }: AccessRecord): Promise<void> {
    const at = toOffsetIso(this.clock.now());
    await this.store.appendToStream(
      accessStreamId(caseId),
      [
        {
          type: PERSONAL_DATA_ACCESSED,
          data: { caseId, route },
          metadata: {
            eventId: randomUUID(),
            schemaVersion: 1,
            correlationId: requestId,
            causationId: requestId,
            actorId: actor.id,
            actorRoles: [...actor.roles],
            occurredAt: at,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }

  /** The accesses to one case, oldest first, a page at a time. */
  async list(caseId: string, limit: number, cursor?: string): Promise<AccessPage> {
    const after = cursor === undefined ? -1 : parseCursor(caseId, cursor);
    const events = await this.store.readStream(accessStreamId(caseId), { fromRevision: after + 1, maxCount: limit + 1 });
    const page = events.slice(0, limit);
    return {
      items: page.map(({ data, metadata }) => ({
        at: String(metadata.occurredAt),
        actorId: metadata.actorId,
        actorRoles: metadata.actorRoles ?? [],
        route: String(data.route),
        requestId: metadata.correlationId,
      })),
      nextCursor: events.length > limit ? makeCursor(caseId, page[page.length - 1].revision) : null,
    };
  }
}

/** Cursors name the query they belong to, so that one from another case or route is refused. */
const fingerprint = (caseId: string) => createHash('sha256').update(`access-audit:${caseId}`).digest('base64url').slice(0, 16);

function makeCursor(caseId: string, revision: number): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(caseId), after: [revision] })).toString('base64url');
}

function parseCursor(caseId: string, cursor: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { q, after } = (parsed ?? {}) as { q?: unknown; after?: unknown };
  const revision = Array.isArray(after) && after.length === 1 ? after[0] : undefined;
  if (q !== fingerprint(caseId) || typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
    throw new RequestValidationError([{ field: 'cursor', reason: 'cursor must be a nextCursor of this query' }]);
  }
  return revision;
}
