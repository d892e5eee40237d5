/**
 * The vault's verbs. Write-only by construction: nothing here returns a value, and the activity
 * log names the secret, never what it holds.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/types';
import { projectSecrets, user } from '@/db/schema';
import { badInput, notFound } from '@/server/errors';
import { quoted, recordActivity } from '@/server/services/activity';
import { lockProject, type RecordScope } from '@/server/services/records/scope';
import { seal } from './cipher';
import { processKeyring } from './keyring';
import { MAX_SECRETS_PER_PROJECT, type SetSecretInput } from './validation';

export type SecretListing = { name: string; createdAt: Date; createdByName: string | null; updatedAt: Date; updatedByName: string | null };

export async function listSecrets(db: Database, projectId: string): Promise<SecretListing[]> {
  const creator = alias(user, 'creator');
  const updater = alias(user, 'updater');
  return db
    .select({
      name: projectSecrets.name,
      createdAt: projectSecrets.createdAt,
      createdByName: creator.name,
      updatedAt: projectSecrets.updatedAt,
      updatedByName: updater.name,
    })
    .from(projectSecrets)
    .leftJoin(creator, eq(creator.id, projectSecrets.createdBy))
    .leftJoin(updater, eq(updater.id, projectSecrets.updatedBy))
    .where(eq(projectSecrets.projectId, projectId))
    .orderBy(asc(projectSecrets.name));
}

/** Creates the secret or replaces its value; says which it did. */
export async function setSecret(db: Database, scope: RecordScope, input: SetSecretInput): Promise<{ name: string; replaced: boolean }> {
  const sealed = seal(processKeyring().current, { projectId: scope.projectId, name: input.name }, input.value);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const where = and(eq(projectSecrets.projectId, scope.projectId), eq(projectSecrets.name, input.name));
    const [existing] = await tx.select({ id: projectSecrets.id }).from(projectSecrets).where(where);
    if (existing) {
      await tx.update(projectSecrets).set({ ...sealed, updatedBy: scope.actorId, updatedAt: new Date() }).where(eq(projectSecrets.id, existing.id));
    } else {
      const [{ n }] = (await tx.select({ n: count() }).from(projectSecrets).where(eq(projectSecrets.projectId, scope.projectId))) as [{ n: number }];
      if (n >= MAX_SECRETS_PER_PROJECT) throw badInput(`A project keeps at most ${MAX_SECRETS_PER_PROJECT} secrets: remove one you no longer use first. Nothing was saved.`);
      await tx.insert(projectSecrets).values({ projectId: scope.projectId, name: input.name, ...sealed, createdBy: scope.actorId, updatedBy: scope.actorId });
    }
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: existing ? 'secret.replace' : 'secret.create',
      summary: existing ? `replaced the value of the secret ${quoted(input.name)}` : `added the secret ${quoted(input.name)}`,
      details: { name: input.name },
    });
    return { name: input.name, replaced: Boolean(existing) };
  });
}

export async function removeSecret(db: Database, scope: RecordScope, name: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectSecrets)
      .where(and(eq(projectSecrets.projectId, scope.projectId), eq(projectSecrets.name, name)))
      .returning({ name: projectSecrets.name });
    if (!row) throw notFound('Secret');
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'secret.remove',
      summary: `removed the secret ${quoted(row.name)}`,
      details: { name: row.name },
    });
    return { name: row.name };
  });
}
