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
    errors: ['CONCURRENCY.CONFLICT', 'USER.NOT_ASSIGNABLE', 'TEAM.NOT_FOUND', 'TEAM.NO_ASSIGNABLE_MEMBER'],
    response: DistributionResultDto,
    summary:
      'Assign unassigned cases (or, `from: to-redistribute`, the open cases of deactivated users), soonest due first, among the given backoffice agents ' +
      "or a team's active backoffice members: round-robin (starting with the agent after the last one the previous round-robin distribution served, " +
      'across calls and restarts) or least-loaded. Every agent named must be assignable (422 USER.NOT_ASSIGNABLE naming them, nothing assigned)',
  })
  distribute(
    @Body() body: DistributeCasesDto,
    @Query() query: FreshnessQueryDto,
    @HttpCommand() headers: HttpCommandHeaders,
  ): Promise<DistributionResultDto> {
    return this.bus.execute(new DistributeCasesCommand(body, toCommandContext(headers, 'DistributeCases', null, body), query.minPosition));
  }
}
