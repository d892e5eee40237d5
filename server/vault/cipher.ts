/**
 * AES-256-GCM sealing of one secret value. The row's project and name are bound in as
 * additional data, so a ciphertext copied to another row or project fails to open instead of
 * leaking there; a changed byte anywhere fails the tag.
 */
import crypto from 'node:crypto';
import { keyById, type Keyring, type VaultKey } from './keyring';

export type Sealed = { ciphertext: string; iv: string; tag: string; keyId: string };
export type SealedFor = { projectId: string; name: string };

const boundData = (row: SealedFor) => Buffer.from(`launch-ready secret\0${row.projectId}\0${row.name}`, 'utf8');

export function seal(key: VaultKey, row: SealedFor, value: string): Sealed {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(boundData(row));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), keyId: key.id };
}

export class SecretUnreadable extends Error {
  constructor(readonly secretName: string, readonly reason: 'unknown-key' | 'tampered') {
    super(
      reason === 'unknown-key'
        ? `The secret ${secretName} was sealed with a key this server does not have (LR_SECRETS_KEY changed without LR_SECRETS_KEY_PREVIOUS).`
        : `The secret ${secretName} could not be opened: its stored form was changed or belongs to another row.`,
    );
  }
}

export function open(ring: Keyring, row: SealedFor, sealed: Sealed): string {
  const key = keyById(ring, sealed.keyId);
  if (!key) throw new SecretUnreadable(row.name, 'unknown-key');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(boundData(row));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadable(row.name, 'tampered');
  }
}
