import { PetitionerIdentity } from './petitioner-identity';

describe('PetitionerIdentity', () => {
  const identity = new PetitionerIdentity('a-secret-of-the-deployment');

  it('gives one email the same id however it was typed (case, surrounding spaces)', () => {
    expect(identity.emailIdOf(' Maria.Rojas@Example.com ')).toBe(identity.emailIdOf('maria.rojas@example.com'));
  });

  it('gives different emails different ids, and an email never the id of a document', () => {
    expect(identity.emailIdOf('maria.rojas@example.com')).not.toBe(identity.emailIdOf('mario.rojas@example.com'));
    expect(identity.emailIdOf('CC:1020304050')).not.toBe(identity.idOf({ documentType: 'CC', documentNumber: '1020304050' }));
  });

  it('depends on the secret: another deployment cannot recompute it', () => {
    expect(new PetitionerIdentity('another-secret').emailIdOf('maria.rojas@example.com')).not.toBe(identity.emailIdOf('maria.rojas@example.com'));
  });
});
