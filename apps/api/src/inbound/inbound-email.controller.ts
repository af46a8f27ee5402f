import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/roles.decorator';
import { AppConfig } from '@app/runtime';
import { ApiErrorDto } from '../http/api-error.dto';
import { InboundEmailResultDto } from './inbound-mail.dto';
import { InboundMailService, InboundOutcome } from './inbound-mail.service';
import { INBOUND_SECRET_HEADER, requireInboundSecret } from './inbound-secret';
import { readRawMail } from './raw-mail-body';
import { ApiErrors } from '../http/api-errors.decorator';

/** The mail gateway posts each email the company's address receives; no bearer token, a shared secret instead. Throttled like /public/*. */
@ApiTags('inbound')
@Public()
@Controller('inbound')
export class InboundEmailController {
  constructor(
    private readonly inbound: InboundMailService,
    private readonly config: AppConfig,
  ) {}

  @Post('email')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "A customer's email as a raw MIME message: threaded into its case by In-Reply-To / References or the filing number in the subject (InformationReceived, CounterReplyReceived, or a note; after the counter-reply window the customer is answered); otherwise queued as unmatched",
  })
  @ApiConsumes('message/rfc822', 'text/plain', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-Inbound-Secret', required: true, description: 'The shared secret INBOUND_EMAIL_SECRET' })
  @ApiResponse({ status: 202, type: InboundEmailResultDto })
  @ApiResponse({ status: 400, type: ApiErrorDto, description: 'Empty message' })
  @ApiErrors('AUTH.UNAUTHENTICATED')
  @ApiResponse({ status: 401, description: 'Missing or wrong X-Inbound-Secret' })
  @ApiResponse({ status: 413, type: ApiErrorDto, description: 'Larger than 15 MB' })
  @ApiResponse({ status: 415, type: ApiErrorDto, description: 'Not a raw message' })
  async receive(@Req() request: Request): Promise<InboundOutcome> {
    requireInboundSecret(this.config.INBOUND_EMAIL_SECRET, request.headers[INBOUND_SECRET_HEADER]);
    return this.inbound.receive(await readRawMail(request));
  }
}
