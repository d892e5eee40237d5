/**
 * Save-time check for any feature that stores `{{secret.NAME}}`: every name must be a secret the
 * project has, else a field message says which is missing. (Send time checks again: a secret
 * can be removed later, and the work then fails naming it.)
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { projectSecrets } from '@/db/schema';
import { referencedSecretNames } from './placeholders';

/** Field path → message, for the fields whose placeholders name a secret the project lacks. */
export async function missingSecretFields(db: DbOrTx, projectId: string, texts: readonly (readonly [field: string, text: string | null | undefined])[]): Promise<Record<string, string>> {
  const wanted = texts.flatMap(([field, text]) => referencedSecretNames(text ?? '').map((name) => ({ field, name })));
  if (wanted.length === 0) return {};
  const stored = new Set((await db.select({ name: projectSecrets.name }).from(projectSecrets).where(eq(projectSecrets.projectId, projectId))).map((r) => r.name));
  const problems: Record<string, string> = {};
  for (const { field, name } of wanted) {
    if (!stored.has(name)) problems[field] ??= `There is no secret named ${name} in this project. Add it under Project settings → Secrets first, or fix the name.`;
  }
  return problems;
}
