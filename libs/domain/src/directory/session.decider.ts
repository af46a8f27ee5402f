import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { SessionEvent } from './session.events';

/** What a session command carries: the instant it is decided at (ISO-8601 with offset). */
interface At {
  at: string;
}

export type SessionCommand = At &
  (
    | { type: 'StartSession'; data: { sessionId: string; userId: string; refreshTokenHash: string; expiresAt: string } }
    /**
     * What the runtime reads of the user: `userStillActive`, active now and not deactivated since the
     * session started; `passwordUnchanged`, no password set since it started.
     */
    | { type: 'RefreshSession'; data: { sessionId: string; presentedHash: string; nextHash: string; userStillActive: boolean; passwordUnchanged: boolean } }
    | { type: 'EndSession'; data: { sessionId: string; presentedHash: string } }
  );

export type SessionState =
  | { exists: false }
  | { exists: true; userId: string; currentHash: string; rotatedHashes: string[]; expiresAt: string; ended: boolean };

/** Why a refresh token does not work; the HTTP layer answers each with 401 and says no more. */
export const SessionErrors = {
  refused: (why: 'unknown' | 'ended' | 'expired' | 'stale') => new DomainError('SESSION.REFUSED', `The refresh token is not valid (${why})`, 'rule', { why }),
  alreadyStarted: () => new DomainError('SESSION.ALREADY_STARTED', 'The session already exists', 'conflict'),
};

const isPast = (expiresAt: string, at: string) => Date.parse(at) >= Date.parse(expiresAt);

function decide(command: SessionCommand, state: SessionState): SessionEvent[] {
  if (command.type === 'StartSession') {
    if (state.exists) throw SessionErrors.alreadyStarted();
    return [{ type: 'SessionStarted', data: command.data }];
  }
  const { sessionId, presentedHash } = command.data;
  if (command.type === 'EndSession') {
    // Signing out with any token the session ever had ends it; an unknown or ended session changes nothing.
    if (!state.exists || state.ended) return [];
    const known = presentedHash === state.currentHash || state.rotatedHashes.includes(presentedHash);
    return known ? [{ type: 'SessionEnded', data: { sessionId, reason: 'signed-out' } }] : [];
  }
  if (!state.exists) throw SessionErrors.refused('unknown');
  if (state.ended) throw SessionErrors.refused('ended');
  // A token already rotated away came back: whoever holds it copied it, so nobody keeps the session.
  if (state.rotatedHashes.includes(presentedHash)) return [{ type: 'SessionEnded', data: { sessionId, reason: 'refresh-token-reused' } }];
  if (presentedHash !== state.currentHash) throw SessionErrors.refused('stale');
  if (isPast(state.expiresAt, command.at)) throw SessionErrors.refused('expired');
  if (!command.data.userStillActive) return [{ type: 'SessionEnded', data: { sessionId, reason: 'user-deactivated' } }];
  // A new password (reset by an admin, or changed by the user) signs every earlier session out.
  if (!command.data.passwordUnchanged) return [{ type: 'SessionEnded', data: { sessionId, reason: 'password-changed' } }];
  return [{ type: 'SessionRefreshed', data: { sessionId, refreshTokenHash: command.data.nextHash } }];
}

function evolve(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted':
      return { exists: true, userId: event.data.userId, currentHash: event.data.refreshTokenHash, rotatedHashes: [], expiresAt: event.data.expiresAt, ended: false };
    case 'SessionRefreshed':
      return state.exists ? { ...state, rotatedHashes: [...state.rotatedHashes, state.currentHash], currentHash: event.data.refreshTokenHash } : state;
    case 'SessionEnded':
      return state.exists ? { ...state, ended: true } : state;
  }
}

/**
 * A sign-in session: started with a refresh token, refreshed by rotating it (each token works once),
 * ended by signing out, by a rotated token coming back, by the user's deactivation or a new password. It lasts at
 * most until `expiresAt`, however often it is refreshed.
 */
export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
};
