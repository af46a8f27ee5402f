import { Controller, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { HttpCommand, HttpCommandHeaders } from '../command-handling/http-command.decorator';
import { PETITIONER_ID_PATTERN, RequestValidationError } from '@app/runtime';
import { ErasureResponseDto } from './petitioner-erasure.dto';
import { PetitionerErasure } from './petitioner-erasure.service';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiTags('personal data')
@ApiBearerAuth()
@Controller('petitioners')
export class PetitionerErasureController {
  constructor(private readonly erasure: PetitionerErasure) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      "Suppress a petitioner's personal data (Ley 1581 de 2012): destroys their key (crypto-shredding), records PetitionerDataErased on each of their cases, deletes their outgoing .eml files and attachments. The histories still replay, with [erased] where the data was; reports do not change. The id is the case view's petitionerId. Repeating it is harmless.",
  })
  @ApiParam({ name: 'id', description: "The petitioner's pseudonymous id (petitionerId in GET /cases/:id)", schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } })
  @ApiResponse({ status: 200, type: ErasureResponseDto })
  @ApiErrors('PETITIONER.NOT_FOUND')
  async erase(@Param('id') id: string, @HttpCommand() headers: HttpCommandHeaders): Promise<ErasureResponseDto> {
    if (!PETITIONER_ID_PATTERN.test(id)) throw new RequestValidationError([{ field: 'id', reason: 'id must be a petitionerId: 64 lowercase hexadecimal digits' }]);
    const result = await this.erasure.erase(id, headers);
    if (!result) throw new NotFoundException({ code: 'PETITIONER.NOT_FOUND', message: 'No key and no case for that petitioner' });
    return result;
  }
}
