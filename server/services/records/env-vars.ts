/** The environment-variable inventory: add, change and remove entries. Names and facts only, never values. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { envVars } from '@/db/schema';
import { findEnvVar, findEnvVarByName, isProjectWorkspaceMember } from '@/db/queries/records';
import type { EnvVarFields } from '@/server/records/env-var-input';
import { fieldError, notFound } from '@/server/errors';
import { quoted, recordActivity } from '../activity';
import { assertNoSecretValues, lockProject, type RecordScope } from './scope';

async function checkFields(db: Database, scope: RecordScope, fields: EnvVarFields) {
  const environments = Object.fromEntries(fields.environments.map((name, i) => [`environments.${i}`, name]));
  await assertNoSecretValues({ name: fields.name, purpose: fields.purpose, storedIn: fields.storedIn, ownerName: fields.ownerName, ...environments });
  if (fields.ownerUserId && !(await isProjectWorkspaceMember(db, { projectId: scope.projectId, userId: fields.ownerUserId }))) {
    throw fieldError('ownerUserId', 'Pick a member of this workspace, or name an outside person instead.');
  }
}

/** A person from the workspace or a named outsider, never both. */
function columns(fields: EnvVarFields) {
  return { ...fields, ownerName: fields.ownerUserId ? null : fields.ownerName };
}

const taken = (name: string) => fieldError('name', `${name} is already in the inventory. Edit that entry instead.`);

export async function addEnvVar(db: Database, scope: RecordScope, fields: EnvVarFields) {
  await checkFields(db, scope, fields);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    if (await findEnvVarByName(tx, { projectId: scope.projectId, name: fields.name })) throw taken(fields.name);
    const [row] = await tx.insert(envVars).values({ projectId: scope.projectId, ...columns(fields) }).returning({ id: envVars.id, name: envVars.name });
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'envVar.create',
      summary: `added ${quoted(fields.name)} to the environment-variable inventory`,
      details: { envVarId: row!.id, name: fields.name },
    });
    return row!;
  });
}

export async function updateEnvVar(db: Database, scope: RecordScope, envVarId: string, fields: EnvVarFields) {
  await checkFields(db, scope, fields);
  return db.transaction(async (tx) => {
    await lockProject(tx, scope.projectId);
    const current = await findEnvVar(tx, { projectId: scope.projectId, envVarId });
    if (!current) throw notFound('Variable');
    if (await findEnvVarByName(tx, { projectId: scope.projectId, name: fields.name, exceptId: envVarId })) throw taken(fields.name);
    const [row] = await tx.update(envVars).set({ ...columns(fields), updatedAt: new Date() }).where(eq(envVars.id, envVarId)).returning({ id: envVars.id, name: envVars.name });
    const renamed = current.name !== fields.name ? ` (was ${quoted(current.name)})` : '';
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'envVar.update',
      summary: `updated ${quoted(fields.name)} in the environment-variable inventory${renamed}`,
      details: { envVarId, name: fields.name },
    });
    return row!;
  });
}

export async function removeEnvVar(db: Database, scope: RecordScope, envVarId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(envVars).where(and(eq(envVars.id, envVarId), eq(envVars.projectId, scope.projectId))).returning({ id: envVars.id, name: envVars.name });
    if (!row) throw notFound('Variable');
    await recordActivity(tx, {
      projectId: scope.projectId,
      actorId: scope.actorId,
      action: 'envVar.remove',
      summary: `removed ${quoted(row.name)} from the environment-variable inventory`,
      details: { envVarId, name: row.name },
    });
    return { id: row.id };
  });
}
