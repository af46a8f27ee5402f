import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/domain';
import { DirectoryCommandService, hashPassword, toCommandContext } from '@app/runtime';
import { CurrentActor } from '../current-actor.decorator';
import { AnyRole, Public } from '../roles.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CallerOf } from './caller.decorator';
import * as Dto from './sign-in.dto';
import { TooManySignInAttempts } from './sign-in.errors';
import { Caller, SignInService } from './sign-in.service';

/** The 429 of too many failed sign-ins carries the standard Retry-After, like the throttled public routes. */
async function withRetryAfter<T>(response: Response, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof TooManySignInAttempts) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/**
 * Sign-in for the embedded directory (ADR 39): email and password give a short-lived access token
 * and a refresh token; refresh rotates it; sign-out ends the session. No bearer token needed but on
 * POST /auth/password.
 */
@ApiTags('auth')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIns: SignInService,
    private readonly commands: DirectoryCommandService,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  @Public()
  @ApiErrors('AUTH.INVALID_CREDENTIALS', 'USER.DEACTIVATED', 'AUTH.TOO_MANY_ATTEMPTS')
  @ApiOperation({
    summary: 'Sign in with email and password: an access token (minutes) and a refresh token (one working day)',
    description:
      'The same 401 AUTH.INVALID_CREDENTIALS for an unknown email and a wrong password. Failed attempts are counted per account ' +
      '(SIGN_IN_FAILURES_PER_ACCOUNT) and per client address (SIGN_IN_FAILURES_PER_ADDRESS) over SIGN_IN_FAILURE_WINDOW_MINUTES: ' +
      'beyond them, 429 AUTH.TOO_MANY_ATTEMPTS with Retry-After. In Swagger UI: run this, copy accessToken, Authorize, paste it.',
  })
  @ApiResponse({ status: 200, type: Dto.TokenPairDto })
  signIn(@Body() body: Dto.SignInDto, @CallerOf() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<Dto.TokenPairDto> {
    return withRetryAfter(response, () => this.signIns.signIn(body.email, body.password, caller));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiErrors('AUTH.INVALID_REFRESH_TOKEN', 'USER.DEACTIVATED')
  @ApiOperation({
    summary: 'A new token pair for the refresh token (rotation: each refresh token works once)',
    description:
      'A refresh token already used comes back: the session ends (401). 401 too when the session ended or expired (REFRESH_TOKEN_HOURS after sign-in), ' +
      'or when the user is deactivated or was deactivated at any time since signing in (a reactivation needs a new sign-in), ' +
      'or was given a new password since (AUTH.INVALID_REFRESH_TOKEN).',
  })
  @ApiResponse({ status: 200, type: Dto.TokenPairDto })
  refresh(@Body() body: Dto.RefreshDto, @CallerOf() caller: Caller): Promise<Dto.TokenPairDto> {
    return this.signIns.refresh(body.refreshToken, caller);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: "End the refresh token's session: it no longer refreshes (access tokens already issued live out their minutes)" })
  @ApiResponse({ status: 204, description: 'Ended, or nothing to end (an unknown or ended session): the answer says nothing about the token' })
  async signOut(@Body() body: Dto.SignOutDto, @CallerOf() caller: Caller): Promise<void> {
    await this.signIns.signOut(body.refreshToken, caller);
  }

  @Post('password')
  @HttpCode(204)
  @AnyRole()
  @ApiBearerAuth()
  @ApiErrors('AUTH.INVALID_CREDENTIALS', 'AUTH.TOO_MANY_ATTEMPTS', 'USER.EMAIL_TAKEN')
  @ApiOperation({ summary: 'Change your own password, with the current one (UserPasswordSet on your user): every session begun before ends; sign in again' })
  @ApiResponse({ status: 204, description: 'Changed' })
  async changeOwnPassword(@Body() body: Dto.ChangeOwnPasswordDto, @CurrentActor() actor: Actor, @CallerOf() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<void> {
    await withRetryAfter(response, () => this.signIns.checkOwnPassword(actor, body.currentPassword, caller));
    const data = { userId: actor.id, passwordHash: await hashPassword(body.newPassword) };
    // The request hash leaves the passwords out: a hash of them in the event's metadata would be a fast one to attack.
    await this.commands.user({ type: 'SetUserPassword', data }, toCommandContext({ actor, correlationId: caller.correlationId }, 'ChangeOwnPassword', actor.id, {}));
  }
}
