import { UserCredentialsReader } from '@app/runtime';
import { AdminSetupHint } from './admin-setup-hint';
import { FailedSignIns } from './failed-sign-ins';
import { Sessions } from './sessions';
import { SignInController } from './sign-in.controller';
import { SignInService } from './sign-in.service';
import { UserPasswordController } from './user-password.controller';

/** What sign-in adds to the API (ADR 39): its routes, and the services behind them. */
export const SIGN_IN_CONTROLLERS = [SignInController, UserPasswordController];
export const SIGN_IN_PROVIDERS = [UserCredentialsReader, Sessions, FailedSignIns, SignInService, AdminSetupHint];
