import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  Decider,
  DIRECTORY_EVENT_SCHEMA_VERSIONS,
  DirectoryErrors,
  DirectoryEvent,
  DirectoryEventType,
  TeamCommand,
  teamDecider,
  teamStreamId,
  upcastDirectoryEvent,
  UserCommand,
  userDecider,
  userStreamId,
} from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { EmailReservations } from '../directory/email-reservations';
import { Clock } from '../storage/clock';
import { toOffsetIso } from './case-events';
import type { CommandContext } from './command-context';
import { decideOnStream, StreamOutcome, WithoutSender } from './stream-command';

export type UserCommandInput = WithoutSender<UserCommand>;
export type TeamCommandInput = WithoutSender<TeamCommand>;

/** What a directory command did: the user's or team's id, its stream revision (the ETag), its events. */
export type DirectoryOutcome = StreamOutcome<DirectoryEvent>;

export function toDirectoryEvent(recorded: RecordedEvent): DirectoryEvent {
  return upcastDirectoryEvent(recorded.type as DirectoryEventType, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
}

/**
 * The command path of the user directory, the case path's sibling (ADR 38): load the user's or team's
 * stream, find an earlier result of the same Idempotency-Key, check If-Match (any change since is a
 * conflict: a directory has no revision-neutral facts), decide, append with the expected revision;
 * without If-Match a concurrent append is simply decided again.
 */
@Injectable()
export class DirectoryCommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    /** Absent only where a test builds the service by hand: then emails are not held unique. */
    @Optional() private readonly emails?: EmailReservations,
  ) {}

  /**
   * A user command; the teams it names must exist (TEAM.NOT_FOUND otherwise). A new user's email is
   * reserved first (USER.EMAIL_TAKEN when another user holds it); not for an id already taken, which
   * the decider refuses (or an Idempotency-Key replays) without holding an email for nobody. Setting
   * a password reserves the user's email too (a no-op when they hold it already).
   */
  async user(input: UserCommandInput, context: CommandContext): Promise<DirectoryOutcome> {
    if ('teamIds' in input.data) await this.requireTeams(input.data.teamIds);
    const streamId = userStreamId(input.data.userId);
    if (this.emails && (input.type === 'CreateUser' || input.type === 'SetUserPassword')) {
      const [created] = await this.store.readStream(streamId, { maxCount: 1 });
      // A password makes the email a sign-in name: a user created before emails were reserved gets theirs now.
      const email = input.type === 'CreateUser' ? (created ? undefined : input.data.email) : (created?.data.email as string | undefined);
      if (email !== undefined) await this.emails.reserve(email, input.data.userId, context, toOffsetIso(this.clock.now()));
    }
    return this.run(userDecider, streamId, input.data.userId, input, context);
  }

  team(input: TeamCommandInput, context: CommandContext): Promise<DirectoryOutcome> {
    return this.run(teamDecider, teamStreamId(input.data.teamId), input.data.teamId, input, context);
  }

  private async requireTeams(teamIds: readonly string[]): Promise<void> {
    const unique = [...new Set(teamIds)];
    const found = await Promise.all(unique.map(async (teamId) => (await this.store.readStream(teamStreamId(teamId), { maxCount: 1 })).length > 0));
    const missing = unique.filter((_, index) => !found[index]);
    if (missing.length > 0) throw DirectoryErrors.teamNotFound(missing);
  }

  private run<Command extends { type: string; at: string }, Event extends DirectoryEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    id: string,
    input: object,
    context: CommandContext,
  ): Promise<DirectoryOutcome> {
    const command = { ...input, actor: context.actor, at: toOffsetIso(this.clock.now()) } as unknown as Command;
    const events = { schemaVersions: DIRECTORY_EVENT_SCHEMA_VERSIONS, read: (recorded: RecordedEvent) => toDirectoryEvent(recorded) as Event };
    return decideOnStream(this.store, { decider, events, streamId, id }, command, context);
  }
}
