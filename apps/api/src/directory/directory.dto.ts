import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';
import { fromBooleanWord, RequiredName } from '../http/field.decorators';
import { ListQueryDto } from '../read-side/list-query.dto';

/** A user's or team's id: 1-100 visible ASCII characters (a token subject such as `bo-beto`, a UUID, an email). */
export const DIRECTORY_ID_PATTERN = '^[!-~]{1,100}$';
export const DIRECTORY_ID_REGEX = new RegExp(DIRECTORY_ID_PATTERN);
const MAX_TEAMS = 20;

const DirectoryId = (description: string, example: string) =>
  function (target: object, key: string) {
    ApiProperty({ description, example, pattern: DIRECTORY_ID_PATTERN, minLength: 1, maxLength: 100 })(target, key);
    IsString()(target, key);
    Matches(DIRECTORY_ID_REGEX, { message: `${key} must be 1-100 visible ASCII characters` })(target, key);
  };

const RoleList = () =>
  function (target: object, key: string) {
    ApiProperty({ type: [String], enum: ROLES, minItems: 1, maxItems: ROLES.length, example: ['backoffice'], description: "The user's roles (API.md's seven)" })(target, key);
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(ROLES.length)(target, key);
    IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })(target, key);
  };

const TeamIdList = (required: boolean) =>
  function (target: object, key: string) {
    (required ? ApiProperty : ApiPropertyOptional)({ type: [String], maxItems: MAX_TEAMS, items: { type: 'string', pattern: DIRECTORY_ID_PATTERN, minLength: 1, maxLength: 100 }, example: ['zona-norte'], description: 'The teams the user belongs to (each must exist: 422 TEAM.NOT_FOUND)' } as never)(target, key);
    if (!required) IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(MAX_TEAMS)(target, key);
    IsString({ each: true })(target, key);
    Matches(DIRECTORY_ID_REGEX, { each: true, message: `each of ${key} must be 1-100 visible ASCII characters` })(target, key);
  };

export class CreateUserDto {
  @DirectoryId('The user id: the subject (`sub`) of their tokens, recorded as the actor of what they do', 'bo-beto') userId: string;
  @RequiredName(200, 'As colleagues and the timeline show it', 'Beto Díaz') displayName: string;
  @ApiProperty({ maxLength: 254, format: 'email', example: 'beto@empresa.co', description: 'Work email (employee data, not a petitioner\'s: ADR 38)' })
  @IsString() @MaxLength(254) @IsEmail({}, { message: 'email must be an email address' })
  email: string;
  @RoleList() roles: Role[];
  @TeamIdList(false) teamIds?: string[];
}

export class UserRolesDto {
  @RoleList() roles: Role[];
}

export class UserTeamsDto {
  @TeamIdList(true) teamIds: string[];
}

/** Deactivation and reactivation carry nothing but the command itself. */
export class EmptyCommandDto {}

/** A read that takes no query parameter: any one sent is refused (400 naming it). */
export class NoQueryDto {}

export class CreateTeamDto {
  @DirectoryId('The team id', 'zona-norte') teamId: string;
  @RequiredName(200, 'The team name', 'Zona norte') name: string;
}

export class UserListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only users holding this role' })
  @IsOptional() @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ pattern: DIRECTORY_ID_PATTERN, maxLength: 100, description: 'Only members of this team' })
  @IsOptional() @IsString() @Matches(DIRECTORY_ID_REGEX, { message: 'teamId must be 1-100 visible ASCII characters' })
  teamId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: active users only; false: deactivated only' })
  @IsOptional() @Transform(fromBooleanWord) @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class DirectoryCommandResponseDto {
  @ApiProperty({ description: 'The user or team id' }) id: string;
  @ApiProperty({ description: "The user's or team's revision after the command (also the ETag)" }) revision: number;
  @ApiProperty({ description: 'Global position of the last event: pass it as ?minPosition= to read your own write' }) position: number;
  @ApiProperty({ description: 'The events the command appended (none when it changed nothing)', example: ['UserCreated'] }) events: string[];
  @ApiProperty({ description: 'True when this Idempotency-Key was seen before and nothing new was appended' }) replayed: boolean;
}

export class UserDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String], enum: ROLES }) roles: Role[];
  @ApiProperty({ type: [String] }) teamIds: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'The revision to send as If-Match' }) revision: number;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TeamDto {
  @ApiProperty() teamId: string;
  @ApiProperty() name: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() createdBy: string;
}

export class TeamListDto {
  @ApiProperty({ type: [TeamDto] }) items: TeamDto[];
}

export class UserHistoryEntryDto {
  @ApiProperty() revision: number;
  @ApiProperty({ example: 'UserRolesChanged' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ description: 'Who made the change (their user id)' }) actorId: string;
  @ApiProperty() occurredAt: string;
}

export class UserHistoryDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: [UserHistoryEntryDto] }) events: UserHistoryEntryDto[];
}
