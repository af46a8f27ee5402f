import { DomainError } from '../shared/domain-error';

/** Stable error codes of the user directory. */
export const DirectoryErrors = {
  userNotFound: () => new DomainError('USER.NOT_FOUND', 'The user does not exist', 'not_found'),
  userAlreadyExists: () => new DomainError('USER.ALREADY_EXISTS', 'A user with this id already exists', 'conflict'),
  userAlreadyInactive: () => new DomainError('USER.ALREADY_INACTIVE', 'The user is already deactivated', 'conflict'),
  userAlreadyActive: () => new DomainError('USER.ALREADY_ACTIVE', 'The user is already active', 'conflict'),
  cannotDeactivateSelf: () => new DomainError('USER.CANNOT_DEACTIVATE_SELF', 'An admin cannot deactivate their own user', 'rule'),
  emailTaken: () => new DomainError('USER.EMAIL_TAKEN', 'Another user already has this email', 'conflict'),
  noRoles: () => new DomainError('USER.NO_ROLES', 'A user needs at least one role', 'rule'),
  identityConflict: () =>
    new DomainError('USER.IDENTITY_CONFLICT', "The user id is taken by a user the identity provider's account is not linked to", 'forbidden'),
  teamNotFound: (teamIds: string[]) => new DomainError('TEAM.NOT_FOUND', `No team ${teamIds.join(', ')}`, 'rule', { teamIds }),
  teamAlreadyExists: () => new DomainError('TEAM.ALREADY_EXISTS', 'A team with this id already exists', 'conflict'),
  userNotAssignable: (userIds: string[]) =>
    new DomainError('USER.NOT_ASSIGNABLE', `Cases go only to active users with the backoffice role, not to ${userIds.join(', ')}`, 'rule', { userIds }),
  teamNoAssignableMember: (teamId: string) =>
    new DomainError('TEAM.NO_ASSIGNABLE_MEMBER', `Team ${teamId} has no active member with the backoffice role`, 'rule', { teamId }),
};
