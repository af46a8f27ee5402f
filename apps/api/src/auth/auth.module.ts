import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, loadOrCreateJwtSecret } from '@app/runtime';
import { AuthGuard } from './auth.guard';
import { BearerAuthenticator } from './bearer-authenticator';
import { OidcTokenVerifier } from './oidc-token-verifier';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not a string: given a string, the JWT library first tries it as a public key on every request.
        secret: createSecretKey(Buffer.from(loadOrCreateJwtSecret(config.DATA_DIR, config.JWT_SECRET))) as unknown as string,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [OidcTokenVerifier, BearerAuthenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, BearerAuthenticator],
})
export class AuthModule {}
