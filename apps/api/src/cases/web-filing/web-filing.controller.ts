import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, CaseFiled } from '@app/domain';
import { AppConfig, Clock, RequestValidationError, toCommandContext, toOffsetIso } from '@app/runtime';
import type { CommandOutcome } from '@app/runtime';
import { Public } from '../../auth/roles.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { HttpCommand, HttpCommandHeaders } from '../../command-handling/http-command.decorator';
import { FileCaseCommand, FilingRequest } from '../file-case/file-case.handler';
import { CustomerReadYourWrites } from '../public-commands/customer-read-your-writes';
import { filingForm } from './filing-form';
import { FilingFormDto, FilingFormQueryDto, WebFilingDto, WebFilingResponseDto } from './web-filing.dto';

/** Who files on the web: the customer, with no roles (their identity is the petitioner's data, not a token). */
export const WEB_CUSTOMER: Actor = { id: 'customer:web', roles: [] };

/** The customer files a case on the web form (issue 26): untypified, through the staff filing's command path. */
@ApiTags('public')
@Controller('public')
export class WebFilingController {
  constructor(
    private readonly bus: CommandBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly readYourWrites: CustomerReadYourWrites,
  ) {}

  @Get('filing-form')
  @Public()
  @ApiOperation({ summary: 'For the web form: the kinds and document types with their Spanish labels, the data-processing policy to accept, the field limits, how to send documents' })
  @ApiResponse({ status: 200, type: FilingFormDto })
  form(@Query() _query: FilingFormQueryDto): FilingFormDto {
    return filingForm(this.config);
  }

  @Post('cases')
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary: 'For the customer: file a case on the web (CaseFiled, channel web, actor customer:web), untypified: it waits in GET /queues/to-typify',
    description:
      'Throttled per client address like every /public route. The legal term counts from the filing by the kind chosen. ' +
      'consent.policyVersion must be the version GET /public/filing-form shows (else 400 on that field); `website` must be absent or empty (400). ' +
      'With an Idempotency-Key (one per form shown), the same body sent again answers the first filing and files nothing more. ' +
      'The acknowledgement with the filing number and the verification code is emailed to the customer.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the first result again, nothing filed; another body: 422' })
  @ApiResponse({ status: 201, type: WebFilingResponseDto, description: 'Filed' })
  @ApiResponse({ status: 503, description: 'The relatedFilingNumber is not in the read models and they have not caught up within 5 s (READ_MODEL.BEHIND); retry' })
  @ApiErrors('IDEMPOTENCY.KEY_REUSED', 'CASE.RELATED_NOT_FOUND', 'READ_MODEL.BEHIND')
  async file(@Body() body: WebFilingDto, @HttpCommand(WEB_CUSTOMER) headers: HttpCommandHeaders): Promise<WebFilingResponseDto> {
    if (body.consent.policyVersion !== this.config.PRIVACY_POLICY_VERSION) {
      throw new RequestValidationError([
        { field: 'consent.policyVersion', reason: `consent.policyVersion must be the current policy version (${this.config.PRIVACY_POLICY_VERSION}): reload the form` },
      ]);
    }
    const context = toCommandContext(headers, 'FileCaseOnTheWeb', null, body);
    const outcome = await this.bus.execute<FileCaseCommand, CommandOutcome>(new FileCaseCommand(this.toFiling(body), context));
    const filed = outcome.events.find((event): event is CaseFiled => event.type === 'CaseFiled')!;
    // The receipt links to the tracking page: the link works at once.
    await this.readYourWrites.waitFor(outcome.position);
    const { filingNumber, verificationCode, filedAt, dueAt } = filed.data;
    return { filingNumber, verificationCode, filedAt, dueAt };
  }

  /** The customer's form as a filing: channel web, consent given now under the current policy, nothing attached yet. */
  private toFiling(body: WebFilingDto): FilingRequest {
    const { fullName, company, documentType, documentNumber, email, phone } = body;
    return {
      kind: body.kind,
      channel: 'web',
      subject: body.subject,
      facts: body.facts,
      request: body.request,
      relatedFilingNumber: body.relatedFilingNumber,
      petitioner: { fullName, documentType, documentNumber, email, ...(phone && { phone }), ...(company && { company }) },
      consent: { givenAt: toOffsetIso(this.clock.now()), channel: 'web', policyVersion: body.consent.policyVersion },
      attachments: [],
    };
  }
}
