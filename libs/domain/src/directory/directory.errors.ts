import { DomainError } from '../shared/domain-error';

/** Stable error codes of the user directory. */
export const DirectoryErrors = {
  userNotFound: () => new DomainError('USER.NOT_FOUND', 'The user does not exist', 'not_found'),
  userAlreadyExists: () => new DomainError('USER.ALREADY_EXISTS', 'A user with this id already exists', 'conflict'),
  userAlreadyInactive: () => new DomainError('USER.ALREADY_INACTIVE', 'The user is already deactivated', 'conflict'),
  userAlreadyActive: () => new DomainError('USER.ALREADY_ACTIVE', 'The user is already active', 'conflict'),
  cannotDeactivateSelf: () => new DomainError('USER.CANNOT_DEACTIVATE_SELF', 'An admin cannot deactivate their own user', 'rule'),
  noRoles: () => new DomainError('USER.NO_ROLES', 'A user needs at least one role', 'rule'),
  identityConflict: () =>
    new DomainError('USER.IDENTITY_CONFLICT', "The user id is taken by a user the identity provider's account is not linked to", 'forbidden'),
  teamNotFound: (teamIds: string[]) => new DomainError('TEAM.NOT_FOUND', `No team ${teamIds.join(', ')}`, 'rule', { teamIds }),
  teamAlreadyExists: () => new DomainError('TEAM.ALREADY_EXISTS', 'A team with this id already exists', 'conflict'),
};
