import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What an encrypted field is stored as: AES-256-GCM over the field's JSON, under one petitioner's key. */
export interface EncryptedEnvelope {
  alg: 'A256GCM';
  /** The key (in the key store) that encrypted it. */
  keyId: string;
  /** Whose key: erasure destroys every key of this petitioner. */
  petitionerId: string;
  /** base64 */
  iv: string;
  /** base64, the GCM authentication tag */
  tag: string;
  /** base64 */
  ciphertext: string;
}

const IV_BYTES = 12;

export function isEncryptedEnvelope(value: unknown): value is EncryptedEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const { alg, keyId, iv, tag, ciphertext } = value as Record<string, unknown>;
  return alg === 'A256GCM' && typeof keyId === 'string' && typeof iv === 'string' && typeof tag === 'string' && typeof ciphertext === 'string';
}

/** `aad` binds the envelope to its place (event id and field): moved to another event, it does not decrypt. */
export function encryptField(value: unknown, key: { keyId: string; petitionerId: string; key: Buffer }, aad: string): EncryptedEnvelope {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    keyId: key.keyId,
    petitionerId: key.petitionerId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Throws when the key is wrong or the envelope was altered (GCM authentication). */
export function decryptField(envelope: EncryptedEnvelope, key: Buffer, aad: string): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8')) as unknown;
}
