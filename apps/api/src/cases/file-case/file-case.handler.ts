import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { CaseCommandService, Catalog, PetitionerIdentity, UNNUMBERED } from '@app/runtime';
import type { CatalogState, PriorityReason } from '@app/domain';
import type { CaseCommandInput, CommandContext, CommandOutcome } from '@app/runtime';
import type { FileCaseDto } from './file-case.dto';
import { RelatedCases } from './related-case';
import { OneAtATime } from './one-at-a-time';
import { OpenCases } from './open-cases';

/**
 * What a filing carries: the staff route's body, or the customer's web form (no typology or motive:
 * the case is filed untypified, and its personal data takes the same path).
 */
export type FilingRequest = Omit<FileCaseDto, 'typology' | 'motive' | 'urgency'> & { typology?: string; motive?: string; urgency?: FileCaseDto['urgency'] };

export class FileCaseCommand {
  constructor(
    readonly body: FilingRequest,
    readonly context: CommandContext,
  ) {}
}

type FileCaseInput = Extract<CaseCommandInput, { type: 'FileCase' }>;

/** No 0/O or 1/I/L: the customer reads it from an email or over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

@CommandHandler(FileCaseCommand)
export class FileCaseHandler implements ICommandHandler<FileCaseCommand, CommandOutcome> {
  /**
   * Filings with one Idempotency-Key (one case id) run one at a time: concurrent retries each read an
   * empty stream and allocated a filing number before all but one lost the append (100 retries used
   * 65 numbers). In turn, each retry finds the first one's events and allocates nothing.
   */
  private readonly sameKey = new OneAtATime();

  constructor(
    private readonly commands: CaseCommandService,
    private readonly petitioners: PetitionerIdentity,
    private readonly relatedCases: RelatedCases,
    private readonly catalog: Catalog,
    private readonly openCases: OpenCases,
  ) {}

  execute(command: FileCaseCommand): Promise<CommandOutcome> {
    const { actor, idempotencyKey } = command.context;
    return idempotencyKey ? this.sameKey.run(caseIdForKey(actor.id, idempotencyKey), () => this.file(command)) : this.file(command);
  }

  private async file({ body, context }: FileCaseCommand): Promise<CommandOutcome> {
    if (body.relatedFilingNumber) await this.relatedCases.requireFiled(body.relatedFilingNumber);
    const key = context.idempotencyKey;
    const caseId = key ? caseIdForKey(context.actor.id, key) : randomUUID();
    const { state: catalog } = await this.catalog.current();
    const filing = this.toFiling(body, caseId, catalog);
    const record = () => this.commands.execute(caseId, filing, context, { freshStream: !key });
    // A web filing has no typology yet: its typification is checked instead.
    if (!body.typology) return record();
    const matter = { petitionerId: filing.data.petitionerId, typology: body.typology, caseId };
    return this.openCases.whenNoneOpen(matter, body.distinctMatter ?? false, record, filingNumberOf);
  }

  /** Unnumbered: the command path numbers the filing once the decider has accepted it (FilingNumbers). */
  private toFiling(body: FilingRequest, caseId: string, catalog: CatalogState): FileCaseInput {
    return {
      type: 'FileCase',
      data: {
        caseId,
        filingNumber: UNNUMBERED,
        verificationCode: verificationCode(),
        kind: body.kind,
        typology: body.typology,
        motive: body.motive,
        channel: body.channel,
        subject: body.subject,
        facts: body.facts,
        request: body.request,
        attachments: (body.attachments ?? []).map(({ name, contentType, size }) => ({ name, contentType, size })),
        relatedFilingNumber: body.relatedFilingNumber ?? null,
        petitionerId: this.petitioners.idOf(body.petitioner),
        petitionerEmailId: this.petitioners.emailIdOf(body.petitioner.email),
        petitioner: { ...body.petitioner },
        distinctMatter: body.distinctMatter ?? false,
        consent: body.consent ? { givenAt: body.consent.givenAt, channel: body.consent.channel, policyVersion: body.consent.policyVersion } : null,
        firstLineResolution: body.firstLineResolution ? { resolution: body.firstLineResolution.resolution } : null,
        urgency: body.urgency ? ({ kind: body.urgency.kind, code: body.urgency.code } as PriorityReason) : null,
        catalog,
      },
    };
  }
}

function filingNumberOf(outcome: CommandOutcome): string {
  const filed = outcome.events.find((event) => event.type === 'CaseFiled');
  return filed?.type === 'CaseFiled' ? filed.data.filingNumber : '';
}

function verificationCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A retried filing (same agent, same Idempotency-Key) lands on the same case stream: a name-based UUID (v5 layout). */
export function caseIdForKey(actorId: string, key: string): string {
  const bytes = createHash('sha1').update(`pqr-case:${actorId}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
