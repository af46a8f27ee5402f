import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { DirectoryCommandService, hashPassword, toCommandContext } from '@app/runtime';
import { CommandRoute } from '../../command-handling/command-route.decorator';
import { HttpCommand, HttpCommandHeaders as Headers } from '../../command-handling/http-command.decorator';
import { toStreamCommandResponse as toResponse } from '../../command-handling/stream-command-response';
import { DirectoryCommandResponseDto as Response } from '../../directory/directory.dto';
import { UserIdParam as Id } from '../../directory/user-id.param';
import { SetPasswordDto } from './sign-in.dto';

/** An admin sets a user's password (the first one, or a forgotten one): the user signs in with it. */
@ApiBearerAuth()
@Controller()
export class UserPasswordController {
  constructor(private readonly commands: DirectoryCommandService) {}

  @CommandRoute({ path: 'users/:id/password', roles: ['admin'], response: Response, errors: ['USER.NOT_FOUND', 'USER.EMAIL_TAKEN'], summary: "Set the user's password (UserPasswordSet; the history shows the event, never the hash); the user's earlier sessions end" })
  async setPassword(@Id() id: string, @Body() body: SetPasswordDto, @HttpCommand() headers: Headers): Promise<Response> {
    const data = { userId: id, passwordHash: await hashPassword(body.password) };
    // The request hash leaves the password out (see SignInController); an Idempotency-Key replays by route and user.
    return toResponse(await this.commands.user({ type: 'SetUserPassword', data }, toCommandContext(headers, 'SetUserPassword', id, {})));
  }
}
