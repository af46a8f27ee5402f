import type { UserState } from './user.decider';

/** Cases go only to active users with the backoffice role (assignment, distribution). */
export function isAssignable(user: UserState): boolean {
  return user.exists && user.active && user.roles.includes('backoffice');
}
