/**
 * Key rotation: re-seals every secret not sealed with the current key. Run after moving the old
 * key to LR_SECRETS_KEY_PREVIOUS and setting a new LR_SECRETS_KEY; when it reports nothing left,
 * the old key can be dropped. Each row is re-sealed in its own short update, guarded by the key
 * id it was read with, so a value replaced meanwhile by a person is never overwritten.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { projectSecrets } from '@/db/schema';
import { open, seal, SecretUnreadable } from './cipher';
import type { Keyring } from './keyring';

export type RotationReport = { resealed: number; unreadable: { projectId: string; name: string; reason: string }[] };

export async function resealSecrets(db: Database, ring: Keyring): Promise<RotationReport> {
  const rows = await db.select().from(projectSecrets).where(ne(projectSecrets.keyId, ring.current.id));
  const report: RotationReport = { resealed: 0, unreadable: [] };
  for (const row of rows) {
    const where = { projectId: row.projectId, name: row.name };
    let value: string;
    try {
      value = open(ring, where, row);
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error;
      report.unreadable.push({ ...where, reason: error.message });
      continue;
    }
    const updated = await db
      .update(projectSecrets)
      .set(seal(ring.current, where, value))
      .where(and(eq(projectSecrets.id, row.id), eq(projectSecrets.keyId, row.keyId), eq(projectSecrets.ciphertext, row.ciphertext)))
      .returning({ id: projectSecrets.id });
    report.resealed += updated.length;
  }
  return report;
}
