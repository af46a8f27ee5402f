import { Inject, Injectable } from '@nestjs/common';
import { DirectoryErrors, userStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { TEAMS_COLLECTION, TeamListing, teamsProjection, USERS_COLLECTION, UserListing, usersProjection } from '@app/projections';
import { Filter, findEvery, READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness, RequestValidationError } from '@app/runtime';
import { DIRECTORY_ID_REGEX } from './directory.dto';
import type { UserHistoryDto, UserListQueryDto } from './directory.dto';

/** What the history shows of a password hash: that one was set, never what it is. */
export const REDACTED = '[redacted]';


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
    const users = await this.matchingUsers(query, query.minPosition);
    const after = query.cursor === undefined ? undefined : cursorToUserId(query.cursor);
    const matching = after === undefined ? users : users.filter((user) => user.userId > after);
    const limit = query.limit ?? 50;
    const items = matching.slice(0, limit);
    return { items, nextCursor: matching.length > limit ? userCursor(items[items.length - 1].userId) : null };
  }

  /** Every user the filters match, in user-id order (the whole directory is read: ADR 38), once the read model includes `minPosition`. */
  async matchingUsers(filters: Pick<UserListQueryDto, 'role' | 'teamId' | 'active'>, minPosition?: number): Promise<UserListing[]> {
    await this.freshness.waitFor(minPosition, [usersProjection.name]);
    const where: Filter[] = filters.active === undefined ? [] : [{ field: 'active', op: 'eq', value: filters.active }];
    const users = await findEvery<UserListing>(this.readStore, USERS_COLLECTION, { where, sort: [] });
    return users.filter((user) => (filters.role === undefined || user.roles.includes(filters.role)) && (filters.teamId === undefined || user.teamIds.includes(filters.teamId)));
  }

  async user(userId: string, minPosition?: number): Promise<UserListing> {
    await this.freshness.waitFor(minPosition, [usersProjection.name]);
    const found = await this.readStore.get<UserListing>(USERS_COLLECTION, userId);
    if (!found) throw DirectoryErrors.userNotFound();
    return found.data;
  }

  async teams(minPosition?: number): Promise<{ items: TeamListing[] }> {
    await this.freshness.waitFor(minPosition, [teamsProjection.name]);
    return { items: await findEvery<TeamListing>(this.readStore, TEAMS_COLLECTION, { where: [], sort: [] }) };
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
