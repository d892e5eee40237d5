/**
 * The keys project secrets are sealed with. The current key seals every write; earlier keys
 * (LR_SECRETS_KEY_PREVIOUS) only open rows not yet re-sealed (scripts/rotate-secrets-key.ts).
 * A key is known by its id — a hash of the key, never the key — stored beside each row.
 */
import crypto from 'node:crypto';
import { getConfig } from '@/server/config';

export type VaultKey = { id: string; key: Buffer };
export type Keyring = { current: VaultKey; previous: VaultKey[] };

export function vaultKey(base64: string): VaultKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('A vault key is 32 bytes.');
  const id = crypto.createHash('sha256').update('launch-ready vault key id\0').update(key).digest('hex').slice(0, 16);
  return { id, key };
}

export function keyringOf(keys: { current: string; previous: string[] }): Keyring {
  return { current: vaultKey(keys.current), previous: keys.previous.map(vaultKey) };
}

export function keyById(ring: Keyring, id: string): VaultKey | null {
  if (ring.current.id === id) return ring.current;
  return ring.previous.find((k) => k.id === id) ?? null;
}

let active: Keyring | undefined;

/**
 * The process's keyring, from configuration on first use (web process and `npm run worker` read
 * the same settings). Tests that configure no key get a random one per process: their databases
 * live no longer than the process.
 */
export function processKeyring(): Keyring {
  if (active) return active;
  const underTest = Boolean(process.env.VITEST) && !process.env.LR_SECRETS_KEY;
  const keys = underTest ? { current: crypto.randomBytes(32).toString('base64'), previous: [] } : getConfig().secretsKey;
  if (!keys) throw new Error('LR_SECRETS_KEY is not configured.');
  active = keyringOf(keys);
  return active;
}

/** Tests and the rotation script choose the keys explicitly. */
export function useKeyring(ring: Keyring): void {
  active = ring;
}
