import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CASE_KINDS, caseKindLabel, LEGAL_TERM_BUSINESS_DAYS, ROLES } from '@app/domain';
import type { TypologyDefinition } from '@app/domain';
import { Catalog, toCommandContext } from '@app/runtime';
import { Roles } from '../auth/roles.decorator';
import { CommandRoute } from '../command-handling/command-route.decorator';
import { toStreamCommandResponse as toResponse } from '../command-handling/stream-command-response';
import { HttpCommand, HttpCommandHeaders as Headers } from '../command-handling/http-command.decorator';
import * as Dto from './catalog.dto';
import { EmptyCommandDto, NoQueryDto } from '../directory/directory.dto';
import { TypologyIdParam as Id } from './typology-id.param';

type Response = Dto.CatalogCommandResponseDto;
const Response = Dto.CatalogCommandResponseDto;


function definitionOf(typologyId: string, body: Dto.TypologyBodyDto): TypologyDefinition {
  const { priority, firstResponse, resolution } = body.targets;
  return {
    typologyId,
    name: body.name,
    motives: body.motives.map(({ motiveId, name }) => ({ motiveId, name })),
    targets: { priority, firstResponse: { amount: firstResponse.amount, unit: firstResponse.unit }, resolution: { amount: resolution.amount, unit: resolution.unit } },
  };
}

/** The catalog of kinds, typologies and motives (ADR 44): admins change it, every staff member reads it. */
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: Catalog) {}

  @Get()
  @ApiTags('catalog')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The kinds of case, and the typologies with their motives and service targets (retired ones marked): what filing and typifying accept' })
  @ApiResponse({ status: 200, type: Dto.CatalogDto })
  async read(@Query() _query: NoQueryDto): Promise<Dto.CatalogDto> {
    const { state, revision } = await this.catalog.current();
    const kinds = CASE_KINDS.map((kind) => ({ kind, name: caseKindLabel(kind), legalTermDays: LEGAL_TERM_BUSINESS_DAYS[kind] }));
    return { kinds, typologies: Object.values(state.typologies).map((typology) => ({ ...typology })), revision };
  }

  @CommandRoute({ path: 'typologies', created: true, onExistingCase: false, roles: ['admin'], response: Response, errors: ['CATALOG.TYPOLOGY_EXISTS', 'CATALOG.DUPLICATE_MOTIVE', 'CATALOG.FIRST_RESPONSE_AFTER_RESOLUTION'], summary: 'Add a typology with its motives and service targets (TypologyDefined)' })
  async define(@Body() body: Dto.DefineTypologyDto, @HttpCommand() headers: Headers): Promise<Response> {
    const context = toCommandContext(headers, 'DefineTypology', body.typologyId, body);
    return toResponse(await this.catalog.change({ type: 'DefineTypology', data: definitionOf(body.typologyId, body) }, context));
  }

  @CommandRoute({ path: 'typologies/:typologyId', onExistingCase: false, roles: ['admin'], response: Response, errors: ['CATALOG.TYPOLOGY_NOT_FOUND', 'CATALOG.DUPLICATE_MOTIVE', 'CATALOG.FIRST_RESPONSE_AFTER_RESOLUTION'], summary: "Replace a typology's name, motives and service targets (TypologyChanged); open cases of it run on the new targets" })
  async change(@Id() typologyId: string, @Body() body: Dto.TypologyBodyDto, @HttpCommand() headers: Headers): Promise<Response> {
    const context = toCommandContext(headers, 'ChangeTypology', typologyId, body);
    return toResponse(await this.catalog.change({ type: 'ChangeTypology', data: definitionOf(typologyId, body) }, context));
  }

  @CommandRoute({ path: 'typologies/:typologyId/retirement', onExistingCase: false, roles: ['admin'], response: Response, errors: ['CATALOG.TYPOLOGY_NOT_FOUND'], summary: 'Retire a typology (TypologyRetired): no new case takes it; the cases that have it keep it and its targets' })
  async retire(@Id() typologyId: string, @Body() body: EmptyCommandDto, @HttpCommand() headers: Headers): Promise<Response> {
    return toResponse(await this.catalog.change({ type: 'RetireTypology', data: { typologyId } }, toCommandContext(headers, 'RetireTypology', typologyId, body)));
  }
}
