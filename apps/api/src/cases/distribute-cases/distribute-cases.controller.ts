import { Body, Controller, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandRoute } from '../../command-handling/command-route.decorator';
import { HttpCommand, HttpCommandHeaders } from '../../command-handling/http-command.decorator';
import { toCommandContext } from '@app/runtime';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { DistributeCasesCommand } from './distribute-cases.handler';
import { DistributeCasesDto, DistributionResultDto } from './distribute-cases.dto';

@Controller('cases')
export class DistributeCasesController {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute({
    path: 'distribution',
    roles: ['supervisor'],
    onExistingCase: false,
    errors: ['CONCURRENCY.CONFLICT'],
    response: DistributionResultDto,
    summary: 'Assign unassigned cases (soonest due first) among the given backoffice agents: round-robin (starting with the agent after the last one the previous round-robin distribution served, across calls and restarts) or least-loaded',
  })
  distribute(
    @Body() body: DistributeCasesDto,
    @Query() query: FreshnessQueryDto,
    @HttpCommand() headers: HttpCommandHeaders,
  ): Promise<DistributionResultDto> {
    return this.bus.execute(new DistributeCasesCommand(body, toCommandContext(headers, 'DistributeCases', null, body), query.minPosition));
  }
}
