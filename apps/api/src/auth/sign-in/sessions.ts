import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SESSION_EVENT_SCHEMA_VERSIONS, SessionCommand, sessionDecider, SessionEvent, SessionEventType, SessionState, sessionStreamId, upcastSessionEvent } from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import { AppConfig, Clock, toOffsetIso } from '@app/runtime';

/** A refresh token as handed out: the session id, a dot, 32 random bytes. Only its SHA-256 is stored. */
const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/;

export const hashRefreshToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A session as the event store holds it, with where it started (a deactivation after that ends it). */
export interface StoredSession {
  state: SessionState;
  startedAt: number;
}

/** What became of the session's user since it started (RefreshSession's facts). */
export interface UserSinceStart {
  userStillActive: boolean;
  passwordUnchanged: boolean;
}

/** What a refresh or a sign-in hands back: the new refresh token and when the session ends. */
export interface IssuedRefresh {
  sessionId: string;
  refreshToken: string;
  expiresAt: string;
}

/**
 * Sessions on their streams `session-<id>` (ADR 39): each command reads the stream, decides with the
 * session decider and appends at the revision it read; a concurrent append makes it decide again.
 */
@Injectable()
export class Sessions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async start(userId: string, correlationId: string): Promise<IssuedRefresh> {
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken(sessionId);
    const expiresAt = toOffsetIso(new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_HOURS * 3600_000));
    await this.decideAndAppend(sessionId, userId, correlationId, (at) => ({ at, type: 'StartSession', data: { sessionId, userId, refreshTokenHash: hashRefreshToken(refreshToken), expiresAt } }));
    return { sessionId, refreshToken, expiresAt };
  }

  /**
   * Rotates the refresh token, or ends the session (a reused token, a deactivated user, a new
   * password): the events decided. `userSince` reads the user for the session's start position.
   */
  async refresh(refreshToken: string, userSince: (session: StoredSession) => Promise<UserSinceStart>, correlationId: string): Promise<{ events: SessionEvent[]; issued?: IssuedRefresh; userId?: string }> {
    const sessionId = sessionIdOf(refreshToken);
    if (!sessionId) return { events: [] };
    const next = newRefreshToken(sessionId);
    const { events, state } = await this.decideAndAppend(sessionId, undefined, correlationId, async (at, stored) => ({
      at,
      type: 'RefreshSession',
      data: { sessionId, presentedHash: hashRefreshToken(refreshToken), nextHash: hashRefreshToken(next), ...(await userSince(stored)) },
    }));
    const refreshed = events.some((event) => event.type === 'SessionRefreshed');
    return { events, userId: state.exists ? state.userId : undefined, issued: refreshed && state.exists ? { sessionId, refreshToken: next, expiresAt: state.expiresAt } : undefined };
  }

  /** Ends the session the token belongs to; a malformed or unknown token, or an ended session, changes nothing. */
  async end(refreshToken: string, correlationId: string): Promise<void> {
    const sessionId = sessionIdOf(refreshToken);
    if (!sessionId) return;
    await this.decideAndAppend(sessionId, undefined, correlationId, (at) => ({ at, type: 'EndSession', data: { sessionId, presentedHash: hashRefreshToken(refreshToken) } }));
  }

  private async decideAndAppend(
    sessionId: string,
    startingUser: string | undefined,
    correlationId: string,
    commandAt: (at: string, stored: StoredSession) => SessionCommand | Promise<SessionCommand>,
  ): Promise<{ events: SessionEvent[]; state: SessionState }> {
    const streamId = sessionStreamId(sessionId);
    for (;;) {
      const history = await this.store.readStream(streamId);
      const stored = fold(history);
      const at = toOffsetIso(this.clock.now());
      const command = await commandAt(at, stored);
      const events = sessionDecider.decide(command, stored.state);
      const state = events.reduce(sessionDecider.evolve, stored.state);
      if (events.length === 0) return { events, state };
      const actorId = startingUser ?? (stored.state.exists ? stored.state.userId : 'unknown');
      const toAppend = events.map((event) => ({
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: { eventId: randomUUID(), schemaVersion: SESSION_EVENT_SCHEMA_VERSIONS[event.type], correlationId, causationId: correlationId, actorId, occurredAt: at, commandType: command.type },
      }));
      try {
        await this.store.appendToStream(streamId, toAppend, { expectedRevision: history.length === 0 ? 'no_stream' : history[history.length - 1].revision });
        return { events, state };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
}

function newRefreshToken(sessionId: string): string {
  return `${sessionId}.${randomBytes(32).toString('base64url')}`;
}

function sessionIdOf(refreshToken: string): string | undefined {
  return REFRESH_TOKEN.exec(refreshToken)?.[1];
}

function fold(history: readonly RecordedEvent[]): StoredSession {
  let state = sessionDecider.initialState();
  for (const recorded of history) {
    state = sessionDecider.evolve(state, upcastSessionEvent(recorded.type as SessionEventType, Number(recorded.metadata.schemaVersion ?? 1), recorded.data));
  }
  return { state, startedAt: history[0]?.position ?? 0 };
}
