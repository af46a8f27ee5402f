import { Inject, Injectable } from '@nestjs/common';
import { DirectoryErrors, userStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { TEAMS_COLLECTION, TeamListing, teamsProjection, USERS_COLLECTION, UserListing, usersProjection } from '@app/projections';
import { Filter, READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness, RequestValidationError } from '@app/runtime';
import { DIRECTORY_ID_REGEX } from './directory.dto';
import type { UserHistoryDto, UserListQueryDto } from './directory.dto';

/** What the history shows of a password hash: that one was set, never what it is. */
export const REDACTED = '[redacted]';

/** The read store's largest page: the directory is read whole, in pages of this size. */
const STORE_PAGE = 1000;

/**
 * The directory as admins and supervisors read it. Role and team filters run over the whole
 * directory in memory (a company's staff, not its cases: ADR 38); pages follow the user id.
 */
@Injectable()
export class DirectoryReads {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async listUsers(query: UserListQueryDto): Promise<{ items: UserListing[]; nextCursor: string | null }> {
    await this.freshness.waitFor(query.minPosition, [usersProjection.name]);
    const after = query.cursor === undefined ? undefined : cursorToUserId(query.cursor);
    const where: Filter[] = query.active === undefined ? [] : [{ field: 'active', op: 'eq', value: query.active }];
    const matching = (await this.readWhole<UserListing>(USERS_COLLECTION, where)).filter(
      (user) =>
        (after === undefined || user.userId > after) &&
        (query.role === undefined || user.roles.includes(query.role)) &&
        (query.teamId === undefined || user.teamIds.includes(query.teamId)),
    );
    const limit = query.limit ?? 50;
    const items = matching.slice(0, limit);
    return { items, nextCursor: matching.length > limit ? userCursor(items[items.length - 1].userId) : null };
  }

  async user(userId: string, minPosition?: number): Promise<UserListing> {
    await this.freshness.waitFor(minPosition, [usersProjection.name]);
    const found = await this.readStore.get<UserListing>(USERS_COLLECTION, userId);
    if (!found) throw DirectoryErrors.userNotFound();
    return found.data;
  }

  async teams(minPosition?: number): Promise<{ items: TeamListing[] }> {
    await this.freshness.waitFor(minPosition, [teamsProjection.name]);
    return { items: await this.readWhole<TeamListing>(TEAMS_COLLECTION, []) };
  }

  /** Every change to a user, as recorded: the event, who made it and when (for auditors). */
  async history(userId: string): Promise<UserHistoryDto> {
    const events = await this.eventStore.readStream(userStreamId(userId));
    if (events.length === 0) throw DirectoryErrors.userNotFound();
    return {
      userId,
      events: events.map((event) => ({
        revision: event.revision,
        type: event.type,
        data: event.type === 'UserPasswordSet' ? { ...event.data, passwordHash: REDACTED } : event.data,
        actorId: String(event.metadata.actorId),
        occurredAt: String(event.metadata.occurredAt),
      })),
    };
  }

  /** Every document of a collection, in id order. */
  private async readWhole<T extends object>(collection: string, where: Filter[]): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readStore.find<T>(collection, { where, sort: [], limit: STORE_PAGE, cursor });
      all.push(...page.items.map((item) => item.data));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }
}

/** A page of users ends after this user id; the cursor names its list (`q`), so another list's is refused. */
function userCursor(userId: string): string {
  return Buffer.from(JSON.stringify({ q: 'users', after: [userId] })).toString('base64url');
}

function cursorToUserId(cursor: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { q, after } = (decoded ?? {}) as { q?: unknown; after?: unknown };
  const userId: unknown = Array.isArray(after) && after.length === 1 ? after[0] : undefined;
  if (q !== 'users' || typeof userId !== 'string' || !DIRECTORY_ID_REGEX.test(userId)) {
    throw new RequestValidationError([{ field: 'cursor', reason: 'cursor must be a cursor returned by a previous page of this list' }]);
  }
  return userId;
}
