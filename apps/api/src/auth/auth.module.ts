import { DynamicModule, Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, Clock, DirectoryCommandService, DirectoryUsers, EmailReservations, loadOrCreateJwtSecret } from '@app/runtime';
import { ActorOfIdentity } from './actor-of-identity';
import { AuthGuard } from './auth.guard';
import { BearerAuthenticator } from './bearer-authenticator';
import { OidcTokenVerifier } from './oidc-token-verifier';

const HS256_TOKENS = JwtModule.registerAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    // A KeyObject, not a string: given a string, the JWT library first tries it as a public key on every request.
    secret: createSecretKey(Buffer.from(loadOrCreateJwtSecret(config.DATA_DIR, config.JWT_SECRET))) as unknown as string,
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  }),
});

/**
 * The guard and what it needs: the token verifiers and the user directory (read on every request,
 * written when an OIDC token creates its user: hence the app's clock). The directory's services are
 * provided here only and exported to the app.
 */
@Global()
@Module({})
export class AuthModule {
  static register(clock: Clock): DynamicModule {
    return {
      module: AuthModule,
      imports: [HS256_TOKENS],
      providers: [
        { provide: Clock, useValue: clock },
        DirectoryUsers,
        EmailReservations,
        DirectoryCommandService,
        ActorOfIdentity,
        OidcTokenVerifier,
        BearerAuthenticator,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      // The directory's one command path and reader, for the whole app: a second instance would be another path.
      exports: [JwtModule, BearerAuthenticator, DirectoryUsers, EmailReservations, DirectoryCommandService],
    };
  }
}
