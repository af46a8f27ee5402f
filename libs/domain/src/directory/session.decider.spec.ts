import { deciderSpec } from '../testing/given-when-then';
import { sessionDecider } from './session.decider';
import type { SessionEvent } from './session.events';

const at = '2026-03-02T10:00:00-05:00';
const sessionId = 's-1';
const started: SessionEvent = { type: 'SessionStarted', data: { sessionId, userId: 'admin-ada', refreshTokenHash: 'h0', expiresAt: '2026-03-02T22:00:00-05:00' } };
const rotated: SessionEvent = { type: 'SessionRefreshed', data: { sessionId, refreshTokenHash: 'h1' } };
const refresh = (presentedHash: string, userStillActive = true, when = at, passwordUnchanged = true) => ({
  at: when,
  type: 'RefreshSession' as const,
  data: { sessionId, presentedHash, nextHash: 'h-next', userStillActive, passwordUnchanged },
});
const signOut = (presentedHash: string) => ({ at, type: 'EndSession' as const, data: { sessionId, presentedHash } });
const spec = deciderSpec(sessionDecider);

describe('session decider', () => {
  it('starts a session once', () => {
    spec.given([]).when({ at, type: 'StartSession', data: started.data }).then([started]);
    spec.given([started]).when({ at, type: 'StartSession', data: started.data }).thenFails('SESSION.ALREADY_STARTED');
  });

  it('rotates the refresh token: the current one gives the next, and works no more', () => {
    spec.given([started]).when(refresh('h0')).then([{ type: 'SessionRefreshed', data: { sessionId, refreshTokenHash: 'h-next' } }]);
    spec.given([started, rotated]).when(refresh('h1')).then([{ type: 'SessionRefreshed', data: { sessionId, refreshTokenHash: 'h-next' } }]);
  });

  it('ends the session when a token already rotated away comes back (reuse)', () => {
    spec.given([started, rotated]).when(refresh('h0')).then([{ type: 'SessionEnded', data: { sessionId, reason: 'refresh-token-reused' } }]);
  });

  it('refuses an unknown session, an ended one, a token it never issued and an expired session', () => {
    spec.given([]).when(refresh('h0')).thenFails('SESSION.REFUSED');
    spec.given([started, { type: 'SessionEnded', data: { sessionId, reason: 'signed-out' } }]).when(refresh('h0')).thenFails('SESSION.REFUSED');
    spec.given([started]).when(refresh('forged')).thenFails('SESSION.REFUSED');
    spec.given([started]).when(refresh('h0', true, '2026-03-02T22:00:00-05:00')).thenFails('SESSION.REFUSED');
  });

  it('ends the session instead of refreshing it when the user was deactivated, or given a new password, since it started', () => {
    spec.given([started]).when(refresh('h0', false)).then([{ type: 'SessionEnded', data: { sessionId, reason: 'user-deactivated' } }]);
    spec.given([started]).when(refresh('h0', true, at, false)).then([{ type: 'SessionEnded', data: { sessionId, reason: 'password-changed' } }]);
  });

  it('signs out with the current or an older token; an ended or unknown session, or a foreign token, changes nothing', () => {
    spec.given([started, rotated]).when(signOut('h1')).then([{ type: 'SessionEnded', data: { sessionId, reason: 'signed-out' } }]);
    spec.given([started, rotated]).when(signOut('h0')).then([{ type: 'SessionEnded', data: { sessionId, reason: 'signed-out' } }]);
    spec.given([started, { type: 'SessionEnded', data: { sessionId, reason: 'signed-out' } }]).when(signOut('h0')).then([]);
    spec.given([]).when(signOut('h0')).then([]);
    spec.given([started]).when(signOut('forged')).then([]);
  });
});
