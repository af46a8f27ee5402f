import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CaseIdParam } from '../http/case-id.param';
import { HttpCommand, HttpCommandHeaders } from '../command-handling/http-command.decorator';
import { AttachUnmatchedEmailDto, InboundEmailResultDto, UnmatchedEmailErasureDto, UnmatchedEmailPageDto, UnmatchedEmailQueryDto } from './inbound-mail.dto';
import { InboundMailService, InboundOutcome } from './inbound-mail.service';
import { UnmatchedErasureResult, UnmatchedMailErasure } from './unmatched-mail-erasure';
import { UnmatchedEmail, UnmatchedMailLog } from './unmatched-mail.log';
import { ApiErrors } from '../http/api-errors.decorator';

/** The unmatched mail queue: emails no case claimed, for a supervisor to read and attach. */
@ApiTags('inbound')
@ApiBearerAuth()
@Controller('mail/unmatched')
export class UnmatchedMailController {
  constructor(
    private readonly log: UnmatchedMailLog,
    private readonly inbound: InboundMailService,
    private readonly erasure: UnmatchedMailErasure,
  ) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Emails no case claimed and nobody attached yet, oldest first',
    description: 'An erased email stays listed with `erased` set, `[erased]` as subject and body and no attachments.',
  })
  @ApiResponse({ status: 200, type: UnmatchedEmailPageDto })
  async list(@Query() query: UnmatchedEmailQueryDto): Promise<{ items: Omit<UnmatchedEmail, 'attachedTo'>[]; nextCursor: string | null }> {
    const pending = (await this.log.list()).emails.filter((email) => !email.attachedTo);
    const start = query.cursor === undefined ? 0 : positionOf(query.cursor);
    const limit = query.limit ?? 50;
    const items = pending.slice(start, start + limit).map(({ attachedTo: _attached, ...email }) => email);
    const next = start + limit < pending.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
    return { items, nextCursor: next };
  }

  @Post(':id/case')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Attach a queued email to its case: threaded as if it had named the case (InformationReceived, CounterReplyReceived or a note)',
    description: "The email's content is recorded on the case under the petitioner's key, and the email's own key is destroyed.",
  })
  @ApiResponse({ status: 200, type: InboundEmailResultDto })
  @ApiErrors('MAIL.UNMATCHED_NOT_FOUND', 'CASE.NOT_FOUND', 'MAIL.ALREADY_ATTACHED', 'MAIL.UNMATCHED_ERASED')
  attach(@CaseIdParam() id: string, @Body() body: AttachUnmatchedEmailDto, @CurrentActor() actor: Actor): Promise<InboundOutcome> {
    return this.inbound.attachUnmatched(id, body.caseId, actor);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Erase an unmatched email on its own (Ley 1581 de 2012, e.g. at the sender\'s request)',
    description:
      "Destroys the email's own key: its subject, body and attachment names read `[erased]` from then on (GET /mail/unmatched shows it erased), " +
      'and deletes its attachment files. Repeating it answers `already: true`. An email already attached to a case is erased with that case\'s petitioner (409).',
  })
  @ApiResponse({ status: 200, type: UnmatchedEmailErasureDto })
  @ApiErrors('MAIL.UNMATCHED_NOT_FOUND', 'MAIL.ALREADY_ATTACHED')
  erase(@CaseIdParam() id: string, @HttpCommand() headers: HttpCommandHeaders): Promise<UnmatchedErasureResult> {
    return this.erasure.erase(id, headers.actor, headers.correlationId);
  }
}


function positionOf(cursor: string): number {
  const position = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(position) || position < 0) throw new RequestValidationError([{ field: 'cursor', reason: 'cursor must be a nextCursor of this query' }]);
  return position;
}
