import { Inject, Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DirectoryCommandService, hashPassword, toCommandContext, UserCredentialsReader } from '@app/runtime';
import { DIRECTORY_ID_REGEX } from '../../directory/directory.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './sign-in.dto';

export interface NewAdmin {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** Who the setup's events name as their actor. */
export const SETUP_ACTOR = { id: 'system:setup', roles: ['admin' as const] };
const READ_PAGE = 1000;

/** A refusal the setup explains to the operator (exit code 1, the message on stderr). */
export class AdminSetupRefused extends Error {}

/**
 * The one-time creation of the first admin (`npm run users:create-admin`, ADR 39): refused while an
 * active admin with a password exists, so it cannot be used to take over a running directory.
 */
@Injectable()
export class AdminSetup {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: DirectoryCommandService,
    private readonly credentials: UserCredentialsReader,
  ) {}

  async create(admin: NewAdmin): Promise<void> {
    const problems = problemsOf(admin);
    if (problems.length > 0) throw new AdminSetupRefused(problems.join('\n'));
    const existing = await this.activeAdminWithPassword();
    if (existing) throw new AdminSetupRefused(`An active admin with a password exists already (${existing}): they create users and set passwords (POST /users, POST /users/:id/password)`);
    if ((await this.store.readStream(`user-${admin.id}`, { maxCount: 1 })).length > 0) throw new AdminSetupRefused(`A user ${admin.id} exists already: choose another --id`);
    const context = toCommandContext({ actor: SETUP_ACTOR, correlationId: `setup-${admin.id}` }, 'CreateAdmin', admin.id, {});
    await this.commands.user({ type: 'CreateUser', data: { userId: admin.id, displayName: admin.name, email: admin.email, roles: ['admin'], teamIds: [] } }, context);
    await this.commands.user({ type: 'SetUserPassword', data: { userId: admin.id, passwordHash: await hashPassword(admin.password) } }, context);
  }

  /**
   * The id of an active admin who can sign in, if any, read from the event store itself (a read
   * model may lag, or not exist yet): every user stream once, which a one-time setup can afford.
   */
  private async activeAdminWithPassword(): Promise<string | undefined> {
    const userIds = new Set<string>();
    for (let from = 0; ; ) {
      const page = await this.store.readAll({ fromPosition: from, maxCount: READ_PAGE });
      for (const event of page) if (event.type === 'UserCreated' && typeof event.data.userId === 'string') userIds.add(event.data.userId);
      if (page.length < READ_PAGE) break;
      from = page[page.length - 1].position;
    }
    for (const userId of userIds) {
      const { state, passwordHash } = await this.credentials.of(userId);
      if (state.exists && state.active && state.roles.includes('admin') && passwordHash) return userId;
    }
    return undefined;
  }
}

function problemsOf(admin: NewAdmin): string[] {
  return [
    !DIRECTORY_ID_REGEX.test(admin.id) && '--id must be 1-100 visible ASCII characters (e.g. admin-ada)',
    !(isEmail(admin.email) && admin.email.length <= 254) && '--email must be an email address',
    !(admin.name.trim().length > 0 && admin.name.length <= 200 && !/[\x00-\x1f\x7f-\x9f]/.test(admin.name)) && '--name must be 1-200 characters on one line',
    admin.password.length < PASSWORD_MIN_LENGTH && `The password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    admin.password.length > PASSWORD_MAX_LENGTH && `The password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  ].filter((problem): problem is string => typeof problem === 'string');
}
