import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { caseStreamId, DomainError } from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import { KEY_STORE, KeyStore } from '@app/key-store';
import { CUSTOMER_MAIL_EVENT_TYPES } from '@app/mail';
import { CASES_COLLECTION, CaseView } from '@app/projections';
import { MAIL_OUTBOX_PROJECTION, MailOutbox } from '@app/processes';
import { findEvery, READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig, ChangeCaseCommand, ReadModelFreshness, toCommandContext } from '@app/runtime';
import type { CommandOutcome } from '@app/runtime';
import { HttpCommandHeaders } from '../command-handling/http-command.decorator';
import { deleteAttachmentsOf, deleteCaseMailFiles } from './personal-data-files';

export interface CaseErasure {
  caseId: string;
  filingNumber: string;
  /** `erased`: PetitionerDataErased recorded now; `already`: it was recorded before. */
  outcome: 'erased' | 'already';
  revision: number;
  position: number;
}

export interface ErasureResult {
  petitionerId: string;
  keysDestroyed: number;
  cases: CaseErasure[];
  filesDeleted: number;
  /** The read models reflect the erasure and their files were purged (false: the projector was behind; they follow). */
  readModelsPurged: boolean;
  position: number;
}

/** The projections that held the petitioner's data: the purge waits for them. */
const PERSONAL_DATA_PROJECTIONS = ['case-view', MAIL_OUTBOX_PROJECTION];
const MAX_ATTEMPTS = 5;
const PAGE = 500;

/**
 * Suppression of a petitioner's personal data (Ley 1581 de 2012; docs/adr/0010-crypto-shredding.md):
 * 1. destroy their keys: from now on every read of their data in the event store gives `[erased]`;
 * 2. find their cases (case view, once it has caught up with the store);
 * 3. record PetitionerDataErased on each case, so the read models overwrite what they copied;
 * 4. delete the .eml files of those cases, and the petitioner's attachments directory;
 * 5. once the read models have applied it, purge the read store's files (SQLite WAL).
 * Repeating it is harmless: cases already erased are reported as such.
 */
@Injectable()
export class PetitionerErasure {
  private readonly logger = new Logger('PetitionerErasure');

  constructor(
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly bus: CommandBus,
    private readonly config: AppConfig,
    private readonly mailOutbox: MailOutbox,
  ) {}

  async erase(petitionerId: string, headers: HttpCommandHeaders): Promise<ErasureResult | null> {
    const keysDestroyed = await this.keys.destroyKeysOf(petitionerId);
    await this.freshness.waitFor(await this.events.headPosition(), ['case-view']);
    const views = await this.casesOf(petitionerId);
    if (keysDestroyed === 0 && views.length === 0) return null;
    const cases: CaseErasure[] = [];
    let filesDeleted = 0;
    for (const view of views) {
      cases.push(await this.eraseCase(view, petitionerId, headers));
      filesDeleted += deleteCaseMailFiles(this.config.DATA_DIR, view.caseId);
    }
    filesDeleted += deleteAttachmentsOf(this.config.DATA_DIR, petitionerId);
    const position = Math.max(0, ...cases.map((erasure) => erasure.position));
    const readModelsPurged = await this.purgeReadModels(position);
    return { petitionerId, keysDestroyed, cases, filesDeleted, readModelsPurged, position };
  }

  private async casesOf(petitionerId: string): Promise<CaseView[]> {
    return findEvery<CaseView>(this.readStore, CASES_COLLECTION, { where: [{ field: 'petitionerId', op: 'eq', value: petitionerId }] }, PAGE);
  }

  /** Reads the case, then records the erasure at the revision read (a concurrent change: read again). */
  private async eraseCase(view: CaseView, petitionerId: string, headers: HttpCommandHeaders): Promise<CaseErasure> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.events.readStream(caseStreamId(view.caseId));
      const last = history[history.length - 1];
      const payload = { type: 'ErasePetitionerData' as const, data: { petitionerId, withdrawnMessages: customerMessagesOf(history) } };
      const context = toCommandContext({ ...headers, idempotencyKey: undefined, expectedRevision: last.revision }, payload.type, view.caseId, payload);
      try {
        const outcome = await this.bus.execute<ChangeCaseCommand, CommandOutcome>(new ChangeCaseCommand(view.caseId, payload, context));
        return { caseId: view.caseId, filingNumber: view.filingNumber, outcome: 'erased', revision: outcome.revision, position: outcome.position };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'CASE.PETITIONER_ALREADY_ERASED') {
          return { caseId: view.caseId, filingNumber: view.filingNumber, outcome: 'already', revision: last.revision, position: last.position };
        }
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async purgeReadModels(position: number): Promise<boolean> {
    try {
      // The outbox's read model follows at its own tick: where it runs here, bring it up to date now.
      if (this.config.PROJECTOR === 'in-process') await this.mailOutbox.manager.catchUp();
      await this.freshness.waitFor(position, PERSONAL_DATA_PROJECTIONS);
      await this.readStore.purgeDeletedData();
      return true;
    } catch (error) {
      this.logger.warn(`read models not purged after an erasure (they follow when the projector catches up): ${(error as Error).message}`);
      return false;
    }
  }
}

/** The case events the customer was (or would be) written about: the outbox forgets their messages. */
function customerMessagesOf(history: RecordedEvent[]): string[] {
  const mailTypes: ReadonlySet<string> = new Set(CUSTOMER_MAIL_EVENT_TYPES);
  return history.filter((event) => mailTypes.has(event.type)).map((event) => String(event.metadata.eventId));
}
