import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, Role } from '@app/domain';
import { AppConfig, Clock, EmailReservations, UserCredentials, UserCredentialsReader, verifyAgainstNobody, verifyPassword } from '@app/runtime';
import { FailedSignIns } from './failed-sign-ins';
import { SignInErrors } from './sign-in.errors';
import type { TokenPairDto } from './sign-in.dto';
import { IssuedRefresh, Sessions, StoredSession, UserSinceStart } from './sessions';

/** Where a request comes from, for the failure counts and the events' correlation. */
export interface Caller {
  address: string;
  correlationId: string;
}

/**
 * Sign-in with email and password, refresh with token rotation, sign-out (ADR 39). The tokens are
 * our HS256 JWTs (`sub`, `roles` = the directory's roles now, `sid`), verified like any other.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly emails: EmailReservations,
    private readonly credentials: UserCredentialsReader,
    private readonly sessions: Sessions,
    private readonly failures: FailedSignIns,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async signIn(email: string, password: string, caller: Caller): Promise<TokenPairDto> {
    const userId = await this.emails.userIdOf(email);
    const account = accountKey(userId, email);
    this.refuseWhenThrottled(account, caller.address);
    // Counted before the work, so that guesses sent all at once are bounded too; taken back on success.
    const attempt = this.failures.record(account, caller.address);
    const user = userId === undefined ? undefined : await this.credentials.of(userId);
    const matches = user ? await this.passwordMatches(user, password) : await verifyAgainstNobody(password);
    if (!userId || !user || !matches) throw SignInErrors.invalidCredentials();
    this.failures.succeeded(account, caller.address, attempt);
    if (!user.state.exists || !user.state.active) throw SignInErrors.userDeactivated();
    return this.tokens(userId, user, await this.sessions.start(userId, caller.correlationId));
  }

  async refresh(refreshToken: string, caller: Caller): Promise<TokenPairDto> {
    const userSince = async (session: StoredSession): Promise<UserSinceStart> => {
      if (!session.state.exists) return { userStillActive: false, passwordUnchanged: false };
      const user = await this.credentials.of(session.state.userId);
      const before = (positions: number[]) => positions.every((position) => position < session.startedAt);
      return { userStillActive: user.state.exists && user.state.active && before(user.deactivatedAt), passwordUnchanged: before(user.passwordSetAt) };
    };
    let outcome: Awaited<ReturnType<Sessions['refresh']>>;
    try {
      outcome = await this.sessions.refresh(refreshToken, userSince, caller.correlationId);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SESSION.REFUSED') throw SignInErrors.invalidRefreshToken();
      throw error;
    }
    const ended = outcome.events.find((event) => event.type === 'SessionEnded');
    if (ended?.type === 'SessionEnded' && ended.data.reason === 'user-deactivated') throw SignInErrors.userDeactivated();
    if (!outcome.issued || !outcome.userId) throw SignInErrors.invalidRefreshToken();
    return this.tokens(outcome.userId, await this.credentials.of(outcome.userId), outcome.issued);
  }

  signOut(refreshToken: string, caller: Caller): Promise<void> {
    return this.sessions.end(refreshToken, caller.correlationId);
  }

  /** The signed-in user's current password, checked (401 and counted as a failed sign-in when wrong). */
  async checkOwnPassword(actor: Actor, password: string, caller: Caller): Promise<void> {
    const account = accountKey(actor.id, '');
    this.refuseWhenThrottled(account, caller.address);
    const attempt = this.failures.record(account, caller.address);
    if (!(await this.passwordMatches(await this.credentials.of(actor.id), password))) throw SignInErrors.invalidCredentials();
    this.failures.succeeded(account, caller.address, attempt);
  }

  private refuseWhenThrottled(account: string, address: string): void {
    const retryAfter = this.failures.retryAfterSeconds(account, address);
    if (retryAfter > 0) throw SignInErrors.tooManyAttempts(retryAfter);
  }

  /** One scrypt whatever the case: a user without a password costs what a wrong password costs. */
  private passwordMatches(user: UserCredentials, password: string): Promise<boolean> {
    return user.passwordHash ? verifyPassword(password, user.passwordHash) : verifyAgainstNobody(password);
  }

  private tokens(userId: string, user: UserCredentials, issued: IssuedRefresh): TokenPairDto {
    const roles: Role[] = user.state.exists ? user.state.roles : [];
    const expiresIn = this.config.ACCESS_TOKEN_MINUTES * 60;
    const accessToken = this.jwt.sign({ sub: userId, roles, sid: issued.sessionId }, { algorithm: 'HS256', expiresIn });
    const refreshExpiresIn = Math.max(0, Math.floor((Date.parse(issued.expiresAt) - this.clock.now().getTime()) / 1000));
    return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken: issued.refreshToken, refreshExpiresIn, user: { userId, displayName: user.displayName, roles } };
  }
}

/** The failures of an account count together whichever way it is named: its user id once the email is known. */
function accountKey(userId: string | undefined, email: string): string {
  return userId === undefined ? `email:${email.trim().toLowerCase()}` : `user:${userId}`;
}
