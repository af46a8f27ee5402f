import { upcast, UpcasterRegistry } from '../shared/upcasting';

/** Why a session ended. */
export type SessionEndReason = 'signed-out' | 'refresh-token-reused' | 'user-deactivated' | 'password-changed';

/**
 * A sign-in session's events, on its stream `session-<sessionId>`. Refresh tokens appear only as
 * SHA-256 hashes (they are random, so a fast hash suffices); `expiresAt` bounds the whole session.
 */
export type SessionEvent =
  | { type: 'SessionStarted'; data: { sessionId: string; userId: string; refreshTokenHash: string; expiresAt: string } }
  | { type: 'SessionRefreshed'; data: { sessionId: string; refreshTokenHash: string } }
  | { type: 'SessionEnded'; data: { sessionId: string; reason: SessionEndReason } };

export type SessionEventType = SessionEvent['type'];

export const SESSION_EVENT_SCHEMA_VERSIONS: Record<SessionEventType, number> = {
  SessionStarted: 1,
  SessionRefreshed: 1,
  SessionEnded: 1,
};

/** No session event has a second version yet: a new version comes with its upcaster here. */
const SESSION_EVENT_UPCASTERS: UpcasterRegistry = {};

export function isSessionEventType(type: string): type is SessionEventType {
  return Object.prototype.hasOwnProperty.call(SESSION_EVENT_SCHEMA_VERSIONS, type);
}

export function upcastSessionEvent(type: SessionEventType, storedVersion: number, data: Record<string, unknown>): SessionEvent {
  return { type, data: upcast(SESSION_EVENT_UPCASTERS, type, storedVersion, SESSION_EVENT_SCHEMA_VERSIONS[type], data) } as SessionEvent;
}

export const sessionStreamId = (sessionId: string): string => `session-${sessionId}`;
