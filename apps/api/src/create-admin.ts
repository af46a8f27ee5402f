/**
 * `npm run users:create-admin -- --id <id> --email <email> --name "<name>" [--password-stdin]`: the
 * first admin of the user directory (ADR 39), written through the configured event store (embedded
 * SQLite in DATA_DIR, or EVENTSTORE_URL) by `system:setup`. The password is asked on the terminal
 * without echo, or read from stdin. Refused (exit 1) while an active admin with a password exists.
 * Compiled with the API (`nest build api`), so that the container image runs it without ts-node.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppConfigModule, Clock, DirectoryCommandService, EmailReservations, StorageModule, SystemClock, UserCredentialsReader } from '@app/runtime';
import { AdminSetup, AdminSetupRefused } from './auth/sign-in/admin-setup';
import { passwordFromStdin, passwordFromTerminal } from './auth/sign-in/read-password';

@Module({
  imports: [AppConfigModule.forRoot(), StorageModule],
  providers: [{ provide: Clock, useValue: new SystemClock() }, DirectoryCommandService, EmailReservations, UserCredentialsReader, AdminSetup],
})
class AdminSetupModule {}

async function askPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordFromStdin();
  const password = await passwordFromTerminal('Password (12-128 characters, not shown): ');
  if ((await passwordFromTerminal('The same password again: ')) !== password) throw new AdminSetupRefused('The two passwords differ');
  return password;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
  if (!values.id || !values.email || !values.name) {
    process.stderr.write('usage: npm run users:create-admin -- --id <id> --email <email> --name "<name>" [--password-stdin]\n');
    return 2;
  }
  const password = await askPassword(values['password-stdin'] === true);
  const app = await NestFactory.createApplicationContext(AdminSetupModule, { logger: ['error'] });
  try {
    await app.get(AdminSetup).create({ id: values.id, email: values.email, name: values.name, password });
  } finally {
    await app.close();
  }
  process.stdout.write(`Admin ${values.id} created: sign in with POST /auth/sign-in (email ${values.email}).\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof AdminSetupRefused ? 'Refused: ' : ''}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
