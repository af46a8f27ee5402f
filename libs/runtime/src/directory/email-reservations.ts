import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { DirectoryErrors } from '@app/domain';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import type { CommandContext } from '../commands/command-context';
import { PETITIONER_ID_SECRET_FILE } from '../personal-data/petitioner-identity';
import { loadOrCreateSecret } from '../storage/data-dir-secret';

export const EMAIL_RESERVED = 'StaffEmailReserved';

/**
 * One email, one user: a stream per email (`staff-email-<HMAC of the lowercased address>`, so no
 * address shows in a stream name) whose first event names the user who holds it. Appended with
 * `no_stream`, so two users racing for one email cannot both win; the same user again is a no-op.
 * Sign-in finds a user by email here (ADR 39).
 */
@Injectable()
export class EmailReservations {
  private readonly secret: string;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    config: AppConfig,
  ) {
    // The deployment's never-changing secret, under a label of its own (an email key is not a petitioner id).
    this.secret = loadOrCreateSecret(config.DATA_DIR, PETITIONER_ID_SECRET_FILE, config.PETITIONER_ID_SECRET);
  }

  /** Holds the email for the user; USER.EMAIL_TAKEN when another user holds it. */
  async reserve(email: string, userId: string, context: Pick<CommandContext, 'actor' | 'correlationId'>, at: string): Promise<void> {
    const streamId = this.streamOf(email);
    const metadata = { eventId: randomUUID(), schemaVersion: 1, correlationId: context.correlationId, causationId: context.correlationId, actorId: context.actor.id, actorRoles: [...context.actor.roles], occurredAt: at };
    try {
      await this.store.appendToStream(streamId, [{ type: EMAIL_RESERVED, data: { userId }, metadata }], { expectedRevision: 'no_stream' });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if ((await this.holderOf(streamId)) !== userId) throw DirectoryErrors.emailTaken();
    }
  }

  /** The user who holds the email, if anyone does. */
  userIdOf(email: string): Promise<string | undefined> {
    return this.holderOf(this.streamOf(email));
  }

  private async holderOf(streamId: string): Promise<string | undefined> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    return typeof first?.data.userId === 'string' ? first.data.userId : undefined;
  }

  private streamOf(email: string): string {
    return `staff-email-${createHmac('sha256', this.secret).update(`staff-email\u0000${email.trim().toLowerCase()}`, 'utf8').digest('hex')}`;
  }
}
