import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse } from '@nestjs/swagger';
import { CaseFiled } from '@app/domain';
import { CommandRoute } from '../../command-handling/command-route.decorator';
import { CATALOG_TYPIFICATION_ERRORS } from '../../catalog/catalog-typification-errors';
import type { CommandOutcome } from '@app/runtime';
import { HttpCommand, HttpCommandHeaders } from '../../command-handling/http-command.decorator';
import { toCommandContext } from '@app/runtime';
import { FileCaseCommand } from './file-case.handler';
import { FileCaseDto, FiledCaseResponseDto } from './file-case.dto';

@Controller('cases')
export class FileCaseController {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute({
    path: '',
    roles: ['agent'],
    created: true,
    onExistingCase: false,
    command: 'FileCase',
    unreachable: ['alreadyFiled', 'consentRequired', 'typificationIncomplete'],
    errors: ['CASE.RELATED_NOT_FOUND', 'CASE.OPEN_CASE_EXISTS', 'READ_MODEL.BEHIND', ...CATALOG_TYPIFICATION_ERRORS],
    response: FiledCaseResponseDto,
    summary: 'File and typify a case (CaseFiled, CaseTypified; CaseResolvedAtFirstLine with firstLineResolution; CasePriorityChanged with urgency) with a typology and motive of the catalog (GET /catalog); a relatedFilingNumber must name a case already filed (else 422 CASE.RELATED_NOT_FOUND); the petitioner\'s open case of the same typology: 409 CASE.OPEN_CASE_EXISTS naming it, unless distinctMatter',
  })
  @ApiResponse({ status: 503, description: 'The relatedFilingNumber is not in the read models and they have not caught up within 5 s (READ_MODEL.BEHIND); retry' })
  async fileCase(@Body() body: FileCaseDto, @HttpCommand() headers: HttpCommandHeaders): Promise<FiledCaseResponseDto> {
    const context = toCommandContext(headers, 'FileCase', null, body);
    const outcome = await this.bus.execute<FileCaseCommand, CommandOutcome>(new FileCaseCommand(body, context));
    const filed = outcome.events.find((event): event is CaseFiled => event.type === 'CaseFiled')!;
    return {
      caseId: outcome.caseId,
      filingNumber: filed.data.filingNumber,
      dueAt: filed.data.dueAt,
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
