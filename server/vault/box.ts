/**
 * A project's secrets opened for one piece of work (a probe, a journey run): fill placeholders,
 * mask what comes back. Values live in memory only as long as the box.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { projectSecrets } from '@/db/schema';
import { precondition } from '@/server/errors';
import { open, SecretUnreadable } from './cipher';
import { processKeyring } from './keyring';
import { createMasker } from './mask';
import { encodeFor, replacePlaceholders, type PlaceholderEncoding } from './placeholders';

export interface SecretBox {
  /** Names of the project's secrets (readable or not). */
  readonly names: readonly string[];
  /** Every readable value, for maskers elsewhere (chat answers, journey screenshots' text). */
  readonly values: readonly string[];
  /**
   * Replaces every `{{secret.NAME}}`; throws a `precondition` error naming a secret that is not
   * set (or cannot be opened). `encoding` writes the value for where it lands (JSON string, form).
   */
  fill(text: string, encoding?: PlaceholderEncoding): string;
  /** Replaces every stored value, any long fragment of it and its encoded forms with `••••`. */
  mask(text: string): string;
}

export const missingSecret = (name: string) =>
  precondition(`The secret ${name} is not set for this project. Add it under Project settings → Secrets, or change the placeholder {{secret.${name}}}.`);

/** A box over values already in hand (tests, a box with nothing in it). */
export function secretBoxOf(entries: readonly { name: string; value: string }[], unreadable: ReadonlyMap<string, string> = new Map()): SecretBox {
  const byName = new Map(entries.map((e) => [e.name, e.value]));
  const values = entries.map((e) => e.value);
  const masker = createMasker(values);
  return {
    names: [...byName.keys(), ...unreadable.keys()],
    values,
    fill(text, encoding = 'raw') {
      return replacePlaceholders(text, (name) => {
        const value = byName.get(name);
        if (value !== undefined) return encodeFor(encoding, value);
        const problem = unreadable.get(name);
        throw problem ? precondition(problem) : missingSecret(name);
      });
    },
    mask: masker,
  };
}

export async function openProjectSecrets(db: DbOrTx, projectId: string): Promise<SecretBox> {
  const rows = await db
    .select({ name: projectSecrets.name, ciphertext: projectSecrets.ciphertext, iv: projectSecrets.iv, tag: projectSecrets.tag, keyId: projectSecrets.keyId })
    .from(projectSecrets)
    .where(eq(projectSecrets.projectId, projectId));
  if (rows.length === 0) return secretBoxOf([]);
  const ring = processKeyring();
  const entries: { name: string; value: string }[] = [];
  const unreadable = new Map<string, string>();
  for (const row of rows) {
    try {
      entries.push({ name: row.name, value: open(ring, { projectId, name: row.name }, row) });
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error;
      // One unreadable secret fails only the work that uses it; the operator sees why in the log.
      console.error(`[vault] project ${projectId}: ${error.message}`);
      unreadable.set(row.name, `The secret ${row.name} cannot be read on this server. Set it again under Project settings → Secrets.`);
    }
  }
  return secretBoxOf(entries, unreadable);
}
