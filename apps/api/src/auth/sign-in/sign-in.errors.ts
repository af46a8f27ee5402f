import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

/** The answers of sign-in, refresh and password checks: each code in the API error catalogue. */
export const SignInErrors = {
  invalidCredentials: () => new UnauthorizedException({ code: 'AUTH.INVALID_CREDENTIALS', message: 'The email or the password is wrong' }),
  userDeactivated: () => new UnauthorizedException({ code: 'USER.DEACTIVATED', message: 'The user is deactivated' }),
  invalidRefreshToken: () => new UnauthorizedException({ code: 'AUTH.INVALID_REFRESH_TOKEN', message: 'The refresh token is not valid: sign in again' }),
  tooManyAttempts: (retryAfterSeconds: number) => new TooManySignInAttempts(retryAfterSeconds),
};

/** 429 with the seconds to wait, which the controller sends as Retry-After. */
export class TooManySignInAttempts extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ code: 'AUTH.TOO_MANY_ATTEMPTS', message: `Too many failed sign-ins; retry after ${retryAfterSeconds} seconds (Retry-After)` }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
