import { Global, Module } from '@nestjs/common';
import { AppConfig, validateAppConfig } from './app-config';

/** Makes the validated AppConfig injectable. Tests pass their own overrides. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Partial<Record<keyof AppConfig, string>> = {}) {
    const config = validateAppConfig({ ...process.env, ...overrides });
    return { module: AppConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
