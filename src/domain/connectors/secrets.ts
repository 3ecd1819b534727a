import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConflictError } from '../errors';

/**
 * Credentials at rest (docs/connectors.md): AES-256-GCM with a 96-bit random IV per write, the
 * connection's id as additional authenticated data (a blob copied onto another row does not
 * open), stored as `v1.<base64url(iv | tag | ciphertext)>`.
 *
 * The key is TARIFF_SECRETS_KEY: 32 bytes, written as 64 hex digits or as base64 (44 characters).
 * There is no fallback: a key kept in the same database as what it protects protects nothing, so
 * without it createConnection is refused (CONFLICT) and the sync leaves connections alone.
 */
export const SECRETS_KEY_VARIABLE = 'TARIFF_SECRETS_KEY';
const VERSION = 'v1';

/** The 32 key bytes, or an error message naming what is wrong (for the config's check). */
export function parseSecretsKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`${SECRETS_KEY_VARIABLE} must be 32 bytes: 64 hex digits or 44 base64 characters`);
  return key;
}

export function requireSecretsKey(key: Buffer | null | undefined): Buffer {
  if (!key) {
    throw new ConflictError(`${SECRETS_KEY_VARIABLE} is not set: connection credentials cannot be stored encrypted (docs/connectors.md)`, {
      field: 'input.credentials',
    });
  }
  return key;
}

export function encryptSecret(key: Buffer, connectionId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(connectionId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Throws when the key is not the one it was written with, or the blob was changed. */
export function decryptSecret(key: Buffer, connectionId: string, stored: string): string {
  const [version, data] = stored.split('.', 2);
  if (version !== VERSION || !data) throw new Error('unknown credentials format');
  const raw = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(connectionId, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
