import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** `<session id>.<43 base64url characters>`: what POST /auth/sign-in and /auth/refresh hand out. */
const REFRESH_TOKEN_MAX_LENGTH = 200;

/** A new password: 12 to 128 characters (400 naming the field otherwise); any characters, spaces included. */
const NewPassword = (description: string) =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password', description }),
    IsString({ message: '$property must be a string' }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `$property must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `$property must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  );

/** A password to check: no length rule but the longest a password may be (a wrong one is 401, not 400). */
const PresentedPassword = (description: string) =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, format: 'password', description }),
    IsString({ message: '$property must be a string' }),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `$property must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  );

const RefreshToken = () =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength: REFRESH_TOKEN_MAX_LENGTH, description: 'The refresh token of the last sign-in or refresh' }),
    IsString({ message: '$property must be a string' }),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(REFRESH_TOKEN_MAX_LENGTH, { message: `$property must be at most ${REFRESH_TOKEN_MAX_LENGTH} characters` }),
  );

export class SignInDto {
  @ApiProperty({ maxLength: 254, format: 'email', example: 'ada@empresa.co', description: 'The work email the directory holds for the user (any letter case)' })
  @IsString() @MaxLength(254) @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @PresentedPassword('The user\'s password') password: string;
}

export class RefreshDto {
  @RefreshToken() refreshToken: string;
}

export class SignOutDto {
  @RefreshToken() refreshToken: string;
}

export class SetPasswordDto {
  @NewPassword('The user\'s new password (12-128 characters); stored only as a scrypt hash') password: string;
}

export class ChangeOwnPasswordDto {
  @PresentedPassword('The password the user signs in with now') currentPassword: string;
  @NewPassword('The new password (12-128 characters)') newPassword: string;
}

export class SignedInUserDto {
  @ApiProperty({ example: 'admin-ada' }) userId: string;
  @ApiProperty({ example: 'Ada Lovelace' }) displayName: string;
  @ApiProperty({ type: [String], enum: ROLES, description: 'The roles the access token carries: the user\'s roles in the directory now' }) roles: Role[];
}

export class TokenPairDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>` (in Swagger UI: Authorize, paste it)' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds the access token lives (ACCESS_TOKEN_MINUTES)', example: 600 }) expiresIn: number;
  @ApiProperty({ description: 'Works once: POST /auth/refresh gives a new pair; a used one sent again ends the session' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds left of the session (REFRESH_TOKEN_HOURS from sign-in): then sign in again', example: 43200 }) refreshExpiresIn: number;
  @ApiProperty({ type: SignedInUserDto }) user: SignedInUserDto;
}
