import { profileFromClaims } from './oidc-profile';

const settings = { nameClaim: ['name'], emailClaim: ['email'] };

describe('profileFromClaims: the display name and email of a user an OIDC token creates', () => {
  it('takes the configured claims, nested ones too', () => {
    expect(profileFromClaims({ name: 'Sofía Ruiz', email: 'sofia@empresa.co' }, settings, 'f3a9')).toEqual({ displayName: 'Sofía Ruiz', email: 'sofia@empresa.co' });
    expect(profileFromClaims({ profile: { full: 'Ana Gil' }, mail: 'ana@empresa.co' }, { nameClaim: ['profile', 'full'], emailClaim: ['mail'] }, 'x')).toEqual({ displayName: 'Ana Gil', email: 'ana@empresa.co' });
  });

  it('falls back to preferred_username, then the email, then the subject; and to Entra ID\'s upn for the email', () => {
    expect(profileFromClaims({ preferred_username: 'sruiz', upn: 'sruiz@empresa.co' }, settings, 'f3a9')).toEqual({ displayName: 'sruiz', email: 'sruiz@empresa.co' });
    expect(profileFromClaims({ email: 'sofia@empresa.co' }, settings, 'f3a9')).toEqual({ displayName: 'sofia@empresa.co', email: 'sofia@empresa.co' });
    expect(profileFromClaims({}, settings, 'f3a9')).toEqual({ displayName: 'f3a9', email: '' });
  });

  it('records no email rather than a wrong one, and no control characters or overlong names', () => {
    expect(profileFromClaims({ name: ' Sofía\u0000 Ruiz\n', email: 'not an email' }, settings, 'f3a9')).toEqual({ displayName: 'Sofía Ruiz', email: '' });
    expect(profileFromClaims({ name: 'a'.repeat(300), email: 42 }, settings, 'f3a9').displayName).toHaveLength(200);
  });
});
