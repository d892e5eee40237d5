/** What every record verb needs: the project, who acts, and a lock that serialises changes to one project's records. */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/types';
import { projects } from '@/db/schema';
import { findSecretValue } from '@/server/records/secret-values';
import { neverValues } from '@/server/records/safe-text';
import { FieldError } from '@/server/trpc/errors';
import { TRPCError } from '@trpc/server';

export type RecordScope = { projectId: string; actorId: string };

/**
 * Row-locks the project for the rest of the transaction, so "next position", "one fallback"
 * and "unique name" are decided by one writer at a time (on PGlite and PostgreSQL alike).
 */
export async function lockProject(tx: Tx, projectId: string): Promise<void> {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
}

/**
 * The input schemas already refuse pasted secrets; this repeats the check at the service
 * boundary so no other caller (a seed, an import) can store one either.
 */
export function assertNoSecretValues(fields: Record<string, string | null | undefined>): void {
  const refused: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    const finding = value ? findSecretValue(value) : null;
    if (finding) refused[field] = neverValues(finding);
  }
  if (Object.keys(refused).length > 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Secret values are never stored.', cause: new FieldError(refused) });
  }
}

/** The scope from a project procedure's context. */
export const recordScope = (ctx: { project: { projectId: string }; user: { id: string } }): RecordScope => ({ projectId: ctx.project.projectId, actorId: ctx.user.id });
