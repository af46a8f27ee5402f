import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DirectoryCommandService, toCommandContext } from '@app/runtime';
import type { TeamListing, UserListing } from '@app/projections';
import { Roles } from '../auth/roles.decorator';
import { CommandRoute } from '../command-handling/command-route.decorator';
import { toStreamCommandResponse as toResponse } from '../command-handling/stream-command-response';
import { HttpCommand, HttpCommandHeaders as Headers } from '../command-handling/http-command.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { FreshnessQueryDto } from '../read-side/list-query.dto';
import * as Dto from './directory.dto';
import { DirectoryReads } from './directory.reads';
import { UserIdParam as Id } from './user-id.param';

type Response = Dto.DirectoryCommandResponseDto;
const Response = Dto.DirectoryCommandResponseDto;


/** The user directory: admins change it (each change an event with its actor), admins and supervisors read it, auditors read each user's history. */
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(
    private readonly commands: DirectoryCommandService,
    private readonly reads: DirectoryReads,
  ) {}

  @CommandRoute({ path: 'users', created: true, onExistingCase: false, roles: ['admin'], response: Response, errors: ['USER.ALREADY_EXISTS', 'USER.EMAIL_TAKEN', 'USER.NO_ROLES', 'TEAM.NOT_FOUND'], summary: 'Create a user with their roles and teams (UserCreated)' })
  async createUser(@Body() body: Dto.CreateUserDto, @HttpCommand() headers: Headers): Promise<Response> {
    const data = { userId: body.userId, displayName: body.displayName, email: body.email, roles: body.roles, teamIds: body.teamIds ?? [] };
    return toResponse(await this.commands.user({ type: 'CreateUser', data }, toCommandContext(headers, 'CreateUser', body.userId, body)));
  }

  @CommandRoute({ path: 'users/:id/roles', roles: ['admin'], response: Response, errors: ['USER.NOT_FOUND', 'USER.NO_ROLES'], summary: "Replace the user's roles (UserRolesChanged; the same roles again change nothing)" })
  async changeRoles(@Id() id: string, @Body() body: Dto.UserRolesDto, @HttpCommand() headers: Headers): Promise<Response> {
    return toResponse(await this.commands.user({ type: 'ChangeUserRoles', data: { userId: id, roles: body.roles } }, toCommandContext(headers, 'ChangeUserRoles', id, body)));
  }

  @CommandRoute({ path: 'users/:id/teams', roles: ['admin'], response: Response, errors: ['USER.NOT_FOUND', 'TEAM.NOT_FOUND'], summary: "Replace the user's teams (UserTeamsChanged; the same teams again change nothing)" })
  async changeTeams(@Id() id: string, @Body() body: Dto.UserTeamsDto, @HttpCommand() headers: Headers): Promise<Response> {
    return toResponse(await this.commands.user({ type: 'ChangeUserTeams', data: { userId: id, teamIds: body.teamIds } }, toCommandContext(headers, 'ChangeUserTeams', id, body)));
  }

  @CommandRoute({ path: 'users/:id/deactivation', roles: ['admin'], response: Response, errors: ['USER.NOT_FOUND', 'USER.ALREADY_INACTIVE', 'USER.CANNOT_DEACTIVATE_SELF'], summary: 'Deactivate the user (UserDeactivated); an admin cannot deactivate themselves' })
  async deactivate(@Id() id: string, @Body() body: Dto.EmptyCommandDto, @HttpCommand() headers: Headers): Promise<Response> {
    return toResponse(await this.commands.user({ type: 'DeactivateUser', data: { userId: id } }, toCommandContext(headers, 'DeactivateUser', id, body)));
  }

  @CommandRoute({ path: 'users/:id/reactivation', roles: ['admin'], response: Response, errors: ['USER.NOT_FOUND', 'USER.ALREADY_ACTIVE'], summary: 'Reactivate a deactivated user (UserReactivated)' })
  async reactivate(@Id() id: string, @Body() body: Dto.EmptyCommandDto, @HttpCommand() headers: Headers): Promise<Response> {
    return toResponse(await this.commands.user({ type: 'ReactivateUser', data: { userId: id } }, toCommandContext(headers, 'ReactivateUser', id, body)));
  }

  @CommandRoute({ path: 'teams', created: true, onExistingCase: false, roles: ['admin'], response: Response, errors: ['TEAM.ALREADY_EXISTS'], summary: 'Create a team (TeamCreated); users join it through POST /users/:id/teams' })
  async createTeam(@Body() body: Dto.CreateTeamDto, @HttpCommand() headers: Headers): Promise<Response> {
    return toResponse(await this.commands.team({ type: 'CreateTeam', data: { teamId: body.teamId, name: body.name } }, toCommandContext(headers, 'CreateTeam', body.teamId, body)));
  }

  @Get('users')
  @ApiTags('directory')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'The user directory, by user id, filtered by role, team and active flag' })
  @ApiResponse({ status: 200, type: Dto.UserPageDto })
  listUsers(@Query() query: Dto.UserListQueryDto): Promise<{ items: UserListing[]; nextCursor: string | null }> {
    return this.reads.listUsers(query);
  }

  @Get('users/:id')
  @ApiTags('directory')
  @Roles('admin', 'supervisor')
  @ApiErrors('USER.NOT_FOUND')
  @ApiOperation({ summary: 'One user: roles, teams, active flag and the revision to send as If-Match' })
  @ApiResponse({ status: 200, type: Dto.UserDto })
  user(@Id() id: string, @Query() query: FreshnessQueryDto): Promise<UserListing> {
    return this.reads.user(id, query.minPosition);
  }

  @Get('users/:id/history')
  @ApiTags('directory')
  @Roles('auditor', 'admin')
  @ApiErrors('USER.NOT_FOUND')
  @ApiOperation({ summary: "Every change to the user as recorded: each event with who made it and when" })
  @ApiResponse({ status: 200, type: Dto.UserHistoryDto })
  history(@Id() id: string, @Query() _query: Dto.NoQueryDto): Promise<Dto.UserHistoryDto> {
    return this.reads.history(id);
  }

  @Get('teams')
  @ApiTags('directory')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Every team, by id' })
  @ApiResponse({ status: 200, type: Dto.TeamListDto })
  teams(@Query() query: FreshnessQueryDto): Promise<{ items: TeamListing[] }> {
    return this.reads.teams(query.minPosition);
  }
}
