/** What every record verb needs: the project, who acts, and a lock that serialises changes to one project's records. */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import { projects } from '@/db/schema';
import { findSecretValue, type SecretFinding } from '@/server/records/secret-values';
import { scanText } from '@/server/checks/secrets/scanner';
import { neverValues } from '@/server/validation';
import { badInput } from '@/server/errors';

export type RecordScope = { projectId: string; actorId: string };

/**
 * Row-locks the project for the rest of the transaction, so "next position", "one fallback"
 * and "unique name" are decided by one writer at a time (on PGlite and PostgreSQL alike).
 */
export async function lockProject(tx: Tx, projectId: string): Promise<void> {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
}

/** "a Stripe live secret key", "an AWS access key ID". */
const withArticle = (provider: string) => `${/^[aeioAEIO]/.test(provider) ? 'an' : 'a'} ${provider}`;

/** What our own detector or the bundle scanner's secretlint rules find in one text, if anything. */
async function secretIn(value: string): Promise<SecretFinding | null> {
  const own = findSecretValue(value);
  if (own) return own;
  // Informational hits (an AWS account id) are not credentials.
  const hit = (await scanText(value)).find((h) => h.severity !== 'info');
  return hit ? { kind: withArticle(hit.provider) } : null;
}

/**
 * The input schemas already refuse pasted secrets (with our detector); this repeats the check
 * at the service boundary, adding the secretlint rules of the bundle scan (server/checks/secrets),
 * so no caller (a seed, an import) can store a value either.
 */
export async function assertNoSecretValues(fields: Record<string, string | null | undefined>): Promise<void> {
  const refused: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    const finding = value ? await secretIn(value) : null;
    if (finding) refused[field] = neverValues(finding);
  }
  if (Object.keys(refused).length > 0) {
    throw badInput('Secret values are never stored.', refused);
  }
}

/** The scope from a project procedure's context. */
export const recordScope = (ctx: { project: { projectId: string }; user: { id: string } }): RecordScope => ({ projectId: ctx.project.projectId, actorId: ctx.user.id });
