import { hashPassword, verifyAgainstNobody, verifyPassword } from './password-hash';

/** A cheap cost for the tests of the format; one test keeps the real one. */
const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hash (scrypt)', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
  });

  it('salts each hash afresh: the same password never gives the same string', async () => {
    const [a, b] = await Promise.all([hashPassword('the same password', cheap), hashPassword('the same password', cheap)]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('the same password', a)).resolves.toBe(true);
    await expect(verifyPassword('the same password', b)).resolves.toBe(true);
  });

  it('reads the cost from the stored string, so a stronger cost later still verifies older hashes', async () => {
    const stored = await hashPassword('an older password', cheap);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(verifyPassword('an older password', stored)).resolves.toBe(true);
  });

  it('treats a malformed stored string as a mismatch, never an error', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$c2FsdA$aGFzaA', 'bcrypt$10$8$1$c2FsdA$aGFzaA']) {
      await expect(verifyPassword('whatever', stored)).resolves.toBe(false);
    }
  });

  it('refuses any password against nobody', async () => {
    await expect(verifyAgainstNobody('not the password of anybody')).resolves.toBe(false);
  });

  it('treats the composed and decomposed forms of an accented password as one (NFC)', async () => {
    const stored = await hashPassword('contraseña segura', cheap);
    await expect(verifyPassword('contrasen\u0303a segura', stored)).resolves.toBe(true);
  });
});
