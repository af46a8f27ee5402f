import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags, PickType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '../auth/roles.decorator';
import { ListQueryDto } from '../read-side/list-query.dto';
import { AccessAuditLog, AccessPage } from './access-audit.log';
import { UUID_PATTERN } from '../http/field.decorators';

/** Paged like every list; no minPosition: the audit is read from the event store itself, never behind. */
export class AccessAuditQueryDto extends PickType(ListQueryDto, ['limit', 'cursor'] as const) {
  @ApiProperty({ format: 'uuid', pattern: UUID_PATTERN, description: 'The case whose accesses to list' })
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;
}

export class AccessEntryDto {
  @ApiProperty({ description: 'When the data was shown (Bogotá offset)', example: '2026-03-02T10:00:00.000-05:00' }) at: string;
  @ApiProperty({ description: 'Who saw it: the token subject', example: 'bo-beto' }) actorId: string;
  @ApiProperty({ type: [String], example: ['backoffice'] }) actorRoles: string[];
  @ApiProperty({ description: 'Which route showed it', example: 'GET /cases/:id' }) route: string;
  @ApiProperty({ description: 'The request id (X-Request-Id), also in the logs' }) requestId: string;
}

export class AccessPageDto {
  @ApiProperty({ type: [AccessEntryDto] }) items: AccessEntryDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last' }) nextCursor: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AccessAuditController {
  constructor(private readonly audit: AccessAuditLog) {}

  @Get('access')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: "Who was shown a case's personal data (petitioner), when and through which route: every staff read of GET /cases/:id, GET /cases?filingNumber= and GET /cases/:id/history, oldest first",
  })
  @ApiResponse({ status: 200, type: AccessPageDto })
  access(@Query() query: AccessAuditQueryDto): Promise<AccessPage> {
    return this.audit.list(query.caseId, query.limit ?? 50, query.cursor);
  }
}
