import { isAssignable } from './assignable';
import { userDecider } from './user.decider';

const backoffice = { exists: true, active: true, roles: ['backoffice'], teamIds: [] } as const;

describe('isAssignable', () => {
  it('takes an active user with the backoffice role', () => {
    expect(isAssignable({ ...backoffice, roles: ['backoffice'], teamIds: [] })).toBe(true);
  });

  it('refuses an unknown user, a deactivated one, and one without the backoffice role', () => {
    expect(isAssignable(userDecider.initialState())).toBe(false);
    expect(isAssignable({ ...backoffice, roles: ['backoffice'], teamIds: [], active: false })).toBe(false);
    expect(isAssignable({ ...backoffice, roles: ['supervisor', 'agent'], teamIds: [] })).toBe(false);
  });
});
